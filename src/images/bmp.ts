import type { ImageInfo } from '../probe/media-info.js';
import { u16le, u32le } from '../util/bytes.js';
import type { ImageByteReader } from './image-byte-reader.js';
import { imageFailure, isImageProbeFailure, type ImageProbeFailure } from './image-probe-failure.js';

const FILE_HEADER_BYTES = 14;
const CORE_HEADER_BYTES = 12;
/** Info header sizes: Windows 3.x (40), v2/v3 with masks (52, 56), OS/2 2.x (16, 64), v4 (108), v5 (124). */
const INFO_HEADER_SIZES = new Set([16, 40, 52, 56, 64, 108, 124]);
const BI_BITFIELDS = 3;
const BI_ALPHABITFIELDS = 6;

/** BITMAPFILEHEADER + the DIB header: size (negative height = top-down), bits per pixel, alpha mask. */
export async function parseBmp(reader: ImageByteReader): Promise<ImageInfo | ImageProbeFailure> {
  const head = await reader.read(0, FILE_HEADER_BYTES + 124 + 16);
  if (isImageProbeFailure(head)) return head;
  if (head.length >= 1 && head[0] !== 0x42) return imageFailure('corrupt', 'no BMP signature', 0);
  if (head.length >= 2 && head[1] !== 0x4d) return imageFailure('corrupt', 'no BMP signature', 0);
  const dibSize = u32le(head, FILE_HEADER_BYTES);
  if (dibSize === undefined) return imageFailure('truncated', 'BMP ends before its DIB header', Math.min(head.length, 14));
  if (dibSize !== CORE_HEADER_BYTES && !INFO_HEADER_SIZES.has(dibSize)) {
    return imageFailure('corrupt', `unknown BMP DIB header size ${dibSize}`, FILE_HEADER_BYTES);
  }
  if (head.length < FILE_HEADER_BYTES + dibSize) return imageFailure('truncated', 'BMP DIB header cut short', FILE_HEADER_BYTES);

  const core = dibSize === CORE_HEADER_BYTES;
  const width = core ? u16le(head, 18)! : u32le(head, 18)! | 0;
  const rawHeight = core ? u16le(head, 20)! : u32le(head, 22)! | 0;
  const bitsPerPixel = core ? u16le(head, 24)! : u16le(head, 28)!;
  const compression = core || dibSize === 16 ? 0 : u32le(head, 30)!;
  const height = Math.abs(rawHeight);
  if (width <= 0 || height === 0) return imageFailure('corrupt', `BMP size ${width}x${rawHeight} is out of range`, 18);

  return {
    format: 'bmp',
    width,
    height,
    orientation: null,
    animated: false,
    frameCount: 1,
    progressive: null,
    colorSpace: bitsPerPixel === 0 ? null : bitsPerPixel <= 8 ? 'palette' : 'rgb',
    hasAlpha: hasAlpha(head, dibSize, bitsPerPixel, compression),
    bitDepth: bitsPerPixel > 0 && bitsPerPixel <= 8 ? bitsPerPixel : bitsPerPixel === 24 || bitsPerPixel === 32 ? 8 : null,
    lossless: null,
  };
}

/**
 * Alpha exists only in 16/32-bit images with an alpha mask: in the header from v3 (56 bytes) on,
 * or right after a 40-byte header with BI_ALPHABITFIELDS. A 32-bit BI_RGB image's fourth byte is
 * read as alpha by some decoders and ignored by others, so that case is unknown (null).
 */
function hasAlpha(head: Uint8Array, dibSize: number, bitsPerPixel: number, compression: number): boolean | null {
  if (bitsPerPixel !== 16 && bitsPerPixel !== 32) return false;
  const masked = compression === BI_BITFIELDS || compression === BI_ALPHABITFIELDS;
  const maskHere = dibSize >= 56 || (dibSize === 40 && compression === BI_ALPHABITFIELDS);
  if (masked && maskHere) return (u32le(head, FILE_HEADER_BYTES + 52) ?? 0) !== 0;
  if (masked) return false;
  return bitsPerPixel === 32 ? null : false;
}
