import { isUnknownVerdict, unknownVerdict, verdictFromRule } from './build-verdict.js';
import type { ClassifyContext } from './classify-context.js';
import { subcodeIn } from './classify-container-status.js';
import { classifyHttpStatus, platformLabel } from './classify-http-status.js';
import { findPhraseRule } from './find-phrase-rule.js';
import { findContainerErrorRule, findExactMetaRule, findInstagramSubcodeRule, findMetaCodeRule, findNamedRule } from './find-known-rule.js';
import { tiktokErrorCodeRules, tiktokFailReasonRules } from './known-error-codes.js';
import { clip } from './read-field.js';
import type { PlatformErrorVerdict } from './verdict.js';

/**
 * Error text: a JSON document, a log line with a body inside, an SDK message or the guide's
 * phrases. Only the first 64 KiB is looked at, so a 10 MB string costs what a 64 KiB one does.
 */

export const MAX_EXAMINED_CHARS = 64 * 1024;

/** TikTok codes by length, longest first, so `spam_risk_text` wins over `spam_risk`. */
const TIKTOK_TOKENS = [...tiktokErrorCodeRules, ...tiktokFailReasonRules]
  .filter((r) => r.value.includes('_'))
  .sort((a, b) => b.value.length - a.value.length);

export function classifyText(text: string, ctx: ClassifyContext): PlatformErrorVerdict {
  const head = text.length > MAX_EXAMINED_CHARS ? text.slice(0, MAX_EXAMINED_CHARS) : text;
  const trimmed = head.trim();
  if (trimmed === '') return unknownVerdict('Empty error text');
  const quoted = `"${clip(trimmed.replace(/\s+/g, ' '), 200)}"`;

  // A whole JSON document: classify what it holds (a longer one was cut, so it cannot parse).
  if (head === text && /^[{["]/.test(trimmed)) {
    const parsed = parseJson(trimmed);
    if (parsed.ok) return ctx.nested(parsed.value);
  }
  // A body inside a log line or an SDK message: `Request failed: {"error":{...}}`.
  const bodyAt = head.search(/\{\s*"error"\s*:/);
  if (bodyAt >= 0) {
    const parsed = parseJson(head.slice(bodyAt, head.lastIndexOf('}') + 1));
    if (parsed.ok) {
      const inner = ctx.nested(parsed.value);
      if (!isUnknownVerdict(inner)) return inner;
    }
  }

  const named = findNamedRule([head]);
  if (named) return verdictFromRule(named, { what: `${platformLabel(named.platform)} error ${named.name}`, platform: named.platform, code: named.name });

  const enumToken = /\b(?:FAILED|INVALID)_[A-Z_]{3,40}\b/.exec(head)?.[0];
  const containerRule = enumToken ? findContainerErrorRule(enumToken) : undefined;
  if (containerRule) {
    const platform = ctx.platform ?? 'threads';
    return verdictFromRule(containerRule, { what: `${platformLabel(platform)} container error ${containerRule.value}`, platform, code: containerRule.value });
  }

  const lower = head.toLowerCase();
  const tiktok = TIKTOK_TOKENS.find((r) => new RegExp(`\\b${r.value}\\b`).test(lower));
  if (tiktok) return verdictFromRule(tiktok, { what: `TikTok ${tiktok.value}: ${quoted}`, platform: 'tiktok', code: tiktok.value });

  // Graph messages start "(#code)"; Instagram subcodes are 2207xxx.
  const code = /\(#(-?\d{1,7})\)/.exec(head)?.[1];
  const codeNumber = code === undefined ? undefined : Number(code);
  const subcode = subcodeIn(head);
  const metaRule = findExactMetaRule(codeNumber, subcode) ?? findInstagramSubcodeRule(subcode) ?? findMetaCodeRule(codeNumber);
  if (metaRule) {
    const platform = ctx.platform ?? metaRule.platform ?? 'meta';
    return verdictFromRule(metaRule, { what: `${platformLabel(platform)} error (${metaRule.name}): ${quoted}`, platform, code: codeNumber ?? metaRule.code, subcode });
  }

  const phrase = findPhraseRule(lower);
  if (phrase) return verdictFromRule(phrase, { what: `Matched "${phrase.name}" in ${quoted}`, platform: ctx.platform });

  // SDK messages such as "Request failed with status code 429".
  const status = /\b(?:http|status(?: code)?)[\s:/1.]*([1-5]\d\d)\b/i.exec(head)?.[1];
  if (status !== undefined && Number(status) >= 400) {
    const verdict = classifyHttpStatus(Number(status), ctx);
    if (!isUnknownVerdict(verdict)) return verdict;
  }
  return unknownVerdict(`Unrecognised error text ${quoted}`, { platform: ctx.platform });
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
