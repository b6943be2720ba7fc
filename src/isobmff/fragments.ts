import { u32be, u64be } from '../util/bytes.js';
import { child, children, parseBoxTree, type BoxNode } from './box-tree.js';

/** Per-track totals summed over every moof of a fragmented file. */
export type FragmentTotals = {
  sampleCount: number;
  /** Sum of sample durations, media timescale. */
  duration: number;
  totalBytes: number;
  keyframeCount: number;
  maxKeyframeGap: number | null;
  minDelta: number;
  maxDelta: number;
  /** Decode time of the first sample (tfdt), media timescale. */
  firstDecodeTime: number | null;
  /** Decode time just after the last sample read. */
  endDecodeTime: number;
};

type Defaults = { duration: number; size: number; flags: number };

const NON_SYNC = 0x10000;

/** Reads trex defaults (per track) from the moov's mvex. */
export function readTrexDefaults(moov: BoxNode): Map<number, Defaults> {
  const map = new Map<number, Defaults>();
  for (const trex of children(child(moov, 'mvex'), 'trex')) {
    const id = u32be(trex.payload, 4);
    if (id === undefined) continue;
    map.set(id, {
      duration: u32be(trex.payload, 12) ?? 0,
      size: u32be(trex.payload, 16) ?? 0,
      flags: u32be(trex.payload, 20) ?? 0,
    });
  }
  return map;
}

/**
 * Sums every trun of every moof per track. Bounded by construction: each trun's sample count is
 * checked against the bytes that hold its entries before the loop runs.
 */
export function sumFragments(
  moofs: Array<{ offset: number; bytes: Uint8Array }>,
  trex: Map<number, Defaults>,
): { totals: Map<number, FragmentTotals>; problem: string | null } {
  const totals = new Map<number, Omit<FragmentTotals, 'endDecodeTime'> & { lastKeyDts: number | null; dts: number }>();
  let problem: string | null = null;
  for (const moof of moofs) {
    const tree = parseBoxTree(moof.bytes, moof.offset);
    if ('message' in tree) {
      problem = tree.message;
      break;
    }
    for (const traf of children(tree, 'traf')) {
      const tfhd = child(traf, 'tfhd');
      if (!tfhd) continue;
      const flags = (u32be(tfhd.payload, 0) ?? 0) & 0xffffff;
      const trackId = u32be(tfhd.payload, 4) ?? 0;
      const d = trex.get(trackId) ?? { duration: 0, size: 0, flags: 0 };
      let at = 8;
      if (flags & 0x1) at += 8;
      if (flags & 0x2) at += 4;
      const defDuration = flags & 0x8 ? (u32be(tfhd.payload, at) ?? 0) : d.duration;
      if (flags & 0x8) at += 4;
      const defSize = flags & 0x10 ? (u32be(tfhd.payload, at) ?? 0) : d.size;
      if (flags & 0x10) at += 4;
      const defFlags = flags & 0x20 ? (u32be(tfhd.payload, at) ?? 0) : d.flags;
      let t = totals.get(trackId);
      if (!t) {
        t = {
          sampleCount: 0, duration: 0, totalBytes: 0, keyframeCount: 0, maxKeyframeGap: null,
          minDelta: Infinity, maxDelta: 0, firstDecodeTime: null, lastKeyDts: null, dts: 0,
        };
        totals.set(trackId, t);
      }
      const tfdt = child(traf, 'tfdt');
      if (tfdt) {
        const base = tfdt.payload[0] === 1 ? u64be(tfdt.payload, 4) : u32be(tfdt.payload, 4);
        if (base !== undefined) {
          if (t.firstDecodeTime === null) t.firstDecodeTime = base;
          t.dts = base;
        }
      }
      for (const trun of children(traf, 'trun')) {
        const err = sumTrun(trun, t, { duration: defDuration, size: defSize, flags: defFlags });
        if (err) problem ??= err;
      }
    }
  }
  const out = new Map<number, FragmentTotals>();
  for (const [id, t] of totals) {
    const { lastKeyDts: _k, dts, ...rest } = t;
    out.set(id, { ...rest, endDecodeTime: dts, minDelta: rest.minDelta === Infinity ? 0 : rest.minDelta });
  }
  return { totals: out, problem };
}

function sumTrun(
  trun: BoxNode,
  t: Omit<FragmentTotals, 'endDecodeTime'> & { lastKeyDts: number | null; dts: number },
  d: Defaults,
): string | null {
  const p = trun.payload;
  const flags = (u32be(p, 0) ?? 0) & 0xffffff;
  const count = u32be(p, 4) ?? 0;
  let at = 8;
  if (flags & 0x1) at += 4;
  let firstFlags: number | null = null;
  if (flags & 0x4) {
    firstFlags = u32be(p, at) ?? 0;
    at += 4;
  }
  const fields = [0x100, 0x200, 0x400, 0x800].filter((f) => flags & f).length;
  const perSample = fields * 4;
  if (count * perSample > p.length - at) return `trun claims ${count} samples but holds fewer`;
  for (let i = 0; i < count; i++) {
    let duration = d.duration;
    let size = d.size;
    let sampleFlags = i === 0 && firstFlags !== null ? firstFlags : d.flags;
    if (flags & 0x100) {
      duration = u32be(p, at) ?? 0;
      at += 4;
    }
    if (flags & 0x200) {
      size = u32be(p, at) ?? 0;
      at += 4;
    }
    if (flags & 0x400) {
      const f = u32be(p, at) ?? 0;
      if (!(i === 0 && firstFlags !== null)) sampleFlags = f;
      at += 4;
    }
    if (flags & 0x800) at += 4;
    if (!(sampleFlags & NON_SYNC)) {
      t.keyframeCount++;
      if (t.lastKeyDts !== null) t.maxKeyframeGap = Math.max(t.maxKeyframeGap ?? 0, t.dts - t.lastKeyDts);
      t.lastKeyDts = t.dts;
    }
    t.sampleCount++;
    t.duration += duration;
    t.totalBytes += size;
    t.dts += duration;
    if (duration > 0) {
      t.minDelta = Math.min(t.minDelta, duration);
      t.maxDelta = Math.max(t.maxDelta, duration);
    }
  }
  return null;
}

/**
 * When the walk jumped over fragments using the mfra index, the totals cover only the fragments
 * read. Duration is still exact (tfdt of the last fragment read), keyframes come from the index,
 * and the sample count and bytes are scaled from what was read.
 */
export function extrapolateSkipped(t: FragmentTotals, randomAccessTimes: number[] | undefined): FragmentTotals {
  if (t.firstDecodeTime === null || t.duration <= 0) return t;
  const span = t.endDecodeTime - t.firstDecodeTime;
  if (span <= t.duration) return t;
  const scale = span / t.duration;
  let maxGap: number | null = t.maxKeyframeGap;
  if (randomAccessTimes && randomAccessTimes.length > 1) {
    maxGap = 0;
    for (let i = 1; i < randomAccessTimes.length; i++) maxGap = Math.max(maxGap, randomAccessTimes[i]! - randomAccessTimes[i - 1]!);
  }
  return {
    ...t,
    duration: span,
    sampleCount: Math.round(t.sampleCount * scale),
    totalBytes: Math.round(t.totalBytes * scale),
    keyframeCount: randomAccessTimes?.length ?? Math.round(t.keyframeCount * scale),
    maxKeyframeGap: maxGap,
  };
}
