import type { MediaSource } from './source.js';
import { MediaSourceError } from '../errors/media-source-error.js';
import { raceWithAbort } from '../errors/abort.js';
import { assertReadArguments } from './bytes-source.js';

/** A Blob or File (browser, or Node's global Blob/File): reads slice it, so only the asked bytes load. */
export class BlobSource implements MediaSource {
  readonly size: number;
  readonly name: string;

  constructor(private readonly blob: Blob, name?: string) {
    this.size = blob.size;
    // A File carries its name; a bare Blob does not.
    const fileName = (blob as { name?: unknown }).name;
    this.name = name ?? (typeof fileName === 'string' && fileName !== '' ? fileName : 'blob');
  }

  async read(offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array> {
    signal?.throwIfAborted();
    assertReadArguments(offset, length, this.name);
    const start = Math.min(offset, this.size);
    const end = Math.min(this.size, start + length);
    if (end === start) return new Uint8Array(0);
    try {
      // arrayBuffer() cannot be cancelled; racing it lets an abort reject at once.
      return new Uint8Array(await raceWithAbort(this.blob.slice(start, end).arrayBuffer(), signal));
    } catch (error) {
      if (signal?.aborted) throw error;
      // A File changed or deleted on disk after it was picked fails here (NotReadableError).
      throw new MediaSourceError(`Could not read ${this.name}: ${errorMessage(error)}`, this.name, { cause: error });
    }
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
