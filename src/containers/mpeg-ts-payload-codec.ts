import { parseAdtsHeader, parseMpegAudioFrameHeader } from '../sniff/sniff-mpeg-audio.js';
import { u16be, u8 } from '../util/bytes.js';
import type { TsStreamCodec } from './mpeg-ts-stream-types.js';

/**
 * Names an audio codec from the first bytes of a PES packet's payload, for streams the PMT leaves
 * vague: private streams (0x06) without descriptors, and MPEG audio (0x03/0x04) whose layer
 * the stream_type does not say. Returns null when the payload does not start with a known frame.
 */
export function codecFromPesStart(b: Uint8Array, o: number, end: number): TsStreamCodec | null {
  // packet_start_code_prefix 00 00 01, then stream_id and PES_packet_length.
  if (u8(b, o) !== 0 || u8(b, o + 1) !== 0 || u8(b, o + 2) !== 1) return null;
  const streamId = u8(b, o + 3);
  if (streamId === undefined) return null;
  // Audio (0xC0–0xDF) and private_stream_1 (0xBD) carry the optional PES header.
  const hasOptionalHeader = streamId === 0xbd || (streamId >= 0xc0 && streamId <= 0xef);
  if (!hasOptionalHeader) return null;
  const headerDataLength = u8(b, o + 8);
  if (headerDataLength === undefined) return null;
  const p = o + 9 + headerDataLength;
  if (p + 7 > end) return null;
  const view = b.subarray(0, end);
  if (parseAdtsHeader(view, p)) return { kind: 'audio', codec: 'aac' };
  if (u16be(view, p) === 0x0b77) {
    const bsid = (u8(view, p + 5) ?? 0) >> 3;
    return { kind: 'audio', codec: bsid > 10 ? 'eac3' : 'ac3' };
  }
  const mpeg = parseMpegAudioFrameHeader(view, p);
  if (mpeg) return { kind: 'audio', codec: mpeg.layer === 3 ? 'mp3' : mpeg.layer === 2 ? 'mp2' : 'mp1' };
  // Opus in TS: each access unit starts with a control header of 11 set bits (0x7FE0 mask).
  if (((u16be(view, p) ?? 0) & 0xffe0) === 0x7fe0) return { kind: 'audio', codec: 'opus' };
  return null;
}
