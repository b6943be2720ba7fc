import type { MediaSource } from './source.js';
import { MediaSourceError } from '../errors/media-source-error.js';

/** In-memory input. Reads are views into the caller's memory: nothing is copied. */
export class BytesSource implements MediaSource {
  readonly size: number;
  readonly name: string;
  private readonly bytes: Uint8Array;

  constructor(input: Uint8Array | ArrayBuffer | ArrayBufferView, name = 'bytes') {
    this.bytes =
      input instanceof Uint8Array
        ? input
        : ArrayBuffer.isView(input)
          ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
          : new Uint8Array(input);
    this.size = this.bytes.length;
    this.name = name;
  }

  async read(offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array> {
    signal?.throwIfAborted();
    assertReadArguments(offset, length, this.name);
    const start = Math.min(offset, this.size);
    return this.bytes.subarray(start, Math.min(this.size, start + length));
  }
}

/** Offsets and lengths are byte counts: anything else is a caller bug, reported as such. */
export function assertReadArguments(offset: number, length: number, input: string): void {
  if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(length) || length < 0) {
    throw new MediaSourceError(
      `Invalid read of ${input}: offset ${offset} and length ${length} must be non-negative integers`,
      input,
      { code: 'E_SOURCE_BAD_ARGUMENT' },
    );
  }
}
