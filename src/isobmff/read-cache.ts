import type { MediaSource } from '../sources/source.js';

/**
 * Keeps the byte ranges already read so that a box walker can ask for any range and only
 * pay for bytes it does not have yet. Ranges are kept as a few large buffers, not merged.
 */
export class ReadCache {
  private readonly chunks: Array<{ start: number; bytes: Uint8Array }> = [];

  constructor(
    private readonly source: MediaSource,
    private readonly signal?: AbortSignal,
  ) {}

  get size(): number {
    return this.source.size;
  }

  /** Adds bytes already read elsewhere (the probe's head read). */
  remember(start: number, bytes: Uint8Array): void {
    if (bytes.length > 0) this.chunks.push({ start, bytes });
  }

  /** Returns the cached bytes for [start, start+length) when one chunk holds them all. */
  peek(start: number, length: number): Uint8Array | undefined {
    for (const c of this.chunks) {
      if (start >= c.start && start + length <= c.start + c.bytes.length) {
        return c.bytes.subarray(start - c.start, start - c.start + length);
      }
    }
    return undefined;
  }

  /**
   * Returns [start, start+length) clamped to the source size. Bytes already cached at the front of
   * the range are reused, so a range that overlaps the head costs one read for the rest only.
   * `readAhead` widens a miss to at least that many bytes (speculative read of what follows).
   */
  async get(start: number, length: number, readAhead = 0): Promise<Uint8Array> {
    const end = Math.min(this.size, start + length);
    const wanted = Math.max(0, end - start);
    const hit = this.peek(start, wanted);
    if (hit) return hit;
    // Reuse a cached prefix: find the chunk covering `start` that reaches furthest.
    let prefix: Uint8Array | undefined;
    for (const c of this.chunks) {
      if (start >= c.start && start < c.start + c.bytes.length) {
        const part = c.bytes.subarray(start - c.start);
        if (!prefix || part.length > prefix.length) prefix = part;
      }
    }
    const from = start + (prefix?.length ?? 0);
    const readLength = Math.max(end - from, Math.min(readAhead, this.size - from));
    const fresh = await this.source.read(from, readLength, this.signal);
    this.remember(from, fresh);
    if (!prefix) return fresh.subarray(0, wanted);
    const joined = new Uint8Array(Math.min(wanted, prefix.length + fresh.length));
    joined.set(prefix.subarray(0, joined.length), 0);
    if (joined.length > prefix.length) joined.set(fresh.subarray(0, joined.length - prefix.length), prefix.length);
    this.remember(start, joined);
    return joined;
  }
}
