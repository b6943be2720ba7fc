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

export function randomBytes(next: () => number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(next() * 256);
  return out;
}

/** The shared seeded PRNG, under the name the codec tests use. */
export { prng as seededRandom } from '../../helpers/bytes.js';
