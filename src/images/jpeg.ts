import type { ImageInfo } from '../probe/media-info.js';
import { ascii, u16be, u8 } from '../util/bytes.js';
import { readExifOrientation } from './exif-orientation.js';
import type { ImageByteReader } from './image-byte-reader.js';
import { MAX_JPEG_FILL_BYTES, MAX_JPEG_SEGMENTS } from './image-limits.js';
import { imageFailure, isImageProbeFailure, type ImageProbeFailure } from './image-probe-failure.js';

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP1 = 0xe1;
const APP14 = 0xee;

/** SOF0..SOF15 minus DHT (C4), JPG (C8, reserved) and DAC (CC), which share the range. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** Progressive DCT: SOF2 and SOF6 (Huffman), SOF10 and SOF14 (arithmetic). */
function isProgressive(marker: number): boolean {
  return marker === 0xc2 || marker === 0xc6 || marker === 0xca || marker === 0xce;
}

/** Markers that stand alone, without a length: TEM and RST0..RST7. */
function isStandalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
}

/**
 * Walks the JPEG segments up to the frame header (SOFn), picking up EXIF orientation (APP1) and
 * the Adobe colour transform (APP14) on the way. Segment bodies are skipped, not read.
 */
export async function parseJpeg(reader: ImageByteReader): Promise<ImageInfo | ImageProbeFailure> {
  const start = await reader.read(0, 2);
  if (isImageProbeFailure(start)) return start;
  if (start.length < 2) return imageFailure('truncated', 'JPEG shorter than its SOI marker', 0);
  if (start[0] !== 0xff || start[1] !== SOI) return imageFailure('corrupt', 'no JPEG SOI marker', 0);

  let orientation: number | null = null;
  let exifSeen = false;
  let adobeTransform: number | null = null;
  let fillBytes = 0;
  let pos = 2;
  for (let segments = 0; segments < MAX_JPEG_SEGMENTS; ) {
    const head = await reader.read(pos, 4);
    if (isImageProbeFailure(head)) return head;
    if (head.length < 2) return imageFailure('truncated', 'JPEG ends before its frame header', pos);
    if (head[0] !== 0xff) return imageFailure('corrupt', `expected a JPEG marker at ${pos}`, pos);
    const marker = head[1]!;
    if (marker === 0xff) {
      // Fill byte: any number of 0xFF may pad the gap before a marker.
      if (++fillBytes > MAX_JPEG_FILL_BYTES) {
        return imageFailure('limit-exceeded', `more than ${MAX_JPEG_FILL_BYTES} JPEG fill bytes`, pos);
      }
      pos += 1;
      continue;
    }
    segments++;
    if (isStandalone(marker)) {
      pos += 2;
      continue;
    }
    if (marker === 0x00 || marker === SOI || marker === EOI || marker === SOS) {
      return imageFailure('corrupt', `JPEG marker 0x${marker.toString(16)} before the frame header`, pos);
    }
    const length = u16be(head, 2);
    if (length === undefined) return imageFailure('truncated', 'JPEG segment length cut short', pos);
    // The length counts its own two bytes: less than 2 would walk backwards or in place.
    if (length < 2) return imageFailure('corrupt', `JPEG segment length ${length} at ${pos}`, pos);
    const bodyOffset = pos + 4;
    const bodyLength = length - 2;

    if (isStartOfFrame(marker)) {
      const body = await reader.read(bodyOffset, bodyLength);
      if (isImageProbeFailure(body)) return body;
      return frameHeader(marker, body, bodyLength, pos, orientation, adobeTransform);
    }
    if (marker === APP1 && !exifSeen && bodyLength >= 14) {
      // APP1 also carries XMP (up to 64 KiB a segment): look at the signature before reading the body.
      const signature = await reader.read(bodyOffset, 6);
      if (isImageProbeFailure(signature)) return signature;
      if (ascii(signature, 0, 6) === 'Exif\0\0') {
        exifSeen = true;
        const body = await reader.read(bodyOffset, bodyLength);
        if (isImageProbeFailure(body)) return body;
        orientation = await readExifOrientation(body.subarray(6));
      }
    } else if (marker === APP14 && adobeTransform === null && bodyLength >= 12) {
      const body = await reader.read(bodyOffset, 12);
      if (isImageProbeFailure(body)) return body;
      if (ascii(body, 0, 5) === 'Adobe') adobeTransform = u8(body, 11) ?? null;
    }
    pos = bodyOffset + bodyLength;
  }
  return imageFailure('limit-exceeded', `no JPEG frame header within ${MAX_JPEG_SEGMENTS} segments`, pos);
}

function frameHeader(
  marker: number,
  body: Uint8Array,
  declaredLength: number,
  markerOffset: number,
  orientation: number | null,
  adobeTransform: number | null,
): ImageInfo | ImageProbeFailure {
  if (body.length < Math.min(declaredLength, 6)) return imageFailure('truncated', 'JPEG frame header cut short', markerOffset);
  const precision = u8(body, 0);
  const height = u16be(body, 1);
  const width = u16be(body, 3);
  const components = u8(body, 5);
  if (precision === undefined || height === undefined || width === undefined || components === undefined) {
    return imageFailure('corrupt', 'JPEG frame header too short', markerOffset);
  }
  if (declaredLength < 6 + 3 * components) return imageFailure('corrupt', 'JPEG frame header shorter than its components', markerOffset);
  if (body.length < 6 + 3 * components) return imageFailure('truncated', 'JPEG frame header cut short', markerOffset);
  if (width === 0) return imageFailure('corrupt', 'JPEG frame width is 0', markerOffset);
  // Height 0 means "given later by a DNL marker", which no upload pipeline accepts.
  if (height === 0) return imageFailure('corrupt', 'JPEG frame height is 0 (DNL marker)', markerOffset);
  if (components === 0) return imageFailure('corrupt', 'JPEG frame has no components', markerOffset);
  return {
    format: 'jpeg',
    width,
    height,
    orientation,
    animated: false,
    frameCount: 1,
    progressive: isProgressive(marker),
    colorSpace: colorSpace(components, body, adobeTransform),
    hasAlpha: false,
    bitDepth: precision,
    lossless: null,
  };
}

/** Component count, refined by the Adobe transform flag (0 = none, 1 = YCbCr, 2 = YCCK) and RGB component ids. */
function colorSpace(components: number, body: Uint8Array, adobeTransform: number | null): string | null {
  if (components === 1) return 'gray';
  if (components === 3) {
    const rgbIds = u8(body, 6) === 0x52 && u8(body, 9) === 0x47 && u8(body, 12) === 0x42;
    return adobeTransform === 0 || rgbIds ? 'rgb' : 'ycbcr';
  }
  if (components === 4) return adobeTransform === 2 ? 'ycck' : 'cmyk';
  return null;
}
