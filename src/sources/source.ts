/**
 * A random-access reader: the one way the probe touches input bytes.
 * Every adapter (bytes, Blob, file path, URL) implements this, and the probe wraps it in a
 * counting reader so the result can say how many bytes and reads it cost.
 */
export interface MediaSource {
  /** Total size in bytes. */
  readonly size: number;
  /** A short label for reports and errors (file name, URL, "bytes"). */
  readonly name: string;
  /**
   * Reads up to `length` bytes at `offset`. Returns fewer bytes only at the end of the input.
   * Rejects with an AbortError when `signal` aborts, and with a MediaSourceError on I/O failure.
   */
  read(offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array>;
  /** Releases handles (file descriptors, connections). Safe to call twice. */
  close?(): Promise<void>;
}
