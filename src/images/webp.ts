import type { ImageInfo } from '../probe/media-info.js';
import { ascii, fourcc, u16le, u24le, u32le } from '../util/bytes.js';
import type { ImageByteReader } from './image-byte-reader.js';
import { MAX_WEBP_CHUNKS } from './image-limits.js';
import { imageFailure, isImageProbeFailure, type ImageProbeFailure } from './image-probe-failure.js';

const VP8X_ANIMATION = 0x02;
const VP8X_ALPHA = 0x10;
/** An ANMF payload starts with 16 bytes of frame geometry, then the frame's own chunks. */
const ANMF_HEADER_BYTES = 16;

/**
 * RIFF/WEBP: the first chunk decides the layout. VP8 (lossy) and VP8L (lossless) are single
 * images; VP8X (extended) carries the canvas size and flags, and its later chunks are walked to
 * count ANMF frames and to see whether the image data is lossless.
 */
export async function parseWebp(reader: ImageByteReader): Promise<ImageInfo | ImageProbeFailure> {
  const head = await reader.read(0, 30);
  if (isImageProbeFailure(head)) return head;
  const riffSig = ascii(head, 0, 4);
  const webpSig = ascii(head, 8, 4);
  if (!'RIFF'.startsWith(riffSig) || (head.length > 8 && !'WEBP'.startsWith(webpSig))) {
    return imageFailure('corrupt', 'no RIFF/WEBP signature', 0);
  }
  if (head.length < 20) return imageFailure('truncated', 'WebP ends before its first chunk', Math.min(head.length, 12));
  const riffEnd = 8 + u32le(head, 4)!;
  const first = fourcc(head, 12)!;
  const firstSize = u32le(head, 16)!;
  const data = head.subarray(20);

  if (first === 'VP8 ') return simpleLossy(data, firstSize);
  if (first === 'VP8L') return simpleLossless(data, firstSize);
  if (first === 'VP8X') return extended(reader, data, firstSize, riffEnd);
  return imageFailure('corrupt', `WebP starts with unknown chunk ${JSON.stringify(first)}`, 12);
}

function stillWebp(width: number, height: number, lossless: boolean, hasAlpha: boolean): ImageInfo {
  return {
    format: 'webp',
    width,
    height,
    orientation: null,
    animated: false,
    frameCount: 1,
    progressive: null,
    colorSpace: lossless ? 'rgb' : 'ycbcr',
    hasAlpha,
    bitDepth: 8,
    lossless,
  };
}

/** VP8 key frame: 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height. */
function simpleLossy(data: Uint8Array, chunkSize: number): ImageInfo | ImageProbeFailure {
  if (chunkSize < 10) return imageFailure('corrupt', 'VP8 chunk too small for a frame header', 12);
  if (data.length < 10) return imageFailure('truncated', 'VP8 frame header cut short', 20);
  if ((data[0]! & 1) !== 0) return imageFailure('corrupt', 'VP8 image is not a key frame', 20);
  if (data[3] !== 0x9d || data[4] !== 0x01 || data[5] !== 0x2a) return imageFailure('corrupt', 'VP8 start code missing', 23);
  const width = u16le(data, 6)! & 0x3fff;
  const height = u16le(data, 8)! & 0x3fff;
  if (width === 0 || height === 0) return imageFailure('corrupt', 'VP8 image has a zero dimension', 26);
  return stillWebp(width, height, false, false);
}

/** VP8L: signature 0x2F, then 14 bits width-1, 14 bits height-1, alpha hint, 3-bit version 0. */
function simpleLossless(data: Uint8Array, chunkSize: number): ImageInfo | ImageProbeFailure {
  if (chunkSize < 5) return imageFailure('corrupt', 'VP8L chunk too small for a header', 12);
  if (data.length < 5) return imageFailure('truncated', 'VP8L header cut short', 20);
  if (data[0] !== 0x2f) return imageFailure('corrupt', 'VP8L signature missing', 20);
  const bits = u32le(data, 1)!;
  if (bits >>> 29 !== 0) return imageFailure('corrupt', 'VP8L version is not 0', 21);
  return stillWebp((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1, true, ((bits >>> 28) & 1) === 1);
}

async function extended(
  reader: ImageByteReader,
  data: Uint8Array,
  chunkSize: number,
  riffEnd: number,
): Promise<ImageInfo | ImageProbeFailure> {
  if (chunkSize < 10) return imageFailure('corrupt', 'VP8X chunk smaller than 10 bytes', 12);
  if (data.length < 10) return imageFailure('truncated', 'VP8X chunk cut short', 20);
  const flags = data[0]!;
  const width = u24le(data, 4)! + 1;
  const height = u24le(data, 7)! + 1;
  const animated = (flags & VP8X_ANIMATION) !== 0;

  // Walk the chunks after VP8X to the end of the RIFF payload.
  let frames = 0;
  let anyLossy = false;
  let anyLossless = false;
  let countedAll = true;
  let pos = 20 + chunkSize + (chunkSize & 1);
  for (let chunks = 0; pos < riffEnd; chunks++) {
    if (chunks >= MAX_WEBP_CHUNKS) {
      countedAll = false;
      break;
    }
    const header = await reader.read(pos, 8 + ANMF_HEADER_BYTES + 4);
    if (isImageProbeFailure(header)) {
      if (header.reason === 'limit-exceeded' && animated && frames > 0) {
        countedAll = false;
        break;
      }
      return header;
    }
    if (header.length < 8) return imageFailure('truncated', 'WebP ends inside a chunk header', pos);
    const type = fourcc(header, 0)!;
    const size = u32le(header, 4)!;
    if (type === 'ANMF') {
      frames++;
      const frameData = fourcc(header, 8 + ANMF_HEADER_BYTES);
      if (frameData === 'VP8L') anyLossless = true;
      else if (frameData === 'VP8 ' || frameData === 'ALPH') anyLossy = true;
    } else if (type === 'VP8L') {
      anyLossless = true;
    } else if (type === 'VP8 ') {
      anyLossy = true;
    }
    const next = pos + 8 + size + (size & 1);
    if (next > reader.size) return imageFailure('truncated', `WebP chunk ${JSON.stringify(type)} runs past the end`, pos);
    pos = next;
    // A still image is complete once its bitstream chunk is found.
    if (!animated && (anyLossy || anyLossless)) break;
  }

  if (animated && frames === 0 && countedAll) return imageFailure('corrupt', 'animated WebP has no ANMF frames', pos);
  if (!animated && !anyLossy && !anyLossless) return imageFailure('corrupt', 'extended WebP has no image data', pos);
  // Lossless only when every frame is; unknown when no frame's data was seen.
  const lossless = anyLossy ? false : anyLossless ? true : null;
  return {
    format: 'webp',
    width,
    height,
    orientation: null,
    animated,
    frameCount: animated ? (countedAll ? frames : null) : 1,
    progressive: null,
    colorSpace: lossless === null ? null : lossless ? 'rgb' : 'ycbcr',
    hasAlpha: (flags & VP8X_ALPHA) !== 0,
    bitDepth: 8,
    lossless,
  };
}

