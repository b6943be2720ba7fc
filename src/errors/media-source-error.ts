import { MediaPreflightError } from './media-preflight-error.js';

/** Input bytes could not be read: missing file, permission denied, HTTP failure, short read. */
export class MediaSourceError extends MediaPreflightError {
  override name = 'MediaSourceError';
  /** The input's label (path, URL or "bytes"). */
  readonly input: string;
  /** HTTP status when the source is a URL and the server answered. */
  readonly status: number | undefined;

  constructor(message: string, input: string, options?: { cause?: unknown; status?: number; code?: string }) {
    super(message, options?.code ?? 'E_SOURCE_IO', options);
    this.input = input;
    this.status = options?.status;
  }
}
