import type { ImageInfo } from '../probe/media-info.js';
import type { MediaSource } from '../sources/source.js';
import { parseBmp } from './bmp.js';
import { parseGif } from './gif.js';
import { parseHeif } from './heif.js';
import { ImageByteReader } from './image-byte-reader.js';
import { imageFailure, type ImageProbeFailure } from './image-probe-failure.js';
import { parseJpeg } from './jpeg.js';
import { parsePng } from './png.js';
import { parseTiff } from './tiff.js';
import { parseWebp } from './webp.js';

export type { ImageProbeFailure } from './image-probe-failure.js';
export { isImageProbeFailure } from './image-probe-failure.js';

/**
 * Reads an image's header: size, orientation, animation, colour layout. `head` holds the first
 * bytes of the file (up to 64 KiB) that the caller already read; more is read through `source`
 * only when a header lies beyond it, within IMAGE_READ_CAP_BYTES.
 *
 * Damaged or hostile bytes give an ImageProbeFailure, never an exception; source I/O errors and
 * aborts (`signal`) reject as they do for every other reader.
 */
export async function probeImage(
  source: MediaSource,
  format: ImageInfo['format'],
  head: Uint8Array,
  signal?: AbortSignal,
): Promise<ImageInfo | ImageProbeFailure> {
  if (source.size === 0) return imageFailure('truncated', 'empty file', 0);
  const reader = new ImageByteReader(source, head, signal);
  switch (format) {
    case 'jpeg':
      return parseJpeg(reader);
    case 'png':
      return parsePng(reader);
    case 'webp':
      return parseWebp(reader);
    case 'gif':
      return parseGif(reader);
    case 'bmp':
      return parseBmp(reader);
    case 'tiff':
      return parseTiff(reader);
    case 'heif':
    case 'avif':
      return parseHeif(reader, format);
    default:
      // Unreachable from TypeScript; JavaScript callers may pass anything.
      return imageFailure('corrupt', `unsupported image format ${JSON.stringify(format)}`, null);
  }
}
