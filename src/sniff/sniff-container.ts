import type { ContainerFormat } from '../probe/media-info.js';
import { ascii, fourcc, startsWith, u16le, u32le } from '../util/bytes.js';
import { formatDescriptions, type SniffedKind } from './container-format-descriptions.js';
import { readEbmlDocType } from './sniff-ebml-doctype.js';
import { formatFromBrands, looksLikeFtyplessQuickTime, mimeTypeFromBrands, readFtypBrands, type IsobmffBrands } from './sniff-isobmff.js';
import { sniffMpegAudio } from './sniff-mpeg-audio.js';
import { sniffTsPacketLayout } from './sniff-mpeg-ts.js';
import { oggHasVideoStream } from './sniff-ogg-kind.js';
import { sniffTextual } from './sniff-text.js';

export type { SniffedKind } from './container-format-descriptions.js';
export type { IsobmffBrands } from './sniff-isobmff.js';

/** How many leading bytes the sniffer expects; it works with fewer. */
export const SNIFF_HEAD_BYTES = 64 * 1024;

/** What the first bytes of a file say it is. */
export interface SniffResult {
  format: ContainerFormat;
  formatName: string;
  mimeType: string | null;
  /** What the format normally holds; the probe refines it from the tracks. */
  kind: SniffedKind;
  /** ftyp brands, for ISO-BMFF files that have an ftyp box. */
  isobmff?: IsobmffBrands;
}

const ASF_HEADER_GUID = [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11, 0xa6, 0xd9, 0x00, 0xaa, 0x00, 0x62, 0xce, 0x6c];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** BITMAPINFOHEADER and its successors: the DIB header sizes a real BMP carries. */
const BMP_DIB_HEADER_SIZES = new Set([12, 16, 40, 52, 56, 64, 108, 124]);

function result(format: ContainerFormat, overrides: Partial<SniffResult> = {}): SniffResult {
  return { format, ...formatDescriptions[format], ...overrides };
}

/**
 * Names the container from its first bytes (`head`, up to 64 KiB) and the file's total `size`.
 * Never throws: anything unrecognised is 'unknown'.
 */
export function sniffContainer(head: Uint8Array, size: number): SniffResult {
  if (head.length === 0 || size === 0) return result('unknown');

  const brands = readFtypBrands(head);
  if (brands) {
    const format = formatFromBrands(brands);
    const mimeType = mimeTypeFromBrands(format, brands) ?? formatDescriptions[format].mimeType;
    return result(format, { mimeType, isobmff: brands });
  }
  if (looksLikeFtyplessQuickTime(head, size)) return result('mov');

  const magic = ascii(head, 0, 4);
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) {
    const docType = readEbmlDocType(head);
    if (docType === 'webm') return result('webm');
    if (docType === 'matroska') return result('matroska');
    // Other EBML documents are not media we know.
  }
  if (magic === 'RIFF' || magic === 'RF64') {
    const form = fourcc(head, 8);
    if (form === 'AVI ' || form === 'AVIX') return result('avi');
    if (form === 'WAVE') return result('wav');
    if (form === 'WEBP') return result('webp');
  }
  if (magic === 'OggS' && head[4] === 0) {
    return oggHasVideoStream(head) ? result('ogg', { kind: 'video', mimeType: 'video/ogg' }) : result('ogg');
  }
  if (ascii(head, 0, 3) === 'FLV' && head[3] === 1) return result('flv');
  if (startsWith(head, ASF_HEADER_GUID)) return result('asf');
  if (magic === 'fLaC') return result('flac');

  if (ascii(head, 0, 5) === '%PDF-') return result('pdf');
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return result('zip');

  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return result('gif');
  if (startsWith(head, [0xff, 0xd8, 0xff])) return result('jpeg');
  if (startsWith(head, PNG_SIGNATURE)) return result('png');
  if (looksLikeBmp(head)) return result('bmp');
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return result('tiff');

  if (startsWith(head, [0x00, 0x00, 0x01, 0xba])) return result('mpegps');
  // Real TS packets carry binary payloads; a head that is all printable text is text with unlucky "G"s.
  if (sniffTsPacketLayout(head, size) && sniffTextual(head, size) === null) return result('mpegts');

  const audio = sniffMpegAudio(head);
  if (audio === 'mp3') return result('mp3');
  if (audio === 'aac-adts') return result('aac-adts');
  if (audio === 'flac') return result('flac');

  const textual = sniffTextual(head, size);
  if (textual) return result(textual);
  return result('unknown');
}

/** "BM" alone matches plenty of text; the DIB header size and pixel-data offset must make sense too. */
function looksLikeBmp(head: Uint8Array): boolean {
  if (ascii(head, 0, 2) !== 'BM') return false;
  const dibSize = u32le(head, 14);
  const pixelOffset = u32le(head, 10);
  const reserved = u16le(head, 6);
  if (dibSize === undefined || pixelOffset === undefined || reserved === undefined) return false;
  return BMP_DIB_HEADER_SIZES.has(dibSize) && pixelOffset >= 14 + dibSize && reserved === 0;
}
