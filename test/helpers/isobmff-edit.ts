import { readFileSync } from 'node:fs';

/** Helpers that damage real fixtures in precise ways for the robustness tests. */

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`fixtures/isobmff/${name}`));
}

/** Offset of the first box of `type` found by scanning for its 4CC preceded by a plausible size. */
export function findBox(bytes: Uint8Array, type: string, from = 0): number {
  const t = [...type].map((c) => c.charCodeAt(0));
  for (let i = from + 4; i + 4 <= bytes.length; i++) {
    if (bytes[i] === t[0] && bytes[i + 1] === t[1] && bytes[i + 2] === t[2] && bytes[i + 3] === t[3]) {
      const size = new DataView(bytes.buffer, bytes.byteOffset).getUint32(i - 4);
      if (size >= 8 && i - 4 + size <= bytes.length) return i - 4;
    }
  }
  throw new Error(`no ${type} box`);
}

export function setU32(bytes: Uint8Array, offset: number, value: number): void {
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(offset, value >>> 0);
}

export function getU32(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(offset);
}

/** Builds a box from a type and payload parts. */
export function box(type: string, ...parts: Uint8Array[]): Uint8Array {
  const size = 8 + parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(size);
  setU32(out, 0, size);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  let at = 8;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Small deterministic PRNG (mulberry32) so fuzz runs are repeatable. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
