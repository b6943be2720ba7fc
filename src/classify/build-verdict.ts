import type { VerdictRule } from './known-error-codes.js';
import type { ErrorPlatform, PlatformErrorVerdict } from './verdict.js';

export interface VerdictDetail {
  /** What happened, e.g. `Instagram error 352/2207026 (Video format not supported): "…"`. */
  what: string;
  platform?: ErrorPlatform | undefined;
  code?: number | string | undefined;
  subcode?: number | undefined;
  httpStatus?: number | undefined;
}

/** A verdict from a table rule; `raw` is set once, by classifyPlatformError. */
export function verdictFromRule(rule: VerdictRule, detail: VerdictDetail): PlatformErrorVerdict {
  const verdict: PlatformErrorVerdict = {
    category: rule.category,
    action: rule.action,
    retryable: rule.retryable,
    message: sentence(detail.what, rule.advice),
    raw: undefined,
  };
  if (rule.documentedError) verdict.documentedError = rule.documentedError;
  if (rule.retryable && rule.waitSeconds !== undefined) verdict.retryAfterSeconds = rule.waitSeconds;
  return withDetail(verdict, detail);
}

/** Not recognised: never retried automatically, because the safe default is to stop. */
export function unknownVerdict(what: string, detail: Omit<VerdictDetail, 'what'> = {}): PlatformErrorVerdict {
  const verdict: PlatformErrorVerdict = {
    category: 'unknown',
    action: 'unknown',
    retryable: false,
    message: sentence(what, 'Not retrying automatically: keep the raw response and look at it.'),
    raw: undefined,
  };
  return withDetail(verdict, detail);
}

/** A state that is not a failure (FINISHED, PUBLISHED, PUBLISH_COMPLETE, HTTP 2xx). */
export function notAnErrorVerdict(what: string, detail: Omit<VerdictDetail, 'what'> = {}): PlatformErrorVerdict {
  return withDetail({ category: 'unknown', action: 'unknown', retryable: false, message: `Not an error: ${what}.`, raw: undefined }, detail);
}

export function isUnknownVerdict(verdict: PlatformErrorVerdict): boolean {
  return verdict.action === 'unknown';
}

function withDetail(verdict: PlatformErrorVerdict, detail: Omit<VerdictDetail, 'what'>): PlatformErrorVerdict {
  if (detail.platform !== undefined) verdict.platform = detail.platform;
  if (detail.code !== undefined) verdict.code = detail.code;
  if (detail.subcode !== undefined) verdict.subcode = detail.subcode;
  if (detail.httpStatus !== undefined) verdict.httpStatus = detail.httpStatus;
  return verdict;
}

function sentence(what: string, advice: string): string {
  const head = what.trim().replace(/[.\s]+$/, '');
  return `${head}. ${advice}`;
}
