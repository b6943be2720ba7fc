import type { MediaSource } from '../sources/source.js';

/** Caps on the extra I/O a container probe may spend beyond the head it was handed. */
export interface ReadBudget {
  maxBytes: number;
  maxReads: number;
}

/** Enough to fetch a Tracks or hdrl element that sits past the head, or a few TS packets more. */
export const DEFAULT_READ_BUDGET: Readonly<ReadBudget> = { maxBytes: 4 * 1024 * 1024, maxReads: 32 };

/** Reads past the head fetch at least this much, so walking small headers does not cost a read each. */
export const MIN_SOURCE_READ_BYTES = 4096;

/** What a read returns when it would exceed the budget; the caller reports 'limit-exceeded'. */
export const READ_LIMIT_EXCEEDED = Symbol('read-limit-exceeded');
export type ReadLimitExceeded = typeof READ_LIMIT_EXCEEDED;

/**
 * Serves reads from the head or the last chunk read when they cover them, and from the source
 * otherwise, charging source reads against a budget checked before each read.
 */
export class BoundedReader {
  bytesRead = 0;
  reads = 0;
  private chunk: { offset: number; bytes: Uint8Array } | null = null;

  constructor(
    private readonly source: MediaSource,
    private readonly head: Uint8Array,
    private readonly signal: AbortSignal | undefined,
    private readonly budget: ReadBudget = DEFAULT_READ_BUDGET,
  ) {}

  get size(): number {
    return this.source.size;
  }

  /** Bytes [offset, offset+length) clamped to the file; fewer only at the end of the file. */
  async read(offset: number, length: number): Promise<Uint8Array | ReadLimitExceeded> {
    const start = Math.max(0, Math.min(offset, this.size));
    const end = Math.max(start, Math.min(offset + Math.max(0, length), this.size));
    if (end <= this.head.length) return this.head.subarray(start, end);
    const chunk = this.chunk;
    if (chunk && start >= chunk.offset && end <= chunk.offset + chunk.bytes.length) {
      return chunk.bytes.subarray(start - chunk.offset, end - chunk.offset);
    }
    const fetchEnd = Math.min(this.size, Math.max(end, start + MIN_SOURCE_READ_BYTES));
    const wanted = fetchEnd - start;
    if (this.reads + 1 > this.budget.maxReads || this.bytesRead + wanted > this.budget.maxBytes) {
      return READ_LIMIT_EXCEEDED;
    }
    this.signal?.throwIfAborted();
    const bytes = await this.source.read(start, wanted, this.signal);
    this.reads++;
    this.bytesRead += bytes.length;
    this.chunk = { offset: start, bytes };
    return bytes.subarray(0, Math.min(bytes.length, end - start));
  }
}
