import type { ImageInfo } from '../probe/media-info.js';
import { fourcc, startsWith, u32be, u8 } from '../util/bytes.js';
import type { ImageByteReader } from './image-byte-reader.js';
import { MAX_PNG_CHUNKS_BEFORE_IDAT } from './image-limits.js';
import { imageFailure, isImageProbeFailure, type ImageProbeFailure } from './image-probe-failure.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** The spec caps chunk lengths (and image dimensions) at 2^31 - 1. */
const PNG_MAX_U31 = 0x7fffffff;

/** Allowed bit depths per colour type (PNG spec table 11.1). */
const BIT_DEPTHS: Record<number, readonly number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};
const COLOR_SPACE: Record<number, string> = { 0: 'gray', 2: 'rgb', 3: 'palette', 4: 'gray', 6: 'rgb' };

/**
 * IHDR gives size, depth and colour type; the chunks before the first IDAT tell APNG (acTL)
 * and transparency for non-alpha colour types (tRNS).
 */
export async function parsePng(reader: ImageByteReader): Promise<ImageInfo | ImageProbeFailure> {
  const head = await reader.read(0, 33);
  if (isImageProbeFailure(head)) return head;
  // A short file that still matches the signature so far is truncated; anything else is not PNG.
  if (!startsWith(head, PNG_SIGNATURE.slice(0, Math.min(8, head.length)))) return imageFailure('corrupt', 'no PNG signature', 0);
  if (head.length < 33) return imageFailure('truncated', 'PNG ends inside its IHDR chunk', Math.min(head.length, 8));
  if (fourcc(head, 12) !== 'IHDR' || u32be(head, 8) !== 13) return imageFailure('corrupt', 'PNG does not start with a 13-byte IHDR', 8);
  const width = u32be(head, 16)!;
  const height = u32be(head, 20)!;
  const bitDepth = u8(head, 24)!;
  const colorType = u8(head, 25)!;
  if (width === 0 || height === 0 || width > PNG_MAX_U31 || height > PNG_MAX_U31) {
    return imageFailure('corrupt', `PNG size ${width}x${height} is out of range`, 16);
  }
  if (!BIT_DEPTHS[colorType]?.includes(bitDepth)) {
    return imageFailure('corrupt', `PNG colour type ${colorType} with bit depth ${bitDepth} is not allowed`, 24);
  }

  let frames: number | null = null;
  let transparency = false;
  let pos = 33;
  for (let chunks = 0; ; chunks++) {
    if (chunks >= MAX_PNG_CHUNKS_BEFORE_IDAT) {
      return imageFailure('limit-exceeded', `no IDAT within ${MAX_PNG_CHUNKS_BEFORE_IDAT} PNG chunks`, pos);
    }
    const header = await reader.read(pos, 8);
    if (isImageProbeFailure(header)) return header;
    if (header.length < 8) return imageFailure('truncated', 'PNG ends before its image data', pos);
    const length = u32be(header, 0)!;
    const type = fourcc(header, 4)!;
    if (length > PNG_MAX_U31) return imageFailure('corrupt', `PNG chunk length ${length} over 2^31-1`, pos);
    if (type === 'IDAT') break;
    if (type === 'IEND') return imageFailure('corrupt', 'PNG has no IDAT before IEND', pos);
    if (type === 'acTL' && frames === null && length >= 8) {
      const body = await reader.read(pos + 8, 8);
      if (isImageProbeFailure(body)) return body;
      if (body.length < 8) return imageFailure('truncated', 'PNG acTL chunk cut short', pos);
      // num_frames 0 is invalid; decoders then show the default image as a still.
      const claimed = u32be(body, 0)!;
      if (claimed > 0) frames = claimed;
    }
    if (type === 'tRNS') transparency = true;
    const next = pos + 12 + length;
    if (next > reader.size) return imageFailure('truncated', `PNG chunk ${JSON.stringify(type)} runs past the end`, pos);
    pos = next;
  }

  return {
    format: 'png',
    width,
    height,
    orientation: null,
    animated: frames !== null && frames > 1,
    frameCount: frames ?? 1,
    progressive: null,
    colorSpace: COLOR_SPACE[colorType] ?? null,
    hasAlpha: colorType === 4 || colorType === 6 || transparency,
    bitDepth,
    lossless: null,
  };
}
