import { ascii, u8 } from '../util/bytes.js';

/** Beginning-of-stream pages come first in an Ogg file; we look at this many at most. */
export const MAX_OGG_BOS_PAGES = 16;
const OGG_PAGE_HEADER = 27;

/** Video codecs' identification-packet prefixes in Ogg (Theora, Daala, VP8, Dirac). */
const videoIdentifiers = ['\x80theora', '\x80daala', 'OVP80', 'BBCD\x00'];

/**
 * True when one of the Ogg file's first (beginning-of-stream) pages starts a video stream.
 * Ogg's MIME type and kind depend on it: .ogv (Theora) is video/ogg, .opus/.oga is audio/ogg.
 */
export function oggHasVideoStream(head: Uint8Array): boolean {
  let o = 0;
  for (let i = 0; i < MAX_OGG_BOS_PAGES; i++) {
    if (ascii(head, o, 4) !== 'OggS') return false;
    const headerType = u8(head, o + 5);
    const segments = u8(head, o + 26);
    if (headerType === undefined || segments === undefined) return false;
    if ((headerType & 0x02) === 0) return false; // past the beginning-of-stream pages
    let bodyLength = 0;
    for (let s = 0; s < segments; s++) bodyLength += u8(head, o + OGG_PAGE_HEADER + s) ?? 0;
    const body = o + OGG_PAGE_HEADER + segments;
    const prefix = ascii(head, body, 8);
    if (videoIdentifiers.some((id) => prefix.startsWith(id))) return true;
    o = body + bodyLength;
  }
  return false;
}
