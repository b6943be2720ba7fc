import { u8 } from '../util/bytes.js';

/** Fields of an MPEG-1/2/2.5 audio frame header (layers I–III) that locate the next frame. */
export interface MpegAudioFrameHeader {
  /** 1 (MPEG-1), 2 (MPEG-2) or 2.5 (MPEG-2.5). */
  version: 1 | 2 | 2.5;
  layer: 1 | 2 | 3;
  sampleRate: number;
  frameLength: number;
}

const bitratesKbps: Record<string, number[]> = {
  '1-1': [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  '1-2': [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  '1-3': [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  '2-1': [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  '2-2': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  '2-3': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const sampleRates = { 1: [44100, 48000, 32000], 2: [22050, 24000, 16000], 2.5: [11025, 12000, 8000] } as const;

/** Parses an MPEG audio frame header at `o`; null unless every field holds an allowed value. */
export function parseMpegAudioFrameHeader(b: Uint8Array, o: number): MpegAudioFrameHeader | null {
  const b0 = u8(b, o), b1 = u8(b, o + 1), b2 = u8(b, o + 2), b3 = u8(b, o + 3);
  if (b0 === undefined || b1 === undefined || b2 === undefined || b3 === undefined) return null;
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return null;
  const versionBits = (b1 >> 3) & 3;
  const layerBits = (b1 >> 1) & 3;
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  // Reserved values; bitrate index 0 ("free format") has no computable frame length, so it is refused too.
  if (versionBits === 1 || layerBits === 0 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  if ((b3 & 3) === 2) return null; // reserved emphasis
  const version = versionBits === 3 ? 1 : versionBits === 2 ? 2 : 2.5;
  const layer = (4 - layerBits) as 1 | 2 | 3;
  const padding = (b2 >> 1) & 1;
  const kbps = bitratesKbps[`${version === 1 ? 1 : 2}-${layer}`]![bitrateIndex]!;
  const sampleRate = sampleRates[version][rateIndex]!;
  const bitrate = kbps * 1000;
  let frameLength: number;
  if (layer === 1) frameLength = (Math.floor((12 * bitrate) / sampleRate) + padding) * 4;
  else if (layer === 3 && version !== 1) frameLength = Math.floor((72 * bitrate) / sampleRate) + padding;
  else frameLength = Math.floor((144 * bitrate) / sampleRate) + padding;
  return { version, layer, sampleRate, frameLength };
}

export interface AdtsHeader {
  sampleRateIndex: number;
  frameLength: number;
}

/** Parses an AAC ADTS header at `o` (sync 0xFFF, layer 0); null unless its fields are valid. */
export function parseAdtsHeader(b: Uint8Array, o: number): AdtsHeader | null {
  const b0 = u8(b, o), b1 = u8(b, o + 1), b2 = u8(b, o + 2), b3 = u8(b, o + 3), b4 = u8(b, o + 4), b5 = u8(b, o + 5);
  if (b0 === undefined || b1 === undefined || b2 === undefined || b3 === undefined || b4 === undefined || b5 === undefined) {
    return null;
  }
  if (b0 !== 0xff || (b1 & 0xf6) !== 0xf0) return null; // FFF1 / FFF9: sync, MPEG-4 or -2, layer 00
  const sampleRateIndex = (b2 >> 2) & 0xf;
  if (sampleRateIndex > 12) return null;
  const frameLength = ((b3 & 3) << 11) | (b4 << 3) | (b5 >> 5);
  const headerLength = (b1 & 1) === 1 ? 7 : 9; // protection_absent = 1 means no CRC
  if (frameLength < headerLength) return null;
  return { sampleRateIndex, frameLength };
}

/** Size of the ID3v2 tag at `o` (header, body and footer), or 0 when there is none. */
export function id3v2TagLength(b: Uint8Array, o: number): number {
  if (u8(b, o) !== 0x49 || u8(b, o + 1) !== 0x44 || u8(b, o + 2) !== 0x33) return 0;
  const major = u8(b, o + 3), minor = u8(b, o + 4), flags = u8(b, o + 5);
  if (major === undefined || minor === undefined || flags === undefined || major === 0xff || minor === 0xff) return 0;
  let size = 0;
  for (let i = 0; i < 4; i++) {
    const byte = u8(b, o + 6 + i);
    if (byte === undefined || byte & 0x80) return 0; // sizes are syncsafe: the top bit is always clear
    size = size * 128 + byte;
  }
  const footer = major === 4 && flags & 0x10 ? 10 : 0;
  return 10 + size + footer;
}

/** How many ID3v2 tags in a row we skip (some taggers stack them). */
export const MAX_STACKED_ID3_TAGS = 4;

export type MpegAudioSniff = 'mp3' | 'aac-adts' | 'flac' | null;

/**
 * Recognises MP3 and ADTS AAC, skipping leading ID3v2 tags. A frame header alone is weak
 * evidence, so when the next frame starts inside the head it must hold a header too.
 * A file that is an ID3 tag whose audio lies beyond the head is reported as MP3, its usual payload.
 */
export function sniffMpegAudio(head: Uint8Array): MpegAudioSniff {
  let o = 0;
  let tagged = false;
  for (let i = 0; i < MAX_STACKED_ID3_TAGS; i++) {
    const tag = id3v2TagLength(head, o);
    if (tag === 0) break;
    tagged = true;
    o += tag;
  }
  if (tagged && o >= head.length) return 'mp3';
  if (tagged && u8(head, o) === 0x66 && u8(head, o + 1) === 0x4c && u8(head, o + 2) === 0x61 && u8(head, o + 3) === 0x43) {
    return 'flac'; // "fLaC" after an ID3 tag
  }

  const adts = parseAdtsHeader(head, o);
  if (adts) {
    const next = o + adts.frameLength;
    if (next + 6 > head.length || parseAdtsHeader(head, next)) return 'aac-adts';
  }
  const mpeg = parseMpegAudioFrameHeader(head, o);
  if (mpeg) {
    const next = o + mpeg.frameLength;
    if (next + 4 > head.length || parseMpegAudioFrameHeader(head, next)) return 'mp3';
  }
  // A tagged file whose audio starts after some padding the tag did not count.
  return tagged && findMpegAudioFrame(head, o) ? 'mp3' : null;
}

/** How far past an ID3 tag we look for the first frame (some writers pad without counting it). */
export const MAX_ID3_PADDING_SCAN = 4096;

function findMpegAudioFrame(head: Uint8Array, from: number): boolean {
  const end = Math.min(head.length, from + MAX_ID3_PADDING_SCAN);
  for (let o = from; o < end; o++) {
    const h = parseMpegAudioFrameHeader(head, o);
    if (h && parseMpegAudioFrameHeader(head, o + h.frameLength)) return true;
  }
  return false;
}
