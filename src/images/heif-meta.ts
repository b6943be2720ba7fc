import { ascii, u16be, u32be, u8 } from '../util/bytes.js';
import { imageFailure, isImageProbeFailure, type ImageProbeFailure } from './image-probe-failure.js';
import { childBoxes, findBox, type IsoBox } from './iso-boxes.js';

/** What the HEIF `meta` box says about the primary image. */
export interface HeifPrimaryImage {
  width: number;
  height: number;
  /** EXIF-style orientation from `irot` (1 when irot says 0 degrees), null without irot. */
  orientation: number | null;
  bitDepth: number | null;
  colorSpace: string | null;
  hasAlpha: boolean;
}

/** irot turns the image anticlockwise by 90 x angle degrees; as EXIF orientation that is: */
const IROT_TO_EXIF = [1, 8, 3, 6] as const;
const ALPHA_AUX_TYPES = new Set(['urn:mpeg:mpegB:cicp:systems:auxiliary:alpha', 'urn:mpeg:hevc:2015:auxid:1']);

/**
 * Parses a whole `meta` box held in memory (`b` starts at its header): pitm names the primary
 * item, ipma lists the ipco properties (1-based) each item uses; the primary item's ispe gives its
 * size, with the largest ispe as a fallback when the association is missing.
 */
export function parseHeifMeta(b: Uint8Array, meta: IsoBox): HeifPrimaryImage | ImageProbeFailure {
  // meta is a FullBox: 4 bytes of version and flags before its children.
  const children = childBoxes(b, meta.contentStart + 4, meta.end);
  if (isImageProbeFailure(children)) return children;
  const primaryItem = parsePitm(b, findBox(children, 'pitm'));
  const iprp = findBox(children, 'iprp');
  if (!iprp) return imageFailure('corrupt', 'HEIF meta box has no iprp', meta.start);
  const iprpChildren = childBoxes(b, iprp.contentStart, iprp.end);
  if (isImageProbeFailure(iprpChildren)) return iprpChildren;
  const ipco = findBox(iprpChildren, 'ipco');
  if (!ipco) return imageFailure('corrupt', 'HEIF iprp box has no ipco', iprp.start);
  const properties = childBoxes(b, ipco.contentStart, ipco.end);
  if (isImageProbeFailure(properties)) return properties;

  const associated: IsoBox[] = [];
  if (primaryItem !== null) {
    for (const ipma of iprpChildren.filter((box) => box.type === 'ipma')) {
      for (const index of primaryAssociations(b, ipma, primaryItem)) {
        const property = properties[index - 1];
        if (property) associated.push(property);
      }
    }
  }

  const size = sizeOf(b, findBox(associated, 'ispe')) ?? largestIspe(b, properties);
  if (!size) return imageFailure('corrupt', 'HEIF has no ispe (image size) property', ipco.start);
  const config = findBox(associated, 'av1C') ?? findBox(associated, 'hvcC') ?? findBox(properties, 'av1C') ?? findBox(properties, 'hvcC');
  const codec = config ? codecFacts(b, config) : null;
  const irot = findBox(associated, 'irot');
  const irotByte = irot ? u8(b, irot.contentStart) : undefined;
  const pixi = findBox(associated, 'pixi');
  // pixi: FullBox, channel count, then bits per channel.
  const pixiChannels = pixi ? u8(b, pixi.contentStart + 4) : undefined;
  const pixiBits = pixi ? u8(b, pixi.contentStart + 5) : undefined;
  return {
    width: size.width,
    height: size.height,
    orientation: irotByte === undefined ? null : IROT_TO_EXIF[irotByte & 3]!,
    bitDepth: pixiBits ?? codec?.bitDepth ?? null,
    colorSpace: pixiChannels === 1 ? 'gray' : codec?.colorSpace ?? null,
    hasAlpha: properties.some((box) => box.type === 'auxC' && ALPHA_AUX_TYPES.has(auxType(b, box))),
  };
}

function parsePitm(b: Uint8Array, pitm: IsoBox | undefined): number | null {
  if (!pitm) return null;
  const version = u8(b, pitm.contentStart);
  const id = version === 0 ? u16be(b, pitm.contentStart + 4) : u32be(b, pitm.contentStart + 4);
  return id !== undefined && pitm.contentStart + 4 + (version === 0 ? 2 : 4) <= pitm.end ? id : null;
}

/** Property indices (1-based, 0 = none) that ipma associates with `item`. Bounded by the box's bytes. */
function primaryAssociations(b: Uint8Array, ipma: IsoBox, item: number): number[] {
  const version = u8(b, ipma.contentStart);
  const flags = u8(b, ipma.contentStart + 3);
  const entryCount = u32be(b, ipma.contentStart + 4);
  if (version === undefined || flags === undefined || entryCount === undefined) return [];
  const idBytes = version < 1 ? 2 : 4;
  const indexBytes = (flags & 1) === 1 ? 2 : 1;
  const indices: number[] = [];
  let o = ipma.contentStart + 8;
  for (let i = 0; i < entryCount && o + idBytes + 1 <= ipma.end; i++) {
    const id = idBytes === 2 ? u16be(b, o)! : u32be(b, o)!;
    const count = u8(b, o + idBytes)!;
    o += idBytes + 1;
    if (o + count * indexBytes > ipma.end) break;
    if (id === item) {
      // The top bit of each index is the "essential" flag.
      for (let j = 0; j < count; j++) {
        indices.push(indexBytes === 2 ? u16be(b, o + 2 * j)! & 0x7fff : u8(b, o + j)! & 0x7f);
      }
    }
    o += count * indexBytes;
  }
  return indices;
}

/** ispe: FullBox, then 32-bit width and height. */
function sizeOf(b: Uint8Array, ispe: IsoBox | undefined): { width: number; height: number } | null {
  if (!ispe || ispe.contentStart + 12 > ispe.end) return null;
  const width = u32be(b, ispe.contentStart + 4);
  const height = u32be(b, ispe.contentStart + 8);
  return width && height ? { width, height } : null;
}

function largestIspe(b: Uint8Array, properties: readonly IsoBox[]): { width: number; height: number } | null {
  let best: { width: number; height: number } | null = null;
  for (const box of properties) {
    if (box.type !== 'ispe') continue;
    const size = sizeOf(b, box);
    if (size && (!best || size.width * size.height > best.width * best.height)) best = size;
  }
  return best;
}

/** av1C: high_bitdepth/twelve_bit/monochrome bits; hvcC: chroma_format_idc and luma bit depth. */
function codecFacts(b: Uint8Array, config: IsoBox): { bitDepth: number | null; colorSpace: string } | null {
  if (config.type === 'av1C') {
    const flags = u8(b, config.contentStart + 2);
    if (flags === undefined || config.contentStart + 3 > config.end) return null;
    const high = (flags & 0x40) !== 0;
    const twelve = (flags & 0x20) !== 0;
    return { bitDepth: high ? (twelve ? 12 : 10) : 8, colorSpace: (flags & 0x10) !== 0 ? 'gray' : 'ycbcr' };
  }
  const chroma = u8(b, config.contentStart + 16);
  const luma = u8(b, config.contentStart + 17);
  if (chroma === undefined || luma === undefined || config.contentStart + 18 > config.end) return null;
  return { bitDepth: (luma & 7) + 8, colorSpace: (chroma & 3) === 0 ? 'gray' : 'ycbcr' };
}

/** auxC: FullBox, then a NUL-terminated URN. */
function auxType(b: Uint8Array, auxC: IsoBox): string {
  const start = auxC.contentStart + 4;
  let end = start;
  while (end < auxC.end && end < b.length && b[end] !== 0) end++;
  return ascii(b, start, end - start);
}
