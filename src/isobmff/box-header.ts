import { u32be, u64be, fourcc } from '../util/bytes.js';

/** One box header as found in the bytes; `size` is the whole box including the header. */
export type BoxHeader = {
  type: string;
  /** Offset of the box start, in the same space as the `base` passed to `readBoxHeader`. */
  offset: number;
  size: number;
  headerSize: number;
  /** The box declared size 0: it runs to the end of its parent (or file). */
  toEnd: boolean;
};

export type BoxHeaderProblem = {
  problem: 'short' | 'bad-type' | 'bad-size';
  offset: number;
  message: string;
};

const PRINTABLE_4CC = /^[\x20-\x7e]{4}$/;

/** Box types are four printable ASCII bytes; QuickTime's © atoms (0xA9) count too. */
export function isPlausibleBoxType(type: string): boolean {
  if (PRINTABLE_4CC.test(type)) return true;
  return type.charCodeAt(0) === 0xa9 && PRINTABLE_4CC.test('x' + type.slice(1));
}

/**
 * Reads a box header from `bytes` at `at`. `base` is the file offset of `bytes[0]` and `limit` the
 * file offset where the enclosing space ends (file size or parent end), used to resolve size 0.
 */
export function readBoxHeader(bytes: Uint8Array, at: number, base: number, limit: number): BoxHeader | BoxHeaderProblem {
  const offset = base + at;
  const size32 = u32be(bytes, at);
  const type = fourcc(bytes, at + 4);
  if (size32 === undefined || type === undefined) {
    return { problem: 'short', offset, message: `box header at offset ${offset} is cut off` };
  }
  if (!isPlausibleBoxType(type)) {
    return { problem: 'bad-type', offset, message: `invalid box type at offset ${offset}` };
  }
  let size = size32;
  let headerSize = 8;
  let toEnd = false;
  if (size32 === 1) {
    const large = u64be(bytes, at + 8);
    if (large === undefined) return { problem: 'short', offset, message: `64-bit box size at offset ${offset} is cut off` };
    size = large;
    headerSize = 16;
  } else if (size32 === 0) {
    size = limit - offset;
    toEnd = true;
  }
  if (size < headerSize) {
    return { problem: 'bad-size', offset, message: `box '${printable(type)}' at offset ${offset} has an impossible size ${size}` };
  }
  return { type, offset, size, headerSize, toEnd };
}

export function isBoxHeaderProblem(h: BoxHeader | BoxHeaderProblem): h is BoxHeaderProblem {
  return 'problem' in h;
}

/** Box type safe to print in a message. */
export function printable(type: string): string {
  return type.replace(/[^\x20-\x7e]/g, '?');
}
