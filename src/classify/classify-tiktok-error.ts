import { notAnErrorVerdict, unknownVerdict, verdictFromRule } from './build-verdict.js';
import type { ClassifyContext } from './classify-context.js';
import { tiktokErrorCodeRules, tiktokFailReasonRules, tiktokPublishStatusRules, type VerdictRule } from './known-error-codes.js';
import { asFields, clip, field, stringField, type Fields } from './read-field.js';
import type { PlatformErrorVerdict } from './verdict.js';

/**
 * TikTok Content Posting API answers: `{ error: { code, message, log_id } }` (code "ok" on
 * success) and publish status `{ data: { status, fail_reason }, error: {...} }`.
 */

const PUBLISH_STATES = new Set(['PROCESSING_UPLOAD', 'PROCESSING_DOWNLOAD', 'SEND_TO_USER_INBOX', 'PUBLISH_COMPLETE', 'FAILED']);

/** TikTok codes are lower snake case; Graph codes are numbers or UPPER__SNAKE. */
export function looksLikeTikTokError(error: Fields): boolean {
  const code = stringField(error, 'code');
  return code !== undefined && (/^[a-z][a-z0-9_]*$/.test(code) || typeof field(error, 'log_id') === 'string');
}

export function looksLikeTikTokPublishStatus(data: Fields): boolean {
  const status = stringField(data, 'status');
  return typeof field(data, 'fail_reason') === 'string' || (status !== undefined && PUBLISH_STATES.has(status));
}

/** `body` is the whole answer; an inner `error` or `data` object alone is accepted too. */
export function classifyTikTok(body: Fields, ctx: ClassifyContext): PlatformErrorVerdict {
  const error = asFields(field(body, 'error')) ?? (looksLikeTikTokError(body) ? body : undefined);
  const data = asFields(field(body, 'data')) ?? (looksLikeTikTokPublishStatus(body) ? body : undefined);
  const code = error ? stringField(error, 'code') : undefined;
  const said = error && stringField(error, 'message') ? `: "${clip(stringField(error, 'message') ?? '', 300)}"` : '';
  const logId = error ? stringField(error, 'log_id') : undefined;
  const trace = logId ? ` (log_id ${clip(logId, 80)})` : '';

  if (code !== undefined && code !== 'ok') {
    const rule = tiktokErrorCodeRules.find((r) => r.value === code) ?? reasonRule(code);
    if (rule) return fromRule(rule, `TikTok error ${clip(code, 100)}${said}${trace}`, code);
    return unknownVerdict(`TikTok error ${clip(code, 100)}${said}${trace} is not in the known-code table`, { platform: 'tiktok', code: clip(code, 100) });
  }
  const status = data ? stringField(data, 'status') : undefined;
  if (status === 'FAILED') {
    const reason = stringField(data, 'fail_reason');
    if (reason === undefined) return unknownVerdict(`TikTok publish FAILED without a fail_reason${trace}`, { platform: 'tiktok', code: status });
    const rule = reasonRule(reason);
    if (rule) return fromRule(rule, `TikTok publish FAILED: ${clip(reason, 100)}${trace}`, reason);
    return unknownVerdict(`TikTok publish FAILED with an undocumented fail_reason "${clip(reason, 100)}"${trace}`, { platform: 'tiktok', code: clip(reason, 100) });
  }
  const stateRule = tiktokPublishStatusRules.find((r) => r.value === status);
  if (stateRule) return fromRule(stateRule, `TikTok publish status ${status}`, status);
  if (status === 'PUBLISH_COMPLETE' || status === 'SEND_TO_USER_INBOX') {
    return notAnErrorVerdict(`TikTok publish status ${status}`, { platform: 'tiktok', code: status });
  }
  if (code === 'ok') return notAnErrorVerdict(`TikTok answered "ok"${trace}`, { platform: 'tiktok', code });
  return unknownVerdict(`TikTok answer without an error code or publish status${trace}`, { platform: 'tiktok' });

  function fromRule(rule: VerdictRule, what: string, value: string | undefined): PlatformErrorVerdict {
    return verdictFromRule(rule, { what, platform: 'tiktok', code: value === undefined ? undefined : clip(value, 100) });
  }
}

/** Exact fail_reason, then the documented families: `spam_risk_*` and `*_check_failed`. */
function reasonRule(reason: string): VerdictRule | undefined {
  const exact = tiktokFailReasonRules.find((r) => r.value === reason);
  if (exact) return exact;
  if (reason.startsWith('spam_risk')) return tiktokFailReasonRules.find((r) => r.value === 'spam_risk');
  if (/^[a-z0-9_]{1,80}_check_failed$/.test(reason)) {
    return { category: 'media', action: 'fix-input', retryable: false, advice: 'TikTok rejected the media in a pre-publish check: fix the file against the TikTok spec.', source: 'platform-specs §3.2 (the *_check_failed family) [inference]' };
  }
  return undefined;
}
