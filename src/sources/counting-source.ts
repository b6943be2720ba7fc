import type { MediaSource } from './source.js';
import type { IoStats } from '../probe/media-info.js';

/** Wraps a source so every read is counted; reads past the end are clamped, not forwarded. */
export class CountingSource implements MediaSource {
  bytesRead = 0;
  reads = 0;

  constructor(private readonly inner: MediaSource) {}

  get size(): number {
    return this.inner.size;
  }

  get name(): string {
    return this.inner.name;
  }

  async read(offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array> {
    signal?.throwIfAborted();
    const start = Math.max(0, Math.min(offset, this.size));
    const len = Math.max(0, Math.min(length, this.size - start));
    if (len === 0) return new Uint8Array(0);
    const bytes = await this.inner.read(start, len, signal);
    this.reads++;
    this.bytesRead += bytes.length;
    return bytes;
  }

  stats(): IoStats {
    return { bytesRead: this.bytesRead, reads: this.reads };
  }

  close(): Promise<void> {
    return this.inner.close?.() ?? Promise.resolve();
  }
}
