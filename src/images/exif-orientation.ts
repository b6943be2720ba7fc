import { isImageProbeFailure } from './image-probe-failure.js';
import { parseTiffHeader, readTiffIfd, TIFF_TAG } from './tiff-ifd.js';

/** EXIF orientation 1..8; anything else means "unknown" and is reported as absent. */
export function validOrientation(value: number | undefined): number | null {
  return value !== undefined && Number.isInteger(value) && value >= 1 && value <= 8 ? value : null;
}

const ORIENTATION_ONLY: ReadonlySet<number> = new Set([TIFF_TAG.orientation]);

/**
 * Orientation from an EXIF TIFF block (the bytes after "Exif\0\0"), IFD0 tag 0x0112.
 * Broken EXIF does not make the picture unreadable (decoders ignore it), so damage gives null.
 */
export async function readExifOrientation(tiff: Uint8Array): Promise<number | null> {
  const header = parseTiffHeader(tiff);
  if (isImageProbeFailure(header)) return null;
  const read = async (offset: number, length: number) => tiff.subarray(offset, offset + length);
  const ifd = await readTiffIfd(read, header.firstIfdOffset, header.littleEndian, ORIENTATION_ONLY);
  if (isImageProbeFailure(ifd)) return null;
  return validOrientation(ifd.values.get(TIFF_TAG.orientation));
}
