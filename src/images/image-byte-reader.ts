import type { MediaSource } from '../sources/source.js';
import { IMAGE_FREE_HEAD_BYTES, IMAGE_READ_AHEAD_BYTES, IMAGE_READ_CAP_BYTES } from './image-limits.js';
import { imageFailure, type ImageProbeFailure } from './image-probe-failure.js';

/**
 * Random access for the image parsers: serves bytes from the head the caller already read, and
 * past it reads the source with a small read-ahead window, counting every byte against a cap.
 */
export class ImageByteReader {
  readonly size: number;
  private readonly head: Uint8Array;
  private window: { offset: number; bytes: Uint8Array } | null = null;
  private extraBytesRead = 0;

  constructor(
    private readonly source: MediaSource,
    head: Uint8Array,
    private readonly signal?: AbortSignal,
    private readonly readCapBytes = IMAGE_READ_CAP_BYTES,
  ) {
    this.size = source.size;
    this.head = head.subarray(0, Math.min(head.length, source.size, IMAGE_FREE_HEAD_BYTES));
  }

  /** Bytes read through the source so far (the head is free). */
  get bytesReadBeyondHead(): number {
    return this.extraBytesRead;
  }

  /**
   * Up to `length` bytes at `offset`; fewer only at the end of the input (the caller decides whether
   * that is truncation). A failure when serving it would pass the read cap.
   * Source errors and aborts are not about the bytes, so they propagate.
   */
  async read(offset: number, length: number): Promise<Uint8Array | ImageProbeFailure> {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) {
      return imageFailure('corrupt', `bad read request at ${offset}`, null);
    }
    const end = Math.min(offset + length, this.size);
    if (end <= offset) return new Uint8Array(0);
    if (end <= this.head.length) return this.head.subarray(offset, end);
    const w = this.window;
    if (w && offset >= w.offset && end <= w.offset + w.bytes.length) {
      return w.bytes.subarray(offset - w.offset, end - w.offset);
    }
    const needed = end - offset;
    let fetch = Math.min(Math.max(needed, IMAGE_READ_AHEAD_BYTES), this.size - offset);
    if (this.extraBytesRead + fetch > this.readCapBytes) fetch = needed;
    if (this.extraBytesRead + fetch > this.readCapBytes) {
      return imageFailure('limit-exceeded', `reading past ${this.readCapBytes} bytes of image headers`, offset);
    }
    const bytes = await this.source.read(offset, fetch, this.signal);
    this.extraBytesRead += bytes.length;
    this.window = { offset, bytes };
    return bytes.subarray(0, Math.min(needed, bytes.length));
  }
}
