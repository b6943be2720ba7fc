import { prng } from './isobmff-edit.js';

/**
 * Seeded mutations of a real file: bit flips, byte overwrites with boundary values, truncation,
 * 32-bit writes of hostile sizes and counts at box-like positions, and block duplication.
 */
export function* mutations(original: Uint8Array, count: number, seed: number): Generator<Uint8Array> {
  const rand = prng(seed);
  const pick = (n: number) => Math.floor(rand() * n);
  const hostile = [0, 1, 7, 8, 0xffffffff, 0x7fffffff, 0x80000000, 0xa5a5a5a4, 0x10000];
  for (let i = 0; i < count; i++) {
    let b = original.slice();
    const edits = 1 + pick(4);
    for (let e = 0; e < edits; e++) {
      const kind = pick(5);
      // Most interesting bytes are in the headers and the moov: bias offsets towards the start.
      const at = rand() < 0.7 ? pick(Math.min(b.length, 8192)) : pick(b.length);
      if (kind === 0) b[at] = (b[at] ?? 0) ^ (1 << pick(8));
      else if (kind === 1) b[at] = [0, 0xff, 0x7f, 0x80, 1][pick(5)]!;
      else if (kind === 2 && at + 4 <= b.length) new DataView(b.buffer).setUint32(at, hostile[pick(hostile.length)]!);
      else if (kind === 3) b = b.slice(0, Math.max(0, at));
      else if (kind === 4 && b.length > 64) {
        const len = 1 + pick(64);
        const from = pick(b.length - len);
        b.set(b.subarray(from, from + len), Math.min(at, b.length - len));
      }
    }
    yield b;
  }
}
