import { u8, u32be } from '../util/bytes.js';

/** What an esds box says: the MPEG-4 object type and the decoder's AudioSpecificConfig. */
export type EsdsFacts = { objectTypeIndication: number; asc: Uint8Array | null; avgBitrate: number | null };

const ES_DESCRIPTOR = 0x03;
const DECODER_CONFIG = 0x04;
const DECODER_SPECIFIC = 0x05;

/**
 * Parses an esds payload (after the box header). Written here rather than taken from mp4box because
 * mp4box misreads QuickTime sound descriptions v1/v2 (16 or 36 extra bytes) and never reaches the
 * esds inside their `wave` box, which is where MOV files keep it.
 */
export function parseEsds(payload: Uint8Array): EsdsFacts | null {
  let at = 4; // version + flags
  const es = descriptor(payload, at);
  if (!es || es.tag !== ES_DESCRIPTOR) return null;
  at = es.body;
  const flags = u8(payload, at + 2);
  if (flags === undefined) return null;
  at += 3;
  if (flags & 0x80) at += 2; // dependsOn_ES_ID
  if (flags & 0x40) at += 1 + (u8(payload, at) ?? 0); // URL
  if (flags & 0x20) at += 2; // OCR_ES_Id
  const dc = descriptor(payload, at);
  if (!dc || dc.tag !== DECODER_CONFIG) return null;
  const oti = u8(payload, dc.body);
  if (oti === undefined) return null;
  const avg = u32be(payload, dc.body + 9);
  const dsi = descriptor(payload, dc.body + 13);
  const asc = dsi && dsi.tag === DECODER_SPECIFIC && dsi.body + dsi.length <= payload.length ? payload.subarray(dsi.body, dsi.body + dsi.length) : null;
  return { objectTypeIndication: oti, asc, avgBitrate: avg ?? null };
}

/** A descriptor header: tag, then a length of up to four 7-bit groups. */
function descriptor(b: Uint8Array, at: number): { tag: number; length: number; body: number } | null {
  const tag = u8(b, at);
  if (tag === undefined) return null;
  let length = 0;
  let i = at + 1;
  for (let n = 0; n < 4; n++, i++) {
    const byte = u8(b, i);
    if (byte === undefined) return null;
    length = (length << 7) | (byte & 0x7f);
    if (!(byte & 0x80)) return { tag, length, body: i + 1 };
  }
  return null;
}
