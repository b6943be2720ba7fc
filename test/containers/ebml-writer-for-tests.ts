import { readEbmlElementHeader } from '../../src/containers/ebml-vint.js';
import { concatBytes } from '../helpers/bytes.js';

/**
 * Rebuilds Matroska files from the elements of real ones (to move, repeat or damage them).
 * Sizes are always written as 8-byte vints so an element's size never depends on its payload.
 */

export { concatBytes };

export function idBytes(id: number): Uint8Array {
  const bytes: number[] = [];
  for (let v = id; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Uint8Array.from(bytes);
}

/** 8-byte size vint; `null` writes the "unknown size" value, 2^56-1. */
export function size8(size: number | null): Uint8Array {
  const out = new Uint8Array(8);
  out[0] = 0x01;
  if (size === null) out.fill(0xff, 1);
  else new DataView(out.buffer).setUint32(4, size);
  return out;
}

export function element(id: number, ...payload: Uint8Array[]): Uint8Array {
  const body = concatBytes(...payload);
  return concatBytes(idBytes(id), size8(body.length), body);
}

export function unknownSizeElement(id: number, ...payload: Uint8Array[]): Uint8Array {
  return concatBytes(idBytes(id), size8(null), ...payload);
}

export function uint8Bytes(value: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setUint32(4, value);
  return out;
}

export interface RawElement {
  id: number;
  offset: number;
  /** Header and payload. */
  bytes: Uint8Array;
  payload: Uint8Array;
}

/** Splits `b[start, end)` into its elements (known sizes only). */
export function splitElements(b: Uint8Array, start: number, end: number): RawElement[] {
  const out: RawElement[] = [];
  let o = start;
  while (o < end) {
    const r = readEbmlElementHeader(b, o, end);
    if (!r.ok || r.header.size === null) throw new Error(`cannot split at ${o}`);
    const next = o + r.header.headerLength + r.header.size;
    out.push({ id: r.header.id, offset: o, bytes: b.subarray(o, next), payload: b.subarray(o + r.header.headerLength, next) });
    o = next;
  }
  return out;
}

/** The EBML header element and the Segment's children of a real Matroska file. */
export function splitMatroska(file: Uint8Array): { ebmlHeader: Uint8Array; segmentChildren: RawElement[]; segmentStart: number } {
  const [ebml] = splitElements(file, 0, readEnd(file, 0));
  const segOffset = ebml!.bytes.length;
  const seg = readEbmlElementHeader(file, segOffset);
  if (!seg.ok || seg.header.size === null) throw new Error('fixture Segment has no size');
  const segmentStart = segOffset + seg.header.headerLength;
  return { ebmlHeader: ebml!.bytes, segmentChildren: splitElements(file, segmentStart, segmentStart + seg.header.size), segmentStart };
}

function readEnd(b: Uint8Array, o: number): number {
  const r = readEbmlElementHeader(b, o);
  if (!r.ok || r.header.size === null) throw new Error('no element');
  return o + r.header.headerLength + r.header.size;
}
