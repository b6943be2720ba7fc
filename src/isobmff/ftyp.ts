import { fourcc, u32be } from '../util/bytes.js';

export type Brands = { major: string; minorVersion: number; compatible: string[] };

/** Reads an ftyp payload: major brand, minor version, compatible brands (deduplicated, capped). */
export function readFtyp(payload: Uint8Array): Brands | null {
  const major = fourcc(payload, 0);
  const minorVersion = u32be(payload, 4);
  if (major === undefined || minorVersion === undefined) return null;
  const compatible: string[] = [];
  for (let at = 8; at + 4 <= payload.length && compatible.length < 64; at += 4) {
    const b = fourcc(payload, at)!;
    if (!compatible.includes(b) && /^[\x20-\x7e]{4}$/.test(b)) compatible.push(b);
  }
  return { major, minorVersion, compatible };
}
