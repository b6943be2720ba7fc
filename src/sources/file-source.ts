// Node only: openSource() imports this file lazily so browser bundles never reach node:fs.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { MediaSource } from './source.js';
import { MediaSourceError } from '../errors/media-source-error.js';
import { assertReadArguments } from './bytes-source.js';

/** A file on disk, read with positioned reads through one open handle. */
export class FileSource implements MediaSource {
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly handle: FileHandle,
    /** The path as given; also the label in reports and errors. */
    readonly path: string,
    readonly size: number,
  ) {}

  get name(): string {
    return this.path;
  }

  /** Opens a regular file. Missing paths, directories and unreadable files reject with a MediaSourceError. */
  static async open(path: string | URL): Promise<FileSource> {
    const label = typeof path === 'string' ? path : path.href;
    // O_NONBLOCK: opening a FIFO or device must not block; the fstat below refuses them. One open
    // and one fstat (not stat + open + fstat) because every call is a thread-pool round trip.
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch((error: unknown) => {
      throw openError(error, label);
    });
    try {
      const info = await handle.stat();
      if (info.isDirectory()) {
        throw new MediaSourceError(`${label} is a directory, not a file`, label, { code: 'E_SOURCE_IS_DIRECTORY' });
      }
      if (!info.isFile()) {
        throw new MediaSourceError(`${label} is not a regular file`, label, { code: 'E_SOURCE_IO' });
      }
      return new FileSource(handle, label, info.size);
    } catch (error) {
      await handle.close().catch(() => {});
      throw error instanceof MediaSourceError ? error : openError(error, label);
    }
  }

  async read(offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array> {
    signal?.throwIfAborted();
    assertReadArguments(offset, length, this.path);
    if (this.closing) {
      throw new MediaSourceError(`${this.path} was read after it was closed`, this.path, { code: 'E_SOURCE_CLOSED' });
    }
    const start = Math.min(offset, this.size);
    const wanted = Math.min(length, this.size - start);
    const buffer = new Uint8Array(wanted);
    let filled = 0;
    // One read may return fewer bytes than asked; loop until filled or the file ends (it shrank).
    while (filled < wanted) {
      signal?.throwIfAborted();
      let bytesRead: number;
      try {
        ({ bytesRead } = await this.handle.read(buffer, filled, wanted - filled, start + filled));
      } catch (error) {
        throw new MediaSourceError(`Could not read ${this.path}: ${errorMessage(error)}`, this.path, { cause: error });
      }
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === wanted ? buffer : buffer.subarray(0, filled);
  }

  close(): Promise<void> {
    this.closing ??= this.handle.close().catch(() => {});
    return this.closing;
  }
}

function openError(error: unknown, path: string): MediaSourceError {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new MediaSourceError(`${path} does not exist`, path, { code: 'E_SOURCE_NOT_FOUND', cause: error });
  }
  if (code === 'EISDIR') {
    return new MediaSourceError(`${path} is a directory, not a file`, path, { code: 'E_SOURCE_IS_DIRECTORY', cause: error });
  }
  return new MediaSourceError(`Could not open ${path}: ${errorMessage(error)}`, path, { code: 'E_SOURCE_IO', cause: error });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
