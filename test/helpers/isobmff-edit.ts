import { readFileSync } from 'node:fs';
import { concatBytes } from './bytes.js';

export { prng } from './bytes.js';
/** Joins byte arrays (re-exported under the name the probe tests use). */
export const concat = concatBytes;

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

