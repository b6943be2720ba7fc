import { isobmffLimits } from './limits.js';
import {
  chunkOffsetAt,
  cttsEntry,
  sampleSizeAt,
  stscEntry,
  sttsEntry,
  type SampleTables,
} from './sample-tables.js';
import { u32be } from '../util/bytes.js';

/** Facts derived from a track's sample tables, in media timescale units unless named otherwise. */
export type SampleStats = {
  sampleCount: number;
  /** Sum of stts deltas. */
  mediaDuration: number;
  totalBytes: number;
  /** Smallest and largest sample delta, ignoring a final one-sample run (muxers often shorten the last frame). */
  minDelta: number;
  maxDelta: number;
  /** stts sample count disagrees with stsz. */
  countMismatch: boolean;
  /** End of the furthest chunk (offset + bytes) in the file. */
  dataEnd: number;
};

export function computeSampleStats(t: SampleTables): SampleStats {
  let sttsSamples = 0;
  let mediaDuration = 0;
  let minDelta = Infinity;
  let maxDelta = 0;
  for (let i = 0; i < t.stts.count; i++) {
    const [count, delta] = sttsEntry(t, i);
    sttsSamples += count;
    mediaDuration += count * delta;
    const isFinalSingle = i === t.stts.count - 1 && count === 1 && t.stts.count > 1;
    if (count > 0 && !isFinalSingle) {
      minDelta = Math.min(minDelta, delta);
      maxDelta = Math.max(maxDelta, delta);
    }
  }
  if (minDelta === Infinity) minDelta = maxDelta;
  let totalBytes = 0;
  if (t.sampleSize !== 0) totalBytes = t.sampleSize * t.sampleCount;
  else for (let i = 0; i < t.sampleCount; i++) totalBytes += sampleSizeAt(t, i);
  return {
    sampleCount: t.sampleCount,
    mediaDuration,
    totalBytes,
    minDelta,
    maxDelta,
    countMismatch: t.stts.count > 0 && sttsSamples !== t.sampleCount,
    dataEnd: chunkDataEnd(t),
  };
}

/** Furthest byte any chunk reaches: a file cut short has chunks that point past its end. */
function chunkDataEnd(t: SampleTables): number {
  const chunks = t.chunkOffsets.count;
  if (chunks === 0 || t.stsc.count === 0) return 0;
  let end = 0;
  let sample = 0;
  let entry = 0;
  let [, perChunk] = stscEntry(t, 0);
  for (let c = 1; c <= chunks && sample < t.sampleCount; c++) {
    while (entry + 1 < t.stsc.count && stscEntry(t, entry + 1)[0] <= c) {
      entry++;
      perChunk = stscEntry(t, entry)[1];
    }
    const n = Math.min(perChunk, t.sampleCount - sample);
    let bytes = 0;
    if (t.sampleSize !== 0) bytes = n * t.sampleSize;
    else for (let k = 0; k < n; k++) bytes += sampleSizeAt(t, sample + k);
    sample += n;
    end = Math.max(end, chunkOffsetAt(t, c - 1) + bytes);
  }
  return end;
}

export type GopStats = {
  keyframeCount: number;
  /** Decode times of keyframes are spread at most this far apart (media timescale). */
  maxKeyframeGap: number | null;
  averageKeyframeGap: number | null;
  /** Keyframes whose GOP holds a picture shown before them: leading pictures, an open GOP. */
  openGopCount: number | null;
  allIntra: boolean;
};

/**
 * Keyframe spacing and open/closed GOP from stts + stss + ctts, walking samples in decode order
 * without building per-sample objects. A GOP is open when a sample after its keyframe (in
 * decode order, before the next keyframe) has an earlier composition time than the keyframe.
 */
export function computeGopStats(t: SampleTables, mediaDuration: number): GopStats {
  const n = t.sampleCount;
  if (!t.stss) {
    return { keyframeCount: n, maxKeyframeGap: null, averageKeyframeGap: null, openGopCount: 0, allIntra: true };
  }
  const keyCount = t.stss.count;
  if (n > isobmffLimits.maxSamplesWalked) {
    return { keyframeCount: keyCount, maxKeyframeGap: null, averageKeyframeGap: null, openGopCount: null, allIntra: false };
  }
  let nextKeyIdx = 0;
  let nextKey = keyCount > 0 ? (u32be(t.stss.view, 0) ?? 0) : Infinity;
  let sttsIdx = 0;
  let [sttsLeft, delta] = t.stts.count > 0 ? sttsEntry(t, 0) : [0, 0];
  let cttsIdx = 0;
  let [cttsLeft, offset] = t.ctts && t.ctts.count > 0 ? cttsEntry(t.ctts, 0) : [Infinity, 0];
  let dts = 0;
  let lastKeyDts: number | null = null;
  let maxGap = 0;
  let gaps = 0;
  let gapSum = 0;
  let keyCts = 0;
  let inGop = false;
  let gopOpen = false;
  let open = 0;
  for (let s = 1; s <= n; s++) {
    const cts = dts + (t.ctts ? offset : 0);
    if (s === nextKey) {
      if (gopOpen) open++;
      if (lastKeyDts !== null) {
        const gap = dts - lastKeyDts;
        maxGap = Math.max(maxGap, gap);
        gapSum += gap;
        gaps++;
      }
      lastKeyDts = dts;
      keyCts = cts;
      inGop = true;
      gopOpen = false;
      nextKeyIdx++;
      nextKey = nextKeyIdx < keyCount ? (u32be(t.stss.view, nextKeyIdx * 4) ?? Infinity) : Infinity;
    } else if (inGop && cts < keyCts) {
      gopOpen = true;
    }
    // Advance the run-length cursors.
    dts += delta;
    if (--sttsLeft <= 0 && ++sttsIdx < t.stts.count) [sttsLeft, delta] = sttsEntry(t, sttsIdx);
    if (t.ctts && --cttsLeft <= 0 && ++cttsIdx < t.ctts.count) [cttsLeft, offset] = cttsEntry(t.ctts, cttsIdx);
  }
  if (gopOpen) open++;
  // A track with a single keyframe: its only gap is the whole track.
  if (gaps === 0 && lastKeyDts !== null) {
    maxGap = mediaDuration - lastKeyDts;
    gapSum = maxGap;
    gaps = 1;
  }
  return {
    keyframeCount: keyCount,
    maxKeyframeGap: lastKeyDts === null ? null : maxGap,
    averageKeyframeGap: gaps > 0 ? gapSum / gaps : null,
    openGopCount: t.ctts ? open : 0,
    allIntra: keyCount === n && n > 0,
  };
}
