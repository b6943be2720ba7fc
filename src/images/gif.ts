import type { ImageInfo } from '../probe/media-info.js';
import { ascii, u16le, u8 } from '../util/bytes.js';
import type { ImageByteReader } from './image-byte-reader.js';
import { GIF_READ_CHUNK_BYTES, MAX_GIF_BLOCKS } from './image-limits.js';
import { imageFailure, isImageProbeFailure, type ImageProbeFailure } from './image-probe-failure.js';

const IMAGE_DESCRIPTOR = 0x2c;
const EXTENSION = 0x21;
const TRAILER = 0x3b;
const GRAPHIC_CONTROL = 0xf9;

/** Reads the GIF stream front to back in large chunks: sub-blocks can only be skipped one by one. */
class GifCursor {
  private base = 0;
  private bytes: Uint8Array = new Uint8Array(0);

  constructor(private readonly reader: ImageByteReader) {}

  /** The byte at `pos`, undefined past the end, or a failure when the read cap is reached. */
  async byteAt(pos: number): Promise<number | undefined | ImageProbeFailure> {
    if (pos < this.base || pos >= this.base + this.bytes.length) {
      const chunk = await this.reader.read(pos, GIF_READ_CHUNK_BYTES);
      if (isImageProbeFailure(chunk)) return chunk;
      this.base = pos;
      this.bytes = chunk;
    }
    return u8(this.bytes, pos - this.base);
  }
}

/** What the block walk learnt. `complete` is false when a cap stopped it early. */
interface GifWalk {
  images: number;
  transparency: boolean;
  complete: boolean;
}

/**
 * Logical screen size from the header; frames by walking the blocks (extensions and image
 * descriptors, skipping their sub-blocks) to the trailer.
 */
export async function parseGif(reader: ImageByteReader): Promise<ImageInfo | ImageProbeFailure> {
  const head = await reader.read(0, 13);
  if (isImageProbeFailure(head)) return head;
  const sig = ascii(head, 0, 6);
  if (!'GIF87a'.startsWith(sig) && !'GIF89a'.startsWith(sig)) return imageFailure('corrupt', 'no GIF signature', 0);
  if (head.length < 13) return imageFailure('truncated', 'GIF ends inside its logical screen descriptor', head.length);
  const width = u16le(head, 6)!;
  const height = u16le(head, 8)!;
  const packed = head[10]!;
  if (width === 0 || height === 0) return imageFailure('corrupt', `GIF logical screen is ${width}x${height}`, 6);
  const hasGlobalTable = (packed & 0x80) !== 0;
  const globalTableBytes = hasGlobalTable ? 3 * (1 << ((packed & 7) + 1)) : 0;

  const walk = await walkBlocks(new GifCursor(reader), 13 + globalTableBytes);
  if (isImageProbeFailure(walk)) return walk;
  if (walk.images === 0) {
    return walk.complete
      ? imageFailure('corrupt', 'GIF has no image', null)
      : imageFailure('limit-exceeded', `no GIF image within the walk's caps`, null);
  }
  return {
    format: 'gif',
    width,
    height,
    orientation: null,
    animated: walk.images > 1,
    frameCount: walk.complete ? walk.images : null,
    progressive: null,
    colorSpace: 'palette',
    // GIF has 1-bit transparency only: a transparent colour index in a graphic control extension.
    hasAlpha: walk.transparency,
    bitDepth: hasGlobalTable ? (packed & 7) + 1 : null,
    lossless: null,
  };
}

async function walkBlocks(cursor: GifCursor, start: number): Promise<GifWalk | ImageProbeFailure> {
  const walk: GifWalk = { images: 0, transparency: false, complete: true };
  // Running out of the read cap after an image still tells "animated or not" so far.
  const capped = (failure: ImageProbeFailure): GifWalk | ImageProbeFailure =>
    failure.reason === 'limit-exceeded' && walk.images > 0 ? { ...walk, complete: false } : failure;
  let pos = start;
  for (let blocks = 0; ; blocks++) {
    if (blocks >= MAX_GIF_BLOCKS) return { ...walk, complete: false };
    const introducer = await cursor.byteAt(pos);
    if (isImageProbeFailure(introducer)) return capped(introducer);
    if (introducer === undefined && walk.images === 0) return imageFailure('truncated', 'GIF ends before its first image', pos);
    // Many encoders drop the trailer; a clean end between blocks is accepted as the end.
    if (introducer === undefined || introducer === TRAILER) return walk;
    if (introducer === IMAGE_DESCRIPTOR) {
      const packed = await cursor.byteAt(pos + 9);
      if (isImageProbeFailure(packed)) return capped(packed);
      if (packed === undefined) return imageFailure('truncated', 'GIF image descriptor cut short', pos);
      const localTableBytes = (packed & 0x80) !== 0 ? 3 * (1 << ((packed & 7) + 1)) : 0;
      // Descriptor (10 bytes), local colour table, LZW minimum code size (1 byte), then data sub-blocks.
      const dataStart = pos + 10 + localTableBytes + 1;
      const end = await skipSubBlocks(cursor, dataStart);
      if (isImageProbeFailure(end)) return capped(end);
      walk.images++;
      pos = end;
    } else if (introducer === EXTENSION) {
      const label = await cursor.byteAt(pos + 1);
      if (isImageProbeFailure(label)) return capped(label);
      if (label === GRAPHIC_CONTROL) {
        const flags = await cursor.byteAt(pos + 3);
        if (isImageProbeFailure(flags)) return capped(flags);
        if (flags !== undefined && (flags & 1) === 1) walk.transparency = true;
      }
      const end = await skipSubBlocks(cursor, pos + 2);
      if (isImageProbeFailure(end)) return capped(end);
      pos = end;
    } else {
      return imageFailure('corrupt', `unknown GIF block 0x${introducer.toString(16)} at ${pos}`, pos);
    }
  }
}

/** Skips a chain of sub-blocks (length byte + data) ending with a zero length; returns the offset after it. */
async function skipSubBlocks(cursor: GifCursor, start: number): Promise<number | ImageProbeFailure> {
  let pos = start;
  // Each step moves at least one byte forward, and every byte passed is read, so the read cap bounds this loop.
  for (;;) {
    const length = await cursor.byteAt(pos);
    if (isImageProbeFailure(length)) return length;
    if (length === undefined) return imageFailure('truncated', 'GIF ends inside a data sub-block chain', pos);
    pos += 1;
    if (length === 0) return pos;
    pos += length;
  }
}
