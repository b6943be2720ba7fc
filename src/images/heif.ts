import type { ImageInfo } from '../probe/media-info.js';
import { fourcc, u32be, u8 } from '../util/bytes.js';
import { parseHeifMeta, type HeifPrimaryImage } from './heif-meta.js';
import type { ImageByteReader } from './image-byte-reader.js';
import { MAX_FTYP_BYTES, MAX_HEIF_BOX_READ_BYTES, MAX_ISO_BOXES_PER_LEVEL } from './image-limits.js';
import { imageFailure, isImageProbeFailure, type ImageProbeFailure } from './image-probe-failure.js';
import { childBoxes, findBox, parseBoxHeader, type IsoBox } from './iso-boxes.js';

/** Brands that announce an image sequence: AVIF's avis, HEIF's msf1 and HEVC's hevs. */
const SEQUENCE_BRANDS = new Set(['avis', 'msf1', 'hevs']);

/** A sequence's track: its size from tkhd and its sample (frame) count from stsz. */
interface SequenceTrack {
  width: number | null;
  height: number | null;
  frames: number | null;
}

/**
 * HEIC and AVIF are ISO-BMFF: ftyp brands tell still from sequence; the `meta` box describes the
 * still (primary) image; an image sequence also has a `moov` whose track counts the frames.
 */
export async function parseHeif(reader: ImageByteReader, format: 'heif' | 'avif'): Promise<ImageInfo | ImageProbeFailure> {
  let brands: string[] | null = null;
  let primary: HeifPrimaryImage | null = null;
  let sequence: SequenceTrack | null = null;
  let pos = 0;
  for (let count = 0; pos < reader.size; count++) {
    if (count >= MAX_ISO_BOXES_PER_LEVEL) return imageFailure('limit-exceeded', `more than ${MAX_ISO_BOXES_PER_LEVEL} top-level boxes`, pos);
    const headerBytes = await reader.read(pos, 16);
    if (isImageProbeFailure(headerBytes)) return headerBytes;
    const box = parseBoxHeader(headerBytes, 0, reader.size, pos);
    if (box === null) return imageFailure('truncated', 'file ends inside a box header', pos);
    if (isImageProbeFailure(box)) return box;
    if (count === 0 && box.type !== 'ftyp') return imageFailure('corrupt', 'ISO-BMFF image does not start with ftyp', 0);
    const wanted = box.type === 'ftyp' || (box.type === 'meta' && !primary) || (box.type === 'moov' && !sequence);
    if (wanted && box.end > reader.size) return imageFailure('truncated', `${box.type} box runs past the end`, pos);

    if (box.type === 'ftyp' && brands === null) {
      const body = await readWholeBox(reader, box, MAX_FTYP_BYTES);
      if (isImageProbeFailure(body)) return body;
      brands = parseBrands(body, box);
    } else if (box.type === 'meta' && !primary) {
      const body = await readWholeBox(reader, box, MAX_HEIF_BOX_READ_BYTES);
      if (isImageProbeFailure(body)) return body;
      const parsed = parseHeifMeta(body, rebase(box));
      if (isImageProbeFailure(parsed)) return parsed;
      primary = parsed;
    } else if (box.type === 'moov' && !sequence) {
      const body = await readWholeBox(reader, box, MAX_HEIF_BOX_READ_BYTES);
      // A moov too big to hold only costs the frame count.
      if (isImageProbeFailure(body) && body.reason !== 'limit-exceeded') return body;
      sequence = isImageProbeFailure(body) ? { width: null, height: null, frames: null } : sequenceTrack(body, rebase(box));
    }

    const isSequence = brands !== null && brands.some((brand) => SEQUENCE_BRANDS.has(brand));
    if (primary && (!isSequence || sequence)) break;
    // Boxes we skip (mdat, free, ...) may run past a cut file; that ends the walk, not the probe.
    if (box.end > reader.size) break;
    pos = box.end;
  }

  if (brands === null) return imageFailure('truncated', 'no ftyp box', 0);
  const animated = brands.some((brand) => SEQUENCE_BRANDS.has(brand));
  const width = primary?.width ?? sequence?.width ?? null;
  const height = primary?.height ?? sequence?.height ?? null;
  if (!primary && !sequence) return imageFailure('truncated', 'file ends before a meta (or moov) box describes the image', pos);
  if (!width || !height) return imageFailure('corrupt', 'image size unknown', null);
  return {
    format,
    width,
    height,
    orientation: primary?.orientation ?? null,
    animated,
    frameCount: animated ? sequence?.frames ?? null : 1,
    progressive: null,
    colorSpace: primary?.colorSpace ?? null,
    hasAlpha: primary ? primary.hasAlpha : null,
    bitDepth: primary?.bitDepth ?? null,
    lossless: null,
  };
}

async function readWholeBox(reader: ImageByteReader, box: IsoBox, cap: number): Promise<Uint8Array | ImageProbeFailure> {
  const size = box.end - box.start;
  if (size > cap) return imageFailure('limit-exceeded', `${box.type} box of ${size} bytes (cap ${cap})`, box.start);
  const body = await reader.read(box.start, size);
  if (isImageProbeFailure(body)) return body;
  if (body.length < size) return imageFailure('truncated', `${box.type} box cut short`, box.start);
  return body;
}

/** The same box, in the coordinates of a buffer that starts at its header. */
function rebase(box: IsoBox): IsoBox {
  return { type: box.type, start: 0, contentStart: box.contentStart - box.start, end: box.end - box.start };
}

/** ftyp: major brand, minor version, then compatible brands. */
function parseBrands(b: Uint8Array, box: IsoBox): string[] {
  const local = rebase(box);
  const brands: string[] = [];
  const major = fourcc(b, local.contentStart);
  if (major !== undefined) brands.push(major);
  for (let o = local.contentStart + 8; o + 4 <= local.end; o += 4) brands.push(fourcc(b, o)!);
  return brands;
}

/** The first picture/video track of a moov held in memory (`b` starts at the moov header). */
function sequenceTrack(b: Uint8Array, moov: IsoBox): SequenceTrack {
  const unknown: SequenceTrack = { width: null, height: null, frames: null };
  const traks = childBoxes(b, moov.contentStart, moov.end);
  if (isImageProbeFailure(traks)) return unknown;
  for (const trak of traks.filter((box) => box.type === 'trak')) {
    const trakChildren = children(b, trak);
    const mdia = findBox(trakChildren, 'mdia');
    const mdiaChildren = children(b, mdia);
    const hdlr = findBox(mdiaChildren, 'hdlr');
    // hdlr: FullBox, pre_defined, then the handler type.
    const handler = hdlr ? fourcc(b, hdlr.contentStart + 8) : undefined;
    if (handler !== 'pict' && handler !== 'vide') continue;
    const stbl = findBox(children(b, findBox(mdiaChildren, 'minf')), 'stbl');
    const stbls = children(b, stbl);
    const sizes = findBox(stbls, 'stsz') ?? findBox(stbls, 'stz2');
    // stsz and stz2 both keep sample_count 8 bytes into their content.
    const count = sizes && sizes.contentStart + 12 <= sizes.end ? u32be(b, sizes.contentStart + 8) : undefined;
    // A sequence with no samples cannot be shown; leave the count unknown rather than report 0 frames.
    const frames = count ? count : null;
    const tkhd = findBox(trakChildren, 'tkhd');
    const size = tkhd ? trackSize(b, tkhd) : null;
    return { width: size?.width ?? null, height: size?.height ?? null, frames };
  }
  return unknown;
}

function children(b: Uint8Array, box: IsoBox | undefined): IsoBox[] {
  if (!box) return [];
  const list = childBoxes(b, box.contentStart, box.end);
  return isImageProbeFailure(list) ? [] : list;
}

/** tkhd width and height are 16.16 fixed point at the end of the box; where depends on its version. */
function trackSize(b: Uint8Array, tkhd: IsoBox): { width: number; height: number } | null {
  const at = tkhd.contentStart + (u8(b, tkhd.contentStart) === 1 ? 88 : 76);
  if (at + 8 > tkhd.end) return null;
  const width = Math.round(u32be(b, at)! / 65536);
  const height = Math.round(u32be(b, at + 4)! / 65536);
  return width && height ? { width, height } : null;
}
