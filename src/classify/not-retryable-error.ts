import { MediaPreflightError } from '../errors/media-preflight-error.js';
import type { PlatformErrorVerdict } from './verdict.js';

/**
 * Thrown by `retryDelay` for a verdict that must not be retried: the same payload would fail the
 * same way (auth, permission, media, content, policy), so a delay would only hide the bug.
 */
export class NotRetryableError extends MediaPreflightError {
  override name = 'NotRetryableError';
  readonly verdict: PlatformErrorVerdict;

  constructor(verdict: PlatformErrorVerdict) {
    super(`Not retryable (${verdict.action}): ${verdict.message}`, 'E_NOT_RETRYABLE');
    this.verdict = verdict;
  }
}
