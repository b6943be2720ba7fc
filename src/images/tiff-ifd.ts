import { u16be, u16le, u32be, u32le, u8 } from '../util/bytes.js';
import { MAX_TIFF_IFD_ENTRIES } from './image-limits.js';
import { imageFailure, isImageProbeFailure, type ImageProbeFailure } from './image-probe-failure.js';

/**
 * TIFF structure shared by TIFF files and JPEG EXIF (which embeds a TIFF header and IFDs).
 * Offsets are relative to the TIFF header, as the format defines them.
 */

export type TiffRead = (offset: number, length: number) => Promise<Uint8Array | ImageProbeFailure>;

export interface TiffHeader {
  littleEndian: boolean;
  firstIfdOffset: number;
}

export const TIFF_TAG = {
  imageWidth: 0x0100,
  imageLength: 0x0101,
  bitsPerSample: 0x0102,
  photometric: 0x0106,
  orientation: 0x0112,
  samplesPerPixel: 0x0115,
  extraSamples: 0x0152,
} as const;

/** Needs the first 8 bytes of the TIFF structure. */
export function parseTiffHeader(b: Uint8Array): TiffHeader | ImageProbeFailure {
  if (b.length < 8) return imageFailure('truncated', 'TIFF header cut short', 0);
  const order = String.fromCharCode(b[0]!, b[1]!);
  if (order !== 'II' && order !== 'MM') return imageFailure('corrupt', 'TIFF byte order mark is neither II nor MM', 0);
  const littleEndian = order === 'II';
  const magic = littleEndian ? u16le(b, 2) : u16be(b, 2);
  if (magic === 43) return imageFailure('corrupt', 'BigTIFF is not supported', 2);
  if (magic !== 42) return imageFailure('corrupt', `TIFF magic is ${magic}, not 42`, 2);
  const firstIfdOffset = (littleEndian ? u32le(b, 4) : u32be(b, 4))!;
  return { littleEndian, firstIfdOffset };
}

export interface TiffIfd {
  /** First value of each wanted numeric tag present (BYTE, SHORT or LONG). */
  values: Map<number, number>;
  /** Offset of the next IFD (0 = none); null when the IFD ends before that field. */
  nextIfdOffset: number | null;
}

const BYTE = 1;
const SHORT = 3;
const LONG = 4;
const TYPE_SIZE: Record<number, number> = { [BYTE]: 1, [SHORT]: 2, [LONG]: 4 };

/** Reads one IFD's entries and keeps the first value of the `wanted` tags. */
export async function readTiffIfd(
  read: TiffRead,
  ifdOffset: number,
  littleEndian: boolean,
  wanted: ReadonlySet<number>,
): Promise<TiffIfd | ImageProbeFailure> {
  const u16 = littleEndian ? u16le : u16be;
  const u32 = littleEndian ? u32le : u32be;
  const countBytes = await read(ifdOffset, 2);
  if (isImageProbeFailure(countBytes)) return countBytes;
  const count = u16(countBytes, 0);
  if (count === undefined) return imageFailure('truncated', `IFD at ${ifdOffset} lies past the end`, ifdOffset);
  if (count > MAX_TIFF_IFD_ENTRIES) {
    return imageFailure('limit-exceeded', `IFD at ${ifdOffset} claims ${count} entries (cap ${MAX_TIFF_IFD_ENTRIES})`, ifdOffset);
  }
  const tableBytes = count * 12;
  const table = await read(ifdOffset + 2, tableBytes + 4);
  if (isImageProbeFailure(table)) return table;
  if (table.length < tableBytes) return imageFailure('truncated', `IFD at ${ifdOffset} cut short`, ifdOffset);

  const values = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const e = i * 12;
    const tag = u16(table, e)!;
    if (!wanted.has(tag) || values.has(tag)) continue;
    const type = u16(table, e + 2)!;
    const valueCount = u32(table, e + 4)!;
    const size = TYPE_SIZE[type];
    if (size === undefined || valueCount === 0) continue;
    // Values that fit in 4 bytes sit in the entry, left-justified; bigger ones live at an offset.
    let holder = table;
    let at = e + 8;
    if (size * valueCount > 4) {
      const farOffset = u32(table, e + 8)!;
      const far = await read(farOffset, size);
      if (isImageProbeFailure(far)) return far;
      if (far.length < size) return imageFailure('truncated', `TIFF tag ${tag} value at ${farOffset} lies past the end`, farOffset);
      holder = far;
      at = 0;
    }
    const value = size === 1 ? u8(holder, at) : size === 2 ? u16(holder, at) : u32(holder, at);
    if (value !== undefined) values.set(tag, value);
  }
  const next = u32(table, tableBytes);
  return { values, nextIfdOffset: next ?? null };
}
