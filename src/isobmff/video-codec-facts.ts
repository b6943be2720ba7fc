import { parseH264Sps } from '../codecs/h264-sps.js';
import { h264Level, h264ProfileName } from '../codecs/h264-names.js';
import { hevcLevel, hevcProfileName } from '../codecs/hevc-names.js';
import type { ChromaSubsampling, Colour } from '../probe/media-info.js';
import type { SampleEntryFacts } from './mp4box-moov.js';

/** What a video sample entry says about the bitstream, whatever the codec. */
export type VideoCodecFacts = {
  profile: string | null;
  level: number | null;
  chromaSubsampling: ChromaSubsampling | null;
  bitDepth: number | null;
  interlaced: boolean | null;
  /** Cropped picture size when the bitstream says (H.264 SPS). */
  width: number | null;
  height: number | null;
  sampleAspectRatio: { num: number; den: number } | null;
  colour: Colour | null;
};

const CHROMA_BY_IDC: Record<number, ChromaSubsampling> = { 0: '4:0:0', 1: '4:2:0', 2: '4:2:2', 3: '4:4:4' };

/** ffprobe's names for the ProRes flavours, keyed by sample entry. */
const PRORES: Record<string, { profile: string; chroma: ChromaSubsampling; bitDepth: number }> = {
  apco: { profile: 'Proxy', chroma: '4:2:2', bitDepth: 10 },
  apcs: { profile: 'LT', chroma: '4:2:2', bitDepth: 10 },
  apcn: { profile: 'Standard', chroma: '4:2:2', bitDepth: 10 },
  apch: { profile: 'HQ', chroma: '4:2:2', bitDepth: 10 },
  ap4h: { profile: '4444', chroma: '4:4:4', bitDepth: 12 },
  ap4x: { profile: '4444 XQ', chroma: '4:4:4', bitDepth: 12 },
};

const EMPTY: VideoCodecFacts = {
  profile: null, level: null, chromaSubsampling: null, bitDepth: null, interlaced: null,
  width: null, height: null, sampleAspectRatio: null, colour: null,
};

export function videoCodecFacts(codec: string, entry: SampleEntryFacts | null): VideoCodecFacts {
  if (!entry) return EMPTY;
  const fromFiel = entry.fieldCount === null ? null : entry.fieldCount === 2;
  const colr: Colour | null = entry.colr ? { ...entry.colr, source: 'colr' } : null;
  const base: VideoCodecFacts = { ...EMPTY, interlaced: fromFiel, colour: colr };
  if (codec === 'h264' && entry.avc) return { ...base, ...h264Facts(entry.avc, colr, fromFiel) };
  if (codec === 'hevc' && entry.hevc) {
    const h = entry.hevc;
    // general_progressive_source_flag and general_interlaced_source_flag lead the constraint bytes.
    const c0 = h.constraint[0] ?? 0;
    const progressive = (c0 >> 7) & 1;
    const interlacedSource = (c0 >> 6) & 1;
    return {
      ...base,
      profile: hevcProfileName(h.profile, h.compatibility),
      level: hevcLevel(h.level),
      chromaSubsampling: CHROMA_BY_IDC[h.chromaFormat] ?? null,
      bitDepth: h.bitDepthLuma,
      interlaced: fromFiel ?? (interlacedSource === 1 && progressive === 0),
    };
  }
  if (codec === 'av1' && entry.av1) {
    const a = entry.av1;
    const chroma: ChromaSubsampling = a.monochrome ? '4:0:0' : a.subX && a.subY ? '4:2:0' : a.subX ? '4:2:2' : '4:4:4';
    return {
      ...base,
      profile: ['Main', 'High', 'Professional'][a.profile] ?? null,
      level: 2 + (a.level >> 2) + (a.level & 3) / 10,
      chromaSubsampling: chroma,
      bitDepth: a.twelveBit ? 12 : a.highBitdepth ? 10 : 8,
      interlaced: false,
    };
  }
  if (codec === 'vp9' && entry.vp9) {
    const v = entry.vp9;
    return {
      ...base,
      profile: `Profile ${v.profile}`,
      level: v.level / 10,
      chromaSubsampling: v.chromaSubsampling <= 1 ? '4:2:0' : v.chromaSubsampling === 2 ? '4:2:2' : '4:4:4',
      bitDepth: v.bitDepth,
      interlaced: false,
      colour: colr ?? { primaries: v.primaries, transfer: v.transfer, matrix: v.matrix, fullRange: v.fullRange, source: 'config' },
    };
  }
  if (codec === 'prores') {
    const p = PRORES[entry.type];
    return p ? { ...base, profile: p.profile, chromaSubsampling: p.chroma, bitDepth: p.bitDepth } : base;
  }
  if (codec === 'mpeg4' || codec === 'vp8') return { ...base, chromaSubsampling: '4:2:0', bitDepth: 8, interlaced: fromFiel ?? false };
  return base;
}

function h264Facts(
  avc: NonNullable<SampleEntryFacts['avc']>,
  colr: Colour | null,
  fromFiel: boolean | null,
): Partial<VideoCodecFacts> {
  const sps = avc.sps[0] ? parseH264Sps(avc.sps[0]) : null;
  if (!sps) {
    return {
      profile: h264ProfileName(avc.profile, avc.compatibility),
      level: h264Level(avc.level, avc.compatibility),
    };
  }
  return {
    profile: h264ProfileName(sps.profileIdc, sps.constraintFlags),
    level: h264Level(sps.levelIdc, sps.constraintFlags),
    chromaSubsampling: CHROMA_BY_IDC[sps.chromaFormatIdc] ?? null,
    bitDepth: sps.bitDepthLuma,
    interlaced: fromFiel ?? !sps.frameMbsOnly,
    width: sps.width,
    height: sps.height,
    sampleAspectRatio: sps.sampleAspectRatio,
    colour: colr ?? (sps.colour ? { ...sps.colour, source: 'bitstream' } : null),
  };
}
