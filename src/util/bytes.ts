/** Big-endian and little-endian readers over a Uint8Array that never throw: out of range reads return undefined. */

export function u8(b: Uint8Array, o: number): number | undefined {
  return o >= 0 && o < b.length ? b[o] : undefined;
}

export function u16be(b: Uint8Array, o: number): number | undefined {
  if (o < 0 || o + 2 > b.length) return undefined;
  return (b[o]! << 8) | b[o + 1]!;
}

export function u24be(b: Uint8Array, o: number): number | undefined {
  if (o < 0 || o + 3 > b.length) return undefined;
  return (b[o]! << 16) | (b[o + 1]! << 8) | b[o + 2]!;
}

export function u32be(b: Uint8Array, o: number): number | undefined {
  if (o < 0 || o + 4 > b.length) return undefined;
  return ((b[o]! << 24) >>> 0) + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!);
}

export function i32be(b: Uint8Array, o: number): number | undefined {
  const v = u32be(b, o);
  return v === undefined ? undefined : v | 0;
}

/** 64-bit unsigned as a JS number; values above 2^53 lose precision, which no real file size reaches. */
export function u64be(b: Uint8Array, o: number): number | undefined {
  const hi = u32be(b, o);
  const lo = u32be(b, o + 4);
  if (hi === undefined || lo === undefined) return undefined;
  return hi * 0x1_0000_0000 + lo;
}

export function u16le(b: Uint8Array, o: number): number | undefined {
  if (o < 0 || o + 2 > b.length) return undefined;
  return b[o]! | (b[o + 1]! << 8);
}

export function u24le(b: Uint8Array, o: number): number | undefined {
  if (o < 0 || o + 3 > b.length) return undefined;
  return b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16);
}

export function u32le(b: Uint8Array, o: number): number | undefined {
  if (o < 0 || o + 4 > b.length) return undefined;
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16)) + ((b[o + 3]! << 24) >>> 0);
}

/** Four ASCII bytes as a string (box types, RIFF chunk ids, brands). */
export function fourcc(b: Uint8Array, o: number): string | undefined {
  if (o < 0 || o + 4 > b.length) return undefined;
  return String.fromCharCode(b[o]!, b[o + 1]!, b[o + 2]!, b[o + 3]!);
}

/** True when `b` holds `sig` at offset `o`. */
export function startsWith(b: Uint8Array, sig: ArrayLike<number>, o = 0): boolean {
  if (o < 0 || o + sig.length > b.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[o + i] !== sig[i]) return false;
  return true;
}

/** ASCII string of `n` bytes at `o` (for signatures such as "RIFF", "%PDF"). */
export function ascii(b: Uint8Array, o: number, n: number): string {
  let s = '';
  for (let i = o; i < o + n && i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}

/** Joins chunks whose total length is known; a single chunk is returned as is (no copy). */
export function concatChunks(chunks: Uint8Array[], length = chunks.reduce((n, c) => n + c.length, 0)): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
