import type { MediaSource } from '../../src/sources/source.js';

/** An in-memory MediaSource for the image tests, counting reads so tests can bound the I/O. */
export interface CountingBytesSource extends MediaSource {
  reads: number;
  bytesRead: number;
}

export function bytesSourceForTests(bytes: Uint8Array, name = 'bytes'): CountingBytesSource {
  const source: CountingBytesSource = {
    size: bytes.length,
    name,
    reads: 0,
    bytesRead: 0,
    async read(offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array> {
      signal?.throwIfAborted();
      const start = Math.max(0, Math.min(offset, bytes.length));
      const end = Math.max(start, Math.min(start + length, bytes.length));
      source.reads++;
      source.bytesRead += end - start;
      // A copy, as a file or network source would hand back.
      return bytes.slice(start, end);
    },
  };
  return source;
}
