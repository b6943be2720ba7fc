import { NotRetryableError } from './not-retryable-error.js';
import type { PlatformErrorVerdict } from './verdict.js';

export interface RetryDelayOptions {
  /** The first retry's ceiling, in seconds. Default 2. */
  baseSeconds?: number;
  /** No backoff ceiling grows past this, in seconds. Default 900 (15 minutes). */
  capSeconds?: number;
  /** Uniform in [0, 1); injectable for tests. Default Math.random. */
  random?: () => number;
}

const DEFAULT_BASE_SECONDS = 2;
const DEFAULT_CAP_SECONDS = 900;
/** 2^64 is far past any cap; a bigger exponent only risks Infinity arithmetic. */
const MAX_EXPONENT = 64;

/**
 * Seconds to wait before retry number `attempt` (0 for the first retry): capped exponential
 * backoff with full jitter (a uniform draw in [0, min(cap, base·2^attempt)]), so clients that
 * failed together do not retry together. Never less than the verdict's `retryAfterSeconds`: the
 * server's own wait wins over the cap. Throws NotRetryableError for a non-retryable verdict.
 */
export function retryDelay(verdict: PlatformErrorVerdict, attempt: number, options: RetryDelayOptions = {}): number {
  if (!verdict.retryable) throw new NotRetryableError(verdict);
  const base = positive(options.baseSeconds, DEFAULT_BASE_SECONDS);
  const cap = positive(options.capSeconds, DEFAULT_CAP_SECONDS);
  const exponent = Math.min(MAX_EXPONENT, Number.isFinite(attempt) && attempt > 0 ? Math.floor(attempt) : 0);
  const ceiling = Math.min(cap, base * 2 ** exponent);
  const draw = (options.random ?? Math.random)();
  const jittered = ceiling * (Number.isFinite(draw) ? Math.min(1, Math.max(0, draw)) : 1);
  const floor = verdict.retryAfterSeconds ?? 0;
  return Math.max(jittered, Number.isFinite(floor) && floor > 0 ? floor : 0);
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}
