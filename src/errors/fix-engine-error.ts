import { MediaPreflightError } from './media-preflight-error.js';

/** ffmpeg (native or wasm) failed: carries the exit code, the arguments and the last log lines. */
export class FixEngineError extends MediaPreflightError {
  override name = 'FixEngineError';
  readonly exitCode: number | null;
  readonly args: string[];
  readonly logTail: string[];

  constructor(message: string, details: { exitCode: number | null; args: string[]; logTail: string[]; cause?: unknown }) {
    super(message, 'E_FIX_ENGINE', { cause: details.cause });
    this.exitCode = details.exitCode;
    this.args = details.args;
    this.logTail = details.logTail;
  }
}
