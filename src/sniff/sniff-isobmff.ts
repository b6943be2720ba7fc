import type { ContainerFormat } from '../probe/media-info.js';
import { fourcc, u32be, u64be } from '../util/bytes.js';

export interface IsobmffBrands {
  majorBrand: string;
  minorVersion: number;
  compatibleBrands: string[];
}

/** Real ftyp boxes list a handful of brands; more than this is damage, not information. */
export const MAX_COMPATIBLE_BRANDS = 64;

/** Top-level QuickTime atoms that old .mov files start with when they have no ftyp. */
const quickTimeLeadingAtoms = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);
/** Atoms allowed between the leading ones and moov/mdat when walking a file without ftyp. */
const quickTimeTopLevelAtoms = new Set([...quickTimeLeadingAtoms, 'PICT', 'uuid', 'junk']);
/** How many top-level atoms the ftyp-less QuickTime check walks before deciding. */
export const MAX_QUICKTIME_PROBE_ATOMS = 16;

/** Reads the ftyp box at offset 0, or null when the file does not start with one. */
export function readFtypBrands(head: Uint8Array): IsobmffBrands | null {
  if (fourcc(head, 4) !== 'ftyp') return null;
  const boxSize = u32be(head, 0)!;
  if (boxSize < 16) return null;
  const majorBrand = fourcc(head, 8);
  const minorVersion = u32be(head, 12);
  if (majorBrand === undefined || minorVersion === undefined) return null;
  const compatibleBrands: string[] = [];
  const end = Math.min(boxSize, head.length);
  for (let o = 16; o + 4 <= end && compatibleBrands.length < MAX_COMPATIBLE_BRANDS; o += 4) {
    compatibleBrands.push(fourcc(head, o)!);
  }
  return { majorBrand, minorVersion, compatibleBrands };
}

/** Maps ftyp brands to the container the file presents itself as. */
export function formatFromBrands(brands: IsobmffBrands): ContainerFormat {
  const major = brands.majorBrand;
  const compatible = new Set(brands.compatibleBrands);
  if (major === 'qt  ') return 'mov';
  if (major === 'M4A ' || major === 'M4B ' || major === 'M4P ') return 'm4a';
  if (major.startsWith('3gp') || major.startsWith('3g2')) return '3gp';
  if (major === 'avif' || major === 'avis') return 'avif';
  // Some AVIF writers use the generic image brands as major and list avif as compatible.
  if ((major === 'mif1' || major === 'msf1') && (compatible.has('avif') || compatible.has('avis'))) return 'avif';
  if (['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'].includes(major)) return 'heif';
  return 'mp4';
}

/** MIME type refinements that depend on the brand rather than the format alone. */
export function mimeTypeFromBrands(format: ContainerFormat, brands: IsobmffBrands): string | null {
  const major = brands.majorBrand;
  if (format === '3gp') return major.startsWith('3g2') ? 'video/3gpp2' : 'video/3gpp';
  if (format === 'heif') {
    if (major === 'heic' || major === 'heix' || major === 'heim' || major === 'heis') return 'image/heic';
    if (major === 'hevc' || major === 'hevx') return 'image/heic-sequence';
    if (major === 'msf1') return 'image/heif-sequence';
    return 'image/heif';
  }
  return null;
}

/**
 * True when the head looks like a QuickTime file without ftyp: a chain of well-formed top-level
 * atoms of known types that starts with one of the leading atoms. A text file that happens to
 * hold "free" at byte 4 fails because its "size" is absurd or the next atom is not a known type.
 */
export function looksLikeFtyplessQuickTime(head: Uint8Array, fileSize: number): boolean {
  const first = fourcc(head, 4);
  if (first === undefined || !quickTimeLeadingAtoms.has(first)) return false;
  let o = 0;
  for (let i = 0; i < MAX_QUICKTIME_PROBE_ATOMS; i++) {
    const type = fourcc(head, o + 4);
    if (type === undefined) return i > 0;
    if (!quickTimeTopLevelAtoms.has(type)) return false;
    let size = u32be(head, o)!;
    if (size === 1) {
      const large = u64be(head, o + 8);
      if (large === undefined) return true; // the head ends inside a valid-looking header
      size = large;
      if (size < 16) return false;
    } else if (size === 0) {
      return true; // "extends to the end of the file" is valid for the last atom
    } else if (size < 8) {
      return false;
    }
    // moov/mdat are specific enough to accept even when a truncated file cuts them short.
    if (type === 'moov' || type === 'mdat') return true;
    if (o + size > fileSize) return false;
    o += size;
  }
  return false;
}
