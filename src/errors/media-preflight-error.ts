/**
 * Base class of every error this library throws. Findings about media are never thrown:
 * they are issues in a report. Errors are for misuse, I/O failure, aborts and engine failures.
 */
export class MediaPreflightError extends Error {
  override name = 'MediaPreflightError';
  /** Stable machine-readable code, e.g. `E_SOURCE_IO`. */
  readonly code: string;

  constructor(message: string, code = 'E_MEDIA_PREFLIGHT', options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Name-based check so two copies of the package (or two realms) still recognise each other's errors. */
export function isMediaPreflightError(error: unknown): error is MediaPreflightError {
  return (
    error instanceof MediaPreflightError ||
    (typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' &&
      typeof (error as { name?: unknown }).name === 'string' &&
      /Error$/.test((error as { name: string }).name) && 'code' in error && String((error as { code: string }).code).startsWith('E_'))
  );
}
