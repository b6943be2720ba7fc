import { MediaPreflightError } from './media-preflight-error.js';

/** Why a fix is refused before any engine loads. */
export type FixRefusal = 'unreadable' | 'no-video' | 'undecodable' | 'too-large' | 'not-fixable';

/** The fix cannot be attempted (AV1 input on the wasm engine, an unreadable file, ...); says why. */
export class FixRefusedError extends MediaPreflightError {
  override name = 'FixRefusedError';
  readonly reason: FixRefusal;

  constructor(reason: FixRefusal, message: string) {
    super(message, 'E_FIX_REFUSED');
    this.reason = reason;
  }
}
