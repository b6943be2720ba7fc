import { ISOFile, Log, MP4BoxBuffer, MultiBufferStream } from 'mp4box';
import type { BoxNode } from './box-tree.js';

/**
 * mp4box, fed the moov alone, parses what it is good at: the sample descriptions (avcC, hvcC,
 * av1C, vpcC, esds, dOps, colr, pasp, btrt, fiel), tkhd, mdhd, hdlr, elst and codec strings.
 * It never sees sample tables: those are renamed to `free` in our copy, because mp4box expands
 * them into one object per sample (39 s and 3.3 GB on a 5-minute PCM MOV) and trusts their counts.
 */

const SAMPLE_TABLE_BOXES = new Set(['stts', 'ctts', 'stss', 'stsz', 'stz2', 'stsc', 'stco', 'co64', 'sdtp', 'sbgp', 'sgpd', 'subs', 'saiz', 'saio', 'stps', 'cslg']);

/** What we keep from mp4box per track; plain data, no mp4box types. */
export type Mp4boxTrack = {
  trackId: number;
  /** tkhd matrix as 9 raw integers (16.16 / 2.30 fixed point). */
  matrix: number[] | null;
  tkhdWidth: number;
  tkhdHeight: number;
  timescale: number;
  mediaDuration: number;
  language: string | null;
  handler: string;
  edits: Array<{ segmentDuration: number; mediaTime: number; rate: number }> | null;
  entry: SampleEntryFacts | null;
};

export type SampleEntryFacts = {
  type: string;
  codecString: string;
  width: number | null;
  height: number | null;
  channelCount: number | null;
  sampleRate: number | null;
  sampleSize: number | null;
  avc: { profile: number; compatibility: number; level: number; sps: Uint8Array[]; ext: Uint8Array | null } | null;
  hevc: {
    profileSpace: number;
    tier: number;
    profile: number;
    compatibility: number;
    constraint: number[];
    level: number;
    chromaFormat: number;
    bitDepthLuma: number;
    bitDepthChroma: number;
  } | null;
  av1: { profile: number; level: number; tier: number; highBitdepth: boolean; twelveBit: boolean; monochrome: boolean; subX: number; subY: number } | null;
  vp9: { profile: number; level: number; bitDepth: number; chromaSubsampling: number; fullRange: boolean; primaries: number; transfer: number; matrix: number } | null;
  /** AudioSpecificConfig bytes and the object type indication, from esds. */
  esds: { objectTypeIndication: number; asc: Uint8Array | null; avgBitrate: number | null } | null;
  opus: { channels: number; inputSampleRate: number } | null;
  colr: { primaries: number; transfer: number; matrix: number; fullRange: boolean } | null;
  pasp: { h: number; v: number } | null;
  /** fiel box: 1 = progressive, 2 = two fields (interlaced). */
  fieldCount: number | null;
  avgBitrate: number | null;
};

export type Mp4boxMoov = {
  movieTimescale: number;
  movieDuration: number;
  fragmentDuration: number | null;
  tracks: Mp4boxTrack[];
};

/** Parses the moov (already walked and gated by our own box tree). Returns an error string on failure. */
export function parseMoovWithMp4box(moov: Uint8Array, tree: BoxNode): Mp4boxMoov | { error: string } {
  const copy = new Uint8Array(moov.length);
  copy.set(moov);
  hideSampleTables(copy, tree);
  const buffer = MP4BoxBuffer.fromArrayBuffer(copy.buffer, 0);
  const restore = silenceMp4box();
  try {
    const file = new ISOFile(new MultiBufferStream(buffer));
    const m = file.moov as unknown as Loose | undefined;
    if (!m) return { error: 'mp4box found no moov' };
    const tracks = (asArray(m.traks) ?? []).map(readTrack);
    const mehd = get(get(m, 'mvex'), 'mehd');
    return {
      movieTimescale: num(get(get(m, 'mvhd'), 'timescale')) ?? 0,
      movieDuration: num(get(get(m, 'mvhd'), 'duration')) ?? 0,
      fragmentDuration: num(get(mehd, 'fragment_duration')),
      tracks,
    };
  } catch (error) {
    return { error: `mp4box could not parse the moov: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    restore();
  }
}

function hideSampleTables(copy: Uint8Array, node: BoxNode): void {
  for (const c of node.children) {
    if (SAMPLE_TABLE_BOXES.has(c.type)) copy.set([0x66, 0x72, 0x65, 0x65], c.start + 4); // 'free'
    else hideSampleTables(copy, c);
  }
}

/**
 * mp4box prints parse errors with console.error when no file object is attached. The library must
 * not write to the console, so its logger is muted for the duration of our synchronous parse only.
 */
function silenceMp4box(): () => void {
  const log = Log as unknown as Record<'error' | 'warn' | 'info' | 'debug', (...a: unknown[]) => void>;
  const saved = { error: log.error, warn: log.warn, info: log.info, debug: log.debug };
  const quiet = () => {};
  log.error = quiet;
  log.warn = quiet;
  log.info = quiet;
  log.debug = quiet;
  return () => Object.assign(log, saved);
}

type Loose = Record<string, unknown>;

function get(o: unknown, key: string): unknown {
  return typeof o === 'object' && o !== null ? (o as Loose)[key] : undefined;
}
function num(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'bigint') return Number(v);
  return null;
}
function asArray(v: unknown): unknown[] | undefined {
  return Array.isArray(v) ? v : undefined;
}
function bytes(v: unknown): Uint8Array | null {
  if (v instanceof Uint8Array) return v;
  const data = get(v, 'data');
  return data instanceof Uint8Array ? data : null;
}

function readTrack(trak: unknown): Mp4boxTrack {
  const tkhd = get(trak, 'tkhd');
  const mdia = get(trak, 'mdia');
  const mdhd = get(mdia, 'mdhd');
  const matrix = get(tkhd, 'matrix');
  const elst = get(get(trak, 'edts'), 'elst');
  const entries = asArray(get(get(get(get(mdia, 'minf'), 'stbl'), 'stsd'), 'entries'));
  return {
    trackId: num(get(tkhd, 'track_id')) ?? 0,
    matrix: matrix && typeof matrix === 'object' && 'length' in matrix ? Array.from(matrix as ArrayLike<number>) : null,
    tkhdWidth: (num(get(tkhd, 'width')) ?? 0) / 65536,
    tkhdHeight: (num(get(tkhd, 'height')) ?? 0) / 65536,
    timescale: num(get(mdhd, 'timescale')) ?? 0,
    mediaDuration: num(get(mdhd, 'duration')) ?? 0,
    language: decodeLanguage(num(get(mdhd, 'language'))),
    handler: String(get(get(mdia, 'hdlr'), 'handler') ?? ''),
    edits: elst
      ? (asArray(get(elst, 'entries')) ?? []).map((e) => ({
          segmentDuration: num(get(e, 'segment_duration')) ?? 0,
          mediaTime: num(get(e, 'media_time')) ?? 0,
          rate: (num(get(e, 'media_rate_integer')) ?? 1) + (num(get(e, 'media_rate_fraction')) ?? 0) / 65536,
        }))
      : null,
    entry: entries && entries[0] ? readEntry(entries[0]) : null,
  };
}

/** mdhd packs ISO-639-2 as three 5-bit letters offset by 0x60. */
function decodeLanguage(packed: number | null): string | null {
  if (packed === null || packed === 0) return null;
  const s = String.fromCharCode(((packed >> 10) & 31) + 0x60, ((packed >> 5) & 31) + 0x60, (packed & 31) + 0x60);
  return /^[a-z]{3}$/.test(s) ? s : null;
}

function readEntry(e: unknown): SampleEntryFacts {
  const type = String(get(e, 'type') ?? '');
  let codecString = type;
  try {
    const fn = get(e, 'getCodec');
    if (typeof fn === 'function') codecString = String(fn.call(e));
  } catch {
    // mp4box builds codec strings from config boxes; a damaged one leaves the 4CC.
  }
  const esds = get(e, 'esds') ?? get(get(e, 'wave'), 'esds');
  return {
    type,
    codecString,
    width: num(get(e, 'width')),
    height: num(get(e, 'height')),
    channelCount: num(get(e, 'channel_count')),
    sampleRate: num(get(e, 'samplerate')),
    sampleSize: num(get(e, 'samplesize')),
    avc: readAvc(get(e, 'avcC')),
    hevc: readHevc(get(e, 'hvcC')),
    av1: readAv1(get(e, 'av1C')),
    vp9: readVp9(get(e, 'vpcC')),
    esds: readEsds(esds),
    opus: readOpus(get(e, 'dOps')),
    colr: readColr(get(e, 'colr')),
    pasp: readPasp(get(e, 'pasp')),
    fieldCount: num(get(get(e, 'fiel'), 'fieldCount')),
    avgBitrate: num(get(get(e, 'btrt'), 'avgBitrate')),
  };
}

function readAvc(c: unknown): SampleEntryFacts['avc'] {
  if (!c) return null;
  const sps = (asArray(get(c, 'SPS')) ?? []).map(bytes).filter((b): b is Uint8Array => b !== null);
  const ext = get(c, 'ext');
  return {
    profile: num(get(c, 'AVCProfileIndication')) ?? 0,
    compatibility: num(get(c, 'profile_compatibility')) ?? 0,
    level: num(get(c, 'AVCLevelIndication')) ?? 0,
    sps,
    ext: ext instanceof Uint8Array ? ext : null,
  };
}

function readHevc(c: unknown): SampleEntryFacts['hevc'] {
  if (!c) return null;
  const constraint = get(c, 'general_constraint_indicator');
  return {
    profileSpace: num(get(c, 'general_profile_space')) ?? 0,
    tier: num(get(c, 'general_tier_flag')) ?? 0,
    profile: num(get(c, 'general_profile_idc')) ?? 0,
    compatibility: num(get(c, 'general_profile_compatibility')) ?? 0,
    constraint: constraint && typeof constraint === 'object' && 'length' in constraint ? Array.from(constraint as ArrayLike<number>) : [],
    level: num(get(c, 'general_level_idc')) ?? 0,
    chromaFormat: num(get(c, 'chroma_format_idc')) ?? 1,
    bitDepthLuma: (num(get(c, 'bit_depth_luma_minus8')) ?? 0) + 8,
    bitDepthChroma: (num(get(c, 'bit_depth_chroma_minus8')) ?? 0) + 8,
  };
}

function readAv1(c: unknown): SampleEntryFacts['av1'] {
  if (!c) return null;
  return {
    profile: num(get(c, 'seq_profile')) ?? 0,
    level: num(get(c, 'seq_level_idx_0')) ?? 0,
    tier: num(get(c, 'seq_tier_0')) ?? 0,
    highBitdepth: Boolean(get(c, 'high_bitdepth')),
    twelveBit: Boolean(get(c, 'twelve_bit')),
    monochrome: Boolean(get(c, 'monochrome')),
    subX: num(get(c, 'chroma_subsampling_x')) ?? 1,
    subY: num(get(c, 'chroma_subsampling_y')) ?? 1,
  };
}

function readVp9(c: unknown): SampleEntryFacts['vp9'] {
  if (!c) return null;
  return {
    profile: num(get(c, 'profile')) ?? 0,
    level: num(get(c, 'level')) ?? 0,
    bitDepth: num(get(c, 'bitDepth')) ?? 8,
    chromaSubsampling: num(get(c, 'chromaSubsampling')) ?? 1,
    fullRange: Boolean(get(c, 'videoFullRangeFlag')),
    primaries: num(get(c, 'colourPrimaries')) ?? 2,
    transfer: num(get(c, 'transferCharacteristics')) ?? 2,
    matrix: num(get(c, 'matrixCoefficients')) ?? 2,
  };
}

function readEsds(esds: unknown): SampleEntryFacts['esds'] {
  if (!esds) return null;
  const decoderConfig = asArray(get(get(esds, 'esd'), 'descs'))?.[0];
  if (!decoderConfig) return null;
  const asc = asArray(get(decoderConfig, 'descs'))?.find((d) => get(d, 'tag') === 5);
  return {
    objectTypeIndication: num(get(decoderConfig, 'oti')) ?? 0,
    asc: bytes(asc),
    avgBitrate: num(get(decoderConfig, 'avgBitrate')),
  };
}

function readOpus(d: unknown): SampleEntryFacts['opus'] {
  if (!d) return null;
  return { channels: num(get(d, 'OutputChannelCount')) ?? 0, inputSampleRate: num(get(d, 'InputSampleRate')) ?? 0 };
}

function readColr(c: unknown): SampleEntryFacts['colr'] {
  if (!c || get(c, 'colour_type') !== 'nclx') return null;
  return {
    primaries: num(get(c, 'colour_primaries')) ?? 2,
    transfer: num(get(c, 'transfer_characteristics')) ?? 2,
    matrix: num(get(c, 'matrix_coefficients')) ?? 2,
    fullRange: Boolean(get(c, 'full_range_flag')),
  };
}

function readPasp(p: unknown): SampleEntryFacts['pasp'] {
  if (!p) return null;
  const h = num(get(p, 'hSpacing'));
  const v = num(get(p, 'vSpacing'));
  return h && v ? { h, v } : null;
}
