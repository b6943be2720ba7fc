import { u16be, u32be, fourcc } from '../util/bytes.js';
import { isBoxHeaderProblem, readBoxHeader } from './box-header.js';
import { child, type BoxNode } from './box-tree.js';
import { parseEsds, type EsdsFacts } from './esds.js';

/**
 * The first sample entry of a track read straight from the stsd bytes. mp4box leaves entries it does
 * not know (ProRes `apcn`, PCM `sowt`, DNxHD `AVdn`) unparsed, so dimensions, channels and rates for
 * those come from here. Layouts: ISO 14496-12 VisualSampleEntry / AudioSampleEntry and QuickTime's
 * sound description versions 0, 1 and 2.
 */
export type RawSampleEntry = {
  type: string;
  width: number | null;
  height: number | null;
  channels: number | null;
  sampleRate: number | null;
  bitsPerSample: number | null;
  /** QuickTime sound description version 2 flags (float, big-endian, ...). */
  lpcmFlags: number | null;
  /** The esds found among the entry's children or inside its QuickTime `wave` box. */
  esds: EsdsFacts | null;
};

/** Where child boxes start in a sound entry, by QuickTime sound description version. */
const SOUND_CHILDREN_AT: Record<number, number> = { 0: 36, 1: 52, 2: 72 };
const VISUAL_CHILDREN_AT = 86;

const ENTRY_HEADER = 8;
/** reserved(6) + data_reference_index(2) */
const SAMPLE_ENTRY_BASE = 8;

export function readRawSampleEntry(stbl: BoxNode | undefined, handler: string): RawSampleEntry | null {
  const stsd = child(stbl, 'stsd');
  if (!stsd) return null;
  const p = stsd.payload;
  const count = u32be(p, 4);
  const size = u32be(p, 8);
  const type = fourcc(p, 12);
  if (!count || size === undefined || type === undefined || size < ENTRY_HEADER) return null;
  const e = p.subarray(8, Math.min(p.length, 8 + size));
  const base: RawSampleEntry = { type, width: null, height: null, channels: null, sampleRate: null, bitsPerSample: null, lpcmFlags: null, esds: null };
  const o = ENTRY_HEADER + SAMPLE_ENTRY_BASE;
  if (handler === 'vide') {
    // pre_defined(2) reserved(2) pre_defined(12), then width(2) height(2)
    return { ...base, width: u16be(e, o + 16) ?? null, height: u16be(e, o + 18) ?? null, esds: findEsds(e, VISUAL_CHILDREN_AT) };
  }
  if (handler === 'soun') {
    const version = u16be(e, o) ?? 0;
    base.esds = findEsds(e, SOUND_CHILDREN_AT[version] ?? 36);
    if (version === 2) {
      // QuickTime v2: always3(2) always16(2) alwaysMinus2(2) always0(2) always65536(4) sizeOfStructOnly(4)
      // audioSampleRate(float64) numAudioChannels(4) always7F000000(4) constBitsPerChannel(4) formatSpecificFlags(4)
      const view = new DataView(e.buffer, e.byteOffset, e.byteLength);
      const rateAt = o + 8 + 16;
      const sampleRate = rateAt + 8 <= e.length ? view.getFloat64(rateAt) : null;
      return {
        ...base,
        sampleRate: sampleRate !== null && Number.isFinite(sampleRate) ? Math.round(sampleRate) : null,
        channels: u32be(e, rateAt + 8) ?? null,
        bitsPerSample: u32be(e, rateAt + 16) ?? null,
        lpcmFlags: u32be(e, rateAt + 20) ?? null,
      };
    }
    // v0/v1: version(2) revision(2) vendor(4) channels(2) sampleSize(2) compressionId(2) packetSize(2) rate(16.16)
    const rate = u32be(e, o + 16);
    return {
      ...base,
      channels: u16be(e, o + 8) ?? null,
      bitsPerSample: u16be(e, o + 10) ?? null,
      sampleRate: rate === undefined ? null : Math.round(rate / 65536),
    };
  }
  return base;
}

/** Looks for esds among the child boxes from `at`, one level into `wave`; bounded by the entry's bytes. */
function findEsds(entry: Uint8Array, at: number, depth = 0): EsdsFacts | null {
  for (let n = 0; at + 8 <= entry.length && n < 64; n++) {
    const h = readBoxHeader(entry, at, 0, entry.length);
    if (isBoxHeaderProblem(h) || h.offset + h.size > entry.length) return null;
    const payload = entry.subarray(at + h.headerSize, at + h.size);
    if (h.type === 'esds') return parseEsds(payload);
    if (h.type === 'wave' && depth === 0) {
      const inner = findEsds(payload, 0, 1);
      if (inner) return inner;
    }
    at += h.size;
  }
  return null;
}
