/** Typed access to the JSON vectors written by make-vectors.sh. */
import { readFileSync } from 'node:fs';

interface VectorFile<T> {
  generator: string;
  ffmpeg: string;
  vectors: T[];
}

export interface H264Vector {
  name: string;
  ffmpegArgs: string;
  size: string;
  rate: string;
  avcC: string;
  sps: string;
  ffprobe: {
    profile: string;
    level: number;
    pix_fmt: string;
    width: number;
    height: number;
    field_order: string;
    sample_aspect_ratio?: string;
    color_range?: string;
    color_space?: string;
    color_transfer?: string;
    color_primaries?: string;
    r_frame_rate: string;
  };
}

export interface HevcVector {
  name: string;
  ffmpegArgs: string;
  generalProfileIdc: number;
  generalProfileCompatibilityFlags: number;
  generalLevelIdc: number;
  ffprobe: { profile: string; level: number; pix_fmt: string; width: number; height: number };
}

export interface AacVector {
  name: string;
  asc: string;
  /** Only on configs derived from a real encode: what the rewritten config signals. */
  signalled?: { objectType: number; sbr: boolean; ps: boolean };
  /** Set where ffprobe could not open the derived file. */
  expected?: { sampleRate: number; channels: number };
  ffprobe: { profile: string; sample_rate: string; channels: number; channel_layout?: string } | null;
}

export interface SampleEntryVector {
  name: string;
  fourcc: string;
  esdsObjectTypeIndication?: number;
  endaLittleEndian?: boolean;
  ffprobe: { codec_type: string; codec_name: string; profile?: string; bits_per_sample?: number };
}

function load<T>(file: string): T[] {
  const parsed = JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as VectorFile<T>;
  return parsed.vectors;
}

export const h264Vectors = (): H264Vector[] => load<H264Vector>('./h264.json');
export const hevcVectors = (): HevcVector[] => load<HevcVector>('./hevc.json');
export const aacVectors = (): AacVector[] => load<AacVector>('./aac.json');
export const sampleEntryVectors = (): SampleEntryVector[] => load<SampleEntryVector>('./sample-entries.json');

export function fromHex(hex: string): Uint8Array {
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

/** Small deterministic PRNG (mulberry32) so fuzz inputs are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomBytes(next: () => number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(next() * 256);
  return out;
}
