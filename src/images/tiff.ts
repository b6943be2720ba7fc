import type { ImageInfo } from '../probe/media-info.js';
import { validOrientation } from './exif-orientation.js';
import type { ImageByteReader } from './image-byte-reader.js';
import { MAX_TIFF_PAGES } from './image-limits.js';
import { imageFailure, isImageProbeFailure, type ImageProbeFailure } from './image-probe-failure.js';
import { parseTiffHeader, readTiffIfd, TIFF_TAG, type TiffRead } from './tiff-ifd.js';

const IFD0_TAGS: ReadonlySet<number> = new Set(Object.values(TIFF_TAG));
const NO_TAGS: ReadonlySet<number> = new Set();

/** PhotometricInterpretation values (TIFF 6.0 and the CIELab extension). */
const PHOTOMETRIC_COLOR_SPACE: Record<number, string> = {
  0: 'gray',
  1: 'gray',
  2: 'rgb',
  3: 'palette',
  5: 'cmyk',
  6: 'ycbcr',
  8: 'lab',
};

/** IFD0 gives size, orientation and sample layout; the IFD chain gives the page count. */
export async function parseTiff(reader: ImageByteReader): Promise<ImageInfo | ImageProbeFailure> {
  const headBytes = await reader.read(0, 8);
  if (isImageProbeFailure(headBytes)) return headBytes;
  const header = parseTiffHeader(headBytes);
  if (isImageProbeFailure(header)) return header;
  const read: TiffRead = (offset, length) => reader.read(offset, length);
  const { littleEndian, firstIfdOffset } = header;
  if (firstIfdOffset < 8) return imageFailure('corrupt', `TIFF IFD0 offset ${firstIfdOffset} points into the header`, 4);

  const ifd0 = await readTiffIfd(read, firstIfdOffset, littleEndian, IFD0_TAGS);
  if (isImageProbeFailure(ifd0)) return ifd0;
  const width = ifd0.values.get(TIFF_TAG.imageWidth);
  const height = ifd0.values.get(TIFF_TAG.imageLength);
  if (width === undefined || height === undefined) return imageFailure('corrupt', 'TIFF IFD0 has no image size', firstIfdOffset);
  if (width === 0 || height === 0) return imageFailure('corrupt', `TIFF image size ${width}x${height}`, firstIfdOffset);

  const pages = await countPages(read, firstIfdOffset, ifd0.nextIfdOffset, littleEndian);
  if (isImageProbeFailure(pages)) return pages;
  const photometric = ifd0.values.get(TIFF_TAG.photometric);
  const extraSamples = ifd0.values.get(TIFF_TAG.extraSamples);
  return {
    format: 'tiff',
    width,
    height,
    orientation: validOrientation(ifd0.values.get(TIFF_TAG.orientation)),
    animated: false,
    frameCount: pages,
    progressive: null,
    colorSpace: photometric === undefined ? null : PHOTOMETRIC_COLOR_SPACE[photometric] ?? null,
    // ExtraSamples 1 (associated) and 2 (unassociated) are alpha; 0 is unspecified data.
    hasAlpha: extraSamples === 1 || extraSamples === 2,
    // BitsPerSample defaults to 1 when absent.
    bitDepth: ifd0.values.get(TIFF_TAG.bitsPerSample) ?? 1,
    lossless: null,
  };
}

/** Follows the next-IFD chain; a loop is damage (libtiff refuses it too), a cap gives "unknown". */
async function countPages(
  read: TiffRead,
  firstIfdOffset: number,
  secondIfdOffset: number | null,
  littleEndian: boolean,
): Promise<number | null | ImageProbeFailure> {
  const seen = new Set([firstIfdOffset]);
  let pages = 1;
  let next = secondIfdOffset;
  while (next !== 0) {
    if (next === null) return imageFailure('truncated', 'TIFF IFD chain cut short', null);
    if (seen.has(next)) return imageFailure('corrupt', `TIFF IFD chain loops back to ${next}`, next);
    if (pages >= MAX_TIFF_PAGES) return null;
    seen.add(next);
    const ifd = await readTiffIfd(read, next, littleEndian, NO_TAGS);
    if (isImageProbeFailure(ifd)) return ifd.reason === 'limit-exceeded' ? null : ifd;
    pages++;
    next = ifd.nextIfdOffset;
  }
  return pages;
}
