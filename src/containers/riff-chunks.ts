import { fourcc, u32le } from '../util/bytes.js';

/** A RIFF list holds far fewer chunks than this in any real AVI header. */
export const MAX_RIFF_CHUNKS = 1024;

export interface RiffChunk {
  id: string;
  /** For LIST and RIFF chunks, the list type ("hdrl", "strl"); otherwise null. */
  listType: string | null;
  /** Offset of the chunk payload within the buffer (after the list type for lists). */
  dataStart: number;
  /** Payload size (without the list type for lists). */
  size: number;
}

/** Like the EBML walk: `short` when the buffer ends inside a chunk, `invalid` when a chunk overruns its parent. */
export type RiffWalkEnd = { end: 'done' } | { end: 'short' | 'invalid' | 'limit'; offset: number };

/** Visits the chunks in `b[start, declaredEnd)`; payloads are padded to an even size. Never recurses. */
export function walkRiffChunks(
  b: Uint8Array,
  start: number,
  declaredEnd: number,
  visit: (chunk: RiffChunk) => void,
): RiffWalkEnd {
  let o = start;
  for (let i = 0; i < MAX_RIFF_CHUNKS; i++) {
    // Fewer than 8 bytes left is padding some writers leave at the end of a list.
    if (o + 8 > declaredEnd) return { end: 'done' };
    const id = fourcc(b, o);
    const size = u32le(b, o + 4);
    if (id === undefined || size === undefined) return { end: 'short', offset: o };
    const payloadEnd = o + 8 + size;
    if (payloadEnd > declaredEnd) return { end: b.length < declaredEnd && payloadEnd > b.length ? 'short' : 'invalid', offset: o };
    if (payloadEnd > b.length) return { end: 'short', offset: o };
    const isList = id === 'LIST' || id === 'RIFF';
    if (isList && size < 4) return { end: 'invalid', offset: o };
    visit({
      id,
      listType: isList ? fourcc(b, o + 8)! : null,
      dataStart: isList ? o + 12 : o + 8,
      size: isList ? size - 4 : size,
    });
    o = payloadEnd + (size & 1);
  }
  return { end: 'limit', offset: o };
}
