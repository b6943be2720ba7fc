/**
 * EBML variable-length integers (RFC 8794): element IDs keep their length marker, element sizes
 * drop it. Every reader returns a result object instead of throwing on short or invalid bytes.
 */

/** IDs longer than 4 bytes are invalid in Matroska and WebM (EBMLMaxIDLength defaults to 4). */
export const EBML_MAX_ID_LENGTH = 4;
/** EBMLMaxSizeLength defaults to 8. */
export const EBML_MAX_SIZE_LENGTH = 8;

export interface EbmlElementHeader {
  /** The ID with its length marker kept, as the specs write it (0x1A45DFA3, 0x18538067, 0xAE). */
  id: number;
  /** Payload size in bytes; null for the "unknown size" value (all value bits set). */
  size: number | null;
  /** Bytes taken by the ID and the size together: the payload starts this far after the element. */
  headerLength: number;
}

export type EbmlHeaderResult =
  | { ok: true; header: EbmlElementHeader }
  /** `short`: the bytes end inside the header; `invalid`: the bits cannot be a vint. */
  | { ok: false; problem: 'short' | 'invalid' };

/** Length of a vint from its first byte: the position of the first set bit, 1..8; 0 for 0x00. */
function vintLength(first: number): number {
  for (let i = 0; i < 8; i++) if (first & (0x80 >> i)) return i + 1;
  return 0;
}

/** Reads the element header (ID then size) that starts at `o`, without reading past `end`. */
export function readEbmlElementHeader(b: Uint8Array, o: number, end = b.length): EbmlHeaderResult {
  const limit = Math.min(end, b.length);
  if (o >= limit) return { ok: false, problem: 'short' };
  const idLength = vintLength(b[o]!);
  if (idLength === 0 || idLength > EBML_MAX_ID_LENGTH) return { ok: false, problem: 'invalid' };
  if (o + idLength > limit) return { ok: false, problem: 'short' };
  let id = 0;
  for (let i = 0; i < idLength; i++) id = id * 256 + b[o + i]!;

  const s = o + idLength;
  if (s >= limit) return { ok: false, problem: 'short' };
  const sizeLength = vintLength(b[s]!);
  if (sizeLength === 0 || sizeLength > EBML_MAX_SIZE_LENGTH) return { ok: false, problem: 'invalid' };
  if (s + sizeLength > limit) return { ok: false, problem: 'short' };
  const marker = 0x80 >> (sizeLength - 1);
  const firstBits = b[s]! & (marker - 1);
  // "Unknown size" is all value bits set; checked bytewise because 8-byte values exceed 2^53.
  let allOnes = firstBits === marker - 1;
  let size = firstBits;
  for (let i = 1; i < sizeLength; i++) {
    const byte = b[s + i]!;
    if (byte !== 0xff) allOnes = false;
    size = size * 256 + byte;
  }
  return { ok: true, header: { id, size: allOnes ? null : size, headerLength: idLength + sizeLength } };
}

/** Unsigned integer payload of 0..8 bytes (values above 2^53 lose precision; none we read get there). */
export function readEbmlUint(b: Uint8Array, o: number, length: number): number | undefined {
  if (length < 0 || length > 8 || o < 0 || o + length > b.length) return undefined;
  let v = 0;
  for (let i = 0; i < length; i++) v = v * 256 + b[o + i]!;
  return v;
}

/** Float payload: 0 bytes means 0; 4 or 8 bytes are IEEE 754 big-endian; other lengths are invalid. */
export function readEbmlFloat(b: Uint8Array, o: number, length: number): number | undefined {
  if (o < 0 || o + length > b.length) return undefined;
  if (length === 0) return 0;
  const view = new DataView(b.buffer, b.byteOffset + o, length);
  if (length === 4) return view.getFloat32(0);
  if (length === 8) return view.getFloat64(0);
  return undefined;
}

/** String payload: printable ASCII kept, trailing NUL padding dropped (the spec allows it). */
export function readEbmlString(b: Uint8Array, o: number, length: number, maxLength = 256): string | undefined {
  if (length < 0 || o < 0 || o + length > b.length) return undefined;
  let s = '';
  for (let i = 0; i < Math.min(length, maxLength); i++) {
    const c = b[o + i]!;
    if (c === 0) break;
    s += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '?';
  }
  return s;
}
