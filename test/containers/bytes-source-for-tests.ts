import type { MediaSource } from '../../src/sources/source.js';

/** A tiny in-memory MediaSource that also records its reads, so tests can bound the I/O a probe costs. */
export class BytesSourceForTests implements MediaSource {
  readonly name = 'bytes';
  reads = 0;
  bytesRead = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get size(): number {
    return this.bytes.length;
  }

  async read(offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array> {
    signal?.throwIfAborted();
    if (!Number.isFinite(offset) || !Number.isFinite(length) || offset < 0 || length < 0) {
      throw new RangeError(`bad read(${offset}, ${length})`);
    }
    const start = Math.min(offset, this.bytes.length);
    const end = Math.min(start + length, this.bytes.length);
    this.reads++;
    this.bytesRead += end - start;
    return this.bytes.slice(start, end);
  }
}

/** The first `n` bytes, as the probe hands them to the container parsers. */
export function headOf(bytes: Uint8Array, n = 64 * 1024): Uint8Array {
  return bytes.subarray(0, Math.min(n, bytes.length));
}
