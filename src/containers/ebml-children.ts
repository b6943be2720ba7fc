import { readEbmlElementHeader } from './ebml-vint.js';

/** A master element holds far fewer children than this in any real file. */
export const MAX_EBML_CHILDREN = 4096;

export interface EbmlChild {
  id: number;
  /** Offset of the payload within the buffer. */
  dataStart: number;
  size: number;
}

/**
 * How a walk over a master element's payload ended: `done` when it reached the end exactly,
 * `short` when the buffer ends inside a child, `invalid` on bad vints, unknown sizes or a
 * child that overruns its parent, `limit` at MAX_EBML_CHILDREN.
 */
export type EbmlWalkEnd = { end: 'done' } | { end: 'short' | 'invalid' | 'limit'; offset: number };

/**
 * Visits the children of a master element whose payload is `b[start, declaredEnd)`.
 * `b` may hold less than that when the file ended early; that is reported as `short`.
 * Never recurses: callers descend one known level at a time.
 */
export function walkEbmlChildren(
  b: Uint8Array,
  start: number,
  declaredEnd: number,
  visit: (child: EbmlChild) => void,
): EbmlWalkEnd {
  let o = start;
  for (let i = 0; i < MAX_EBML_CHILDREN; i++) {
    if (o >= declaredEnd) return { end: 'done' };
    const r = readEbmlElementHeader(b, o, declaredEnd);
    if (!r.ok) {
      const cutByBuffer = r.problem === 'short' && declaredEnd > b.length;
      return { end: cutByBuffer ? 'short' : 'invalid', offset: o };
    }
    // Only Segment and Cluster may have an unknown size, and we never walk those in memory.
    if (r.header.size === null) return { end: 'invalid', offset: o };
    const dataStart = o + r.header.headerLength;
    const dataEnd = dataStart + r.header.size;
    if (dataEnd > declaredEnd) return { end: 'invalid', offset: o };
    if (dataEnd > b.length) return { end: 'short', offset: o };
    visit({ id: r.header.id, dataStart, size: r.header.size });
    o = dataEnd;
  }
  return { end: 'limit', offset: o };
}
