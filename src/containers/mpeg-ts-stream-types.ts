import { fourcc, u8 } from '../util/bytes.js';

/** What a PMT entry says about an elementary stream. */
export interface TsStreamCodec {
  kind: 'video' | 'audio' | 'other';
  codec: string;
}

/**
 * ISO/IEC 13818-1 stream_type values (plus the ATSC ones everyone uses). 0x03 and 0x04 say
 * "MPEG audio" without the layer; they are named mp3, the layer most such streams carry.
 */
const streamTypes: Record<number, TsStreamCodec> = {
  0x01: { kind: 'video', codec: 'mpeg1video' },
  0x02: { kind: 'video', codec: 'mpeg2video' },
  0x03: { kind: 'audio', codec: 'mp3' },
  0x04: { kind: 'audio', codec: 'mp3' },
  0x0f: { kind: 'audio', codec: 'aac' },
  0x10: { kind: 'video', codec: 'mpeg4' },
  0x11: { kind: 'audio', codec: 'aac_latm' },
  0x1b: { kind: 'video', codec: 'h264' },
  0x24: { kind: 'video', codec: 'hevc' },
  0x33: { kind: 'video', codec: 'vvc' },
  0x42: { kind: 'video', codec: 'cavs' },
  0x81: { kind: 'audio', codec: 'ac3' },
  0x87: { kind: 'audio', codec: 'eac3' },
  0xd1: { kind: 'video', codec: 'dirac' },
  0xea: { kind: 'video', codec: 'vc1' },
  0x15: { kind: 'other', codec: 'timed_id3' },
  0x86: { kind: 'other', codec: 'scte_35' },
};

/** Blu-ray (registration "HDMV") reuses the 0x80–0xA2 range for its own audio and subtitles. */
const hdmvStreamTypes: Record<number, TsStreamCodec> = {
  0x80: { kind: 'audio', codec: 'pcm' },
  0x81: { kind: 'audio', codec: 'ac3' },
  0x82: { kind: 'audio', codec: 'dts' },
  0x83: { kind: 'audio', codec: 'truehd' },
  0x84: { kind: 'audio', codec: 'eac3' },
  0x85: { kind: 'audio', codec: 'dts' },
  0x86: { kind: 'audio', codec: 'dts' },
  0x90: { kind: 'other', codec: 'hdmv_pgs_subtitle' },
  0x92: { kind: 'other', codec: 'hdmv_text_subtitle' },
  0xa1: { kind: 'audio', codec: 'eac3' },
  0xa2: { kind: 'audio', codec: 'dts' },
};

/** registration_descriptor format identifiers that name the codec of a private (0x06) stream. */
const registrations: Record<string, TsStreamCodec> = {
  'AC-3': { kind: 'audio', codec: 'ac3' },
  EAC3: { kind: 'audio', codec: 'eac3' },
  'AC-4': { kind: 'audio', codec: 'ac4' },
  DTS1: { kind: 'audio', codec: 'dts' },
  DTS2: { kind: 'audio', codec: 'dts' },
  DTS3: { kind: 'audio', codec: 'dts' },
  Opus: { kind: 'audio', codec: 'opus' },
  BSSD: { kind: 'audio', codec: 'pcm' },
  HEVC: { kind: 'video', codec: 'hevc' },
  AV01: { kind: 'video', codec: 'av1' },
  'VC-1': { kind: 'video', codec: 'vc1' },
  KLVA: { kind: 'other', codec: 'klv' },
  'ID3 ': { kind: 'other', codec: 'timed_id3' },
};

/** DVB descriptor tags that identify a private stream. */
const descriptorTags: Record<number, TsStreamCodec> = {
  0x6a: { kind: 'audio', codec: 'ac3' },
  0x7a: { kind: 'audio', codec: 'eac3' },
  0x7b: { kind: 'audio', codec: 'dts' },
  0x59: { kind: 'other', codec: 'dvb_subtitle' },
  0x56: { kind: 'other', codec: 'dvb_teletext' },
};

const REGISTRATION_DESCRIPTOR = 0x05;
/** A descriptor loop is at most ~1000 bytes, so this many entries is plenty. */
const MAX_DESCRIPTORS = 64;

/** Registration format identifier found in a descriptor loop, or null. */
export function findRegistration(b: Uint8Array, start: number, end: number): string | null {
  let found: string | null = null;
  forEachDescriptor(b, start, end, (tag, o, length) => {
    if (found === null && tag === REGISTRATION_DESCRIPTOR && length >= 4) found = fourcc(b, o) ?? null;
  });
  return found;
}

function forEachDescriptor(b: Uint8Array, start: number, end: number, visit: (tag: number, o: number, length: number) => void): void {
  let o = start;
  for (let i = 0; i < MAX_DESCRIPTORS && o + 2 <= end; i++) {
    const tag = u8(b, o)!;
    const length = u8(b, o + 1)!;
    if (o + 2 + length > end) return;
    visit(tag, o + 2, length);
    o += 2 + length;
  }
}

/** Names a PMT stream from its stream_type and, for private streams, its ES_info descriptors. */
export function tsStreamCodec(
  streamType: number,
  descriptors: { b: Uint8Array; start: number; end: number },
  programRegistration: string | null,
): TsStreamCodec {
  if (programRegistration === 'HDMV') {
    const hdmv = hdmvStreamTypes[streamType];
    if (hdmv) return hdmv;
  }
  const registration = findRegistration(descriptors.b, descriptors.start, descriptors.end);
  if (streamType === 0x06 || (streamType >= 0x80 && !streamTypes[streamType])) {
    if (registration && registrations[registration]) return registrations[registration];
    let byTag: TsStreamCodec | null = null;
    forEachDescriptor(descriptors.b, descriptors.start, descriptors.end, (tag) => {
      byTag ??= descriptorTags[tag] ?? null;
    });
    if (byTag) return byTag;
  }
  return streamTypes[streamType] ?? { kind: 'other', codec: 'unknown' };
}
