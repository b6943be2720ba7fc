/**
 * Caps for the image header parsers. Every loop over untrusted bytes checks one of these before
 * it reads or allocates, so hostile files cost a bounded amount of I/O and time.
 */

/**
 * The head the caller hands over is free to use up to this size (the probe reads 64 KiB first);
 * a longer one is cut here so the caps below bound the work whatever the caller passes.
 */
export const IMAGE_FREE_HEAD_BYTES = 64 * 1024;
/** Bytes read through the source beyond the head the caller already has. */
export const IMAGE_READ_CAP_BYTES = 4 * 1024 * 1024;
/** Smallest fetch past the head: marker and chunk headers sit close together, one read serves several. */
export const IMAGE_READ_AHEAD_BYTES = 4 * 1024;

/** JPEG segments walked before the frame header (real files have a few dozen). */
export const MAX_JPEG_SEGMENTS = 1024;
/** 0xFF fill bytes allowed between two JPEG segments. */
export const MAX_JPEG_FILL_BYTES = 4096;

/** PNG chunks walked before the first IDAT. */
export const MAX_PNG_CHUNKS_BEFORE_IDAT = 1024;

/** WebP RIFF chunks walked (animation frames included). */
export const MAX_WEBP_CHUNKS = 100_000;

/** GIF blocks (extensions plus image descriptors) walked. */
export const MAX_GIF_BLOCKS = 100_000;
/** GIF data is walked sequentially in reads of this size. */
export const GIF_READ_CHUNK_BYTES = 64 * 1024;

/** Entries in one TIFF/EXIF IFD (real IFD0s hold a few dozen). */
export const MAX_TIFF_IFD_ENTRIES = 1024;
/** IFDs followed along a TIFF file's chain when counting pages. */
export const MAX_TIFF_PAGES = 1024;

/** Boxes per ISO-BMFF level (top level, meta children, ipco properties, moov children). */
export const MAX_ISO_BOXES_PER_LEVEL = 4096;
/** Largest `meta` or `moov` box read whole into memory. */
export const MAX_HEIF_BOX_READ_BYTES = 1024 * 1024;
/** Largest `ftyp` box read (brands only). */
export const MAX_FTYP_BYTES = 4096;
