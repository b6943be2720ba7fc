import { u32be, i32be, u64be, u8 } from '../util/bytes.js';
import { child, type BoxNode } from './box-tree.js';

/**
 * The sample tables of one track (stts, ctts, stss, stsz/stz2, stsc, stco/co64), checked against
 * the bytes that hold them before anything is read. Entry arrays stay as views over the moov bytes:
 * nothing here allocates per sample, so a PCM track with millions of samples costs nothing.
 */
export type SampleTables = {
  /** stts run-length entries: [count, delta] pairs. */
  stts: TableView;
  /** ctts entries, or null. Offsets are read as signed: version 0 writers store negatives too. */
  ctts: TableView | null;
  /** stss sample numbers (1-based), or null when every sample is a sync sample. */
  stss: TableView | null;
  /** Constant sample size, or 0 with per-sample `sizes`. */
  sampleSize: number;
  sampleCount: number;
  sizes: { view: Uint8Array; bits: 4 | 8 | 16 | 32 } | null;
  stsc: TableView;
  chunkOffsets: { view: Uint8Array; wide: boolean; count: number };
};

export type TableView = { view: Uint8Array; count: number };

export type SampleTableProblem = { box: string; message: string; offsetInMoov: number };

const FULLBOX = 4;

/** Reads and gates one track's tables. `fileSize` bounds what the tables may claim. */
export function readSampleTables(stbl: BoxNode, fileSize: number): SampleTables | SampleTableProblem {
  const stts = entries(stbl, 'stts', 8);
  if ('message' in stts) return stts;
  let ctts: TableView | null = null;
  if (child(stbl, 'ctts')) {
    const t = entries(stbl, 'ctts', 8);
    if ('message' in t) return t;
    ctts = t;
  }
  let stss: TableView | null = null;
  if (child(stbl, 'stss')) {
    const t = entries(stbl, 'stss', 4);
    if ('message' in t) return t;
    stss = t;
  }
  const stsc = entries(stbl, 'stsc', 12);
  if ('message' in stsc) return stsc;
  const co64 = child(stbl, 'co64');
  const offsets = entries(stbl, co64 ? 'co64' : 'stco', co64 ? 8 : 4);
  if ('message' in offsets) return offsets;

  const sizes = readSizes(stbl, fileSize);
  if ('message' in sizes) return sizes;
  return {
    stts,
    ctts,
    stss,
    sampleSize: sizes.sampleSize,
    sampleCount: sizes.sampleCount,
    sizes: sizes.sizes,
    stsc,
    chunkOffsets: { view: offsets.view, wide: Boolean(co64), count: offsets.count },
  };
}

/** A full box of `count` fixed-size entries after the version/flags and count fields. */
function entries(stbl: BoxNode, type: string, entrySize: number): TableView | SampleTableProblem {
  const box = child(stbl, type);
  if (!box) {
    // A track with no samples (fragmented files) may omit tables; treat missing as empty.
    return { view: new Uint8Array(0), count: 0 };
  }
  const count = u32be(box.payload, FULLBOX);
  if (count === undefined) return { box: type, message: `'${type}' box is too short`, offsetInMoov: box.start };
  const available = Math.floor((box.payload.length - FULLBOX - 4) / entrySize);
  if (count > available) {
    return {
      box: type,
      message: `'${type}' claims ${count} entries but its ${box.payload.length} bytes hold at most ${available}`,
      offsetInMoov: box.start,
    };
  }
  return { view: box.payload.subarray(FULLBOX + 4, FULLBOX + 4 + count * entrySize), count };
}

function readSizes(
  stbl: BoxNode,
  fileSize: number,
): { sampleSize: number; sampleCount: number; sizes: SampleTables['sizes'] } | SampleTableProblem {
  const stsz = child(stbl, 'stsz');
  if (stsz) {
    const sampleSize = u32be(stsz.payload, FULLBOX);
    const sampleCount = u32be(stsz.payload, FULLBOX + 4);
    if (sampleSize === undefined || sampleCount === undefined) {
      return { box: 'stsz', message: `'stsz' box is too short`, offsetInMoov: stsz.start };
    }
    if (sampleSize !== 0) {
      // Constant size: no table, but the claim must fit in the file (the classic stsz bomb does not).
      if (sampleSize * sampleCount > fileSize) {
        return {
          box: 'stsz',
          message: `'stsz' claims ${sampleCount} samples of ${sampleSize} bytes, more than the ${fileSize}-byte file`,
          offsetInMoov: stsz.start,
        };
      }
      return { sampleSize, sampleCount, sizes: null };
    }
    const available = Math.floor((stsz.payload.length - FULLBOX - 8) / 4);
    if (sampleCount > available) {
      return {
        box: 'stsz',
        message: `'stsz' claims ${sampleCount} sample sizes but its bytes hold at most ${available}`,
        offsetInMoov: stsz.start,
      };
    }
    return { sampleSize: 0, sampleCount, sizes: { view: stsz.payload.subarray(FULLBOX + 8, FULLBOX + 8 + sampleCount * 4), bits: 32 } };
  }
  const stz2 = child(stbl, 'stz2');
  if (stz2) {
    const fieldSize = u8(stz2.payload, FULLBOX + 3);
    const sampleCount = u32be(stz2.payload, FULLBOX + 4);
    if (fieldSize === undefined || sampleCount === undefined || ![4, 8, 16].includes(fieldSize)) {
      return { box: 'stz2', message: `'stz2' box is too short or has a bad field size`, offsetInMoov: stz2.start };
    }
    const needed = Math.ceil((sampleCount * fieldSize) / 8);
    if (needed > stz2.payload.length - FULLBOX - 8) {
      return { box: 'stz2', message: `'stz2' claims ${sampleCount} sample sizes but its bytes hold fewer`, offsetInMoov: stz2.start };
    }
    return {
      sampleSize: 0,
      sampleCount,
      sizes: { view: stz2.payload.subarray(FULLBOX + 8, FULLBOX + 8 + needed), bits: fieldSize as 4 | 8 | 16 },
    };
  }
  return { sampleSize: 0, sampleCount: 0, sizes: null };
}

/** Size of sample `i` (0-based). Callers keep `i < sampleCount`. */
export function sampleSizeAt(t: SampleTables, i: number): number {
  if (t.sampleSize !== 0 || !t.sizes) return t.sampleSize;
  const { view, bits } = t.sizes;
  switch (bits) {
    case 32:
      return u32be(view, i * 4) ?? 0;
    case 16:
      return ((view[i * 2] ?? 0) << 8) | (view[i * 2 + 1] ?? 0);
    case 8:
      return view[i] ?? 0;
    case 4: {
      const b = view[i >> 1] ?? 0;
      return i % 2 === 0 ? b >> 4 : b & 15;
    }
  }
}

export function sttsEntry(t: SampleTables, i: number): [count: number, delta: number] {
  return [u32be(t.stts.view, i * 8) ?? 0, u32be(t.stts.view, i * 8 + 4) ?? 0];
}

export function cttsEntry(ctts: TableView, i: number): [count: number, offset: number] {
  return [u32be(ctts.view, i * 8) ?? 0, i32be(ctts.view, i * 8 + 4) ?? 0];
}

export function chunkOffsetAt(t: SampleTables, i: number): number {
  return t.chunkOffsets.wide ? (u64be(t.chunkOffsets.view, i * 8) ?? 0) : (u32be(t.chunkOffsets.view, i * 4) ?? 0);
}

export function stscEntry(t: SampleTables, i: number): [firstChunk: number, samplesPerChunk: number] {
  return [u32be(t.stsc.view, i * 12) ?? 0, u32be(t.stsc.view, i * 12 + 4) ?? 0];
}
