import { fourcc, u32be, u64be } from '../util/bytes.js';
import { isBoxHeaderProblem, readBoxHeader } from './box-header.js';
import type { ReadCache } from './read-cache.js';

/** The random-access index at the end of a fragmented file (mfra/tfra), per track. */
export type FragmentIndex = {
  /** Track id → presentation times (media timescale) of its random-access samples, in order. */
  times: Map<number, number[]>;
  /** The furthest moof any tfra entry points at. */
  lastMoofOffset: number;
};

const MFRO_SIZE = 16;
const MAX_MFRA_BYTES = 4 * 1024 * 1024;
/** One tail read covers mfro and, for all but very long files, the whole mfra. */
const TAIL_READ_BYTES = 4 * 1024;

/**
 * Reads mfra through the mfro box in the last 16 bytes. With it, a long fragmented file is probed
 * from its head, its tail and its last fragment instead of one read per fragment.
 */
export async function readFragmentIndex(cache: ReadCache): Promise<FragmentIndex | null> {
  const size = cache.size;
  if (size < MFRO_SIZE * 2) return null;
  const tailStart = Math.max(0, size - TAIL_READ_BYTES);
  await cache.get(tailStart, size - tailStart);
  const tail = await cache.get(size - MFRO_SIZE, MFRO_SIZE);
  if (u32be(tail, 0) !== MFRO_SIZE || fourcc(tail, 4) !== 'mfro') return null;
  const mfraSize = u32be(tail, 12) ?? 0;
  if (mfraSize < 8 + MFRO_SIZE || mfraSize > Math.min(size, MAX_MFRA_BYTES)) return null;
  const mfra = await cache.get(size - mfraSize, mfraSize);
  const header = readBoxHeader(mfra, 0, size - mfraSize, size);
  if (isBoxHeaderProblem(header) || header.type !== 'mfra' || header.size !== mfraSize) return null;
  const index: FragmentIndex = { times: new Map(), lastMoofOffset: 0 };
  for (let at = header.headerSize; at + 8 <= mfra.length; ) {
    const child = readBoxHeader(mfra, at, size - mfraSize, size);
    if (isBoxHeaderProblem(child) || at + child.size > mfra.length) return null;
    if (child.type === 'tfra') readTfra(mfra.subarray(at + child.headerSize, at + child.size), index);
    at += child.size;
  }
  return index.times.size > 0 ? index : null;
}

function readTfra(p: Uint8Array, index: FragmentIndex): void {
  const wide = p[0] === 1;
  const trackId = u32be(p, 4);
  const lengths = u32be(p, 8);
  const count = u32be(p, 12);
  if (trackId === undefined || lengths === undefined || count === undefined) return;
  const extra = ((lengths >> 4) & 3) + ((lengths >> 2) & 3) + (lengths & 3) + 3;
  const entrySize = (wide ? 16 : 8) + extra;
  if (count > Math.floor((p.length - 16) / entrySize)) return;
  const times: number[] = [];
  for (let i = 0, at = 16; i < count; i++, at += entrySize) {
    const time = wide ? u64be(p, at) : u32be(p, at);
    const moof = wide ? u64be(p, at + 8) : u32be(p, at + 4);
    if (time === undefined || moof === undefined) return;
    times.push(time);
    index.lastMoofOffset = Math.max(index.lastMoofOffset, moof);
  }
  index.times.set(trackId, times);
}
