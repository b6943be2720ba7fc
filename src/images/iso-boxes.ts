import { fourcc, u32be, u64be } from '../util/bytes.js';
import { MAX_ISO_BOXES_PER_LEVEL } from './image-limits.js';
import { imageFailure, type ImageProbeFailure } from './image-probe-failure.js';

/** One ISO-BMFF box; offsets are in whatever coordinates the header was read in. */
export interface IsoBox {
  type: string;
  start: number;
  /** First byte after the size/type (and largesize) fields. */
  contentStart: number;
  end: number;
}

/**
 * Parses the box header at `b[o]`. `limit` is where the enclosing box (or file) ends: size 0
 * means "to the limit". Returns null when fewer than 8 bytes remain in `b`; the caller knows
 * whether that is the end or truncation. `base` is added to offsets (for headers read from a file).
 */
export function parseBoxHeader(b: Uint8Array, o: number, limit: number, base = 0): IsoBox | ImageProbeFailure | null {
  const size32 = u32be(b, o);
  const type = fourcc(b, o + 4);
  if (size32 === undefined || type === undefined) return null;
  const start = base + o;
  let headerSize = 8;
  let size = size32;
  if (size32 === 1) {
    const large = u64be(b, o + 8);
    if (large === undefined) return null;
    headerSize = 16;
    size = large;
  } else if (size32 === 0) {
    size = limit - start;
  }
  if (size < headerSize) return imageFailure('corrupt', `box ${JSON.stringify(type)} at ${start} has size ${size}`, start);
  return { type, start, contentStart: start + headerSize, end: start + size };
}

/** The child boxes of `b[start, end)`, all in memory; a child overrunning its parent is damage. */
export function childBoxes(b: Uint8Array, start: number, end: number): IsoBox[] | ImageProbeFailure {
  const boxes: IsoBox[] = [];
  let o = start;
  while (o + 8 <= end) {
    if (boxes.length >= MAX_ISO_BOXES_PER_LEVEL) {
      return imageFailure('limit-exceeded', `more than ${MAX_ISO_BOXES_PER_LEVEL} boxes in one container`, o);
    }
    const box = parseBoxHeader(b.subarray(0, end), o, end);
    if (box === null) break;
    if ('reason' in box) return box;
    if (box.end > end) return imageFailure('corrupt', `box ${JSON.stringify(box.type)} at ${o} overruns its parent`, o);
    boxes.push(box);
    o = box.end;
  }
  return boxes;
}

/** The first child of `type`, if any. */
export function findBox(boxes: readonly IsoBox[], type: string): IsoBox | undefined {
  return boxes.find((box) => box.type === type);
}
