import { unknownVerdict, verdictFromRule } from './build-verdict.js';
import type { ClassifyContext } from './classify-context.js';
import { platformLabel } from './classify-http-status.js';
import { findPhraseRule } from './find-phrase-rule.js';
import { findExactMetaRule, findInstagramSubcodeRule, findMetaCodeRule, findNamedRule } from './find-known-rule.js';
import type { VerdictRule } from './known-error-codes.js';
import { clip, field, integerField, stringField, type Fields } from './read-field.js';
import type { ErrorPlatform, PlatformErrorVerdict } from './verdict.js';

/**
 * Graph API error bodies, as Facebook, Instagram and Threads send them:
 * `{ error: { message, type, code, error_subcode, error_user_title, error_user_msg, is_transient, fbtrace_id } }`.
 * The code and subcode decide; `type` never does, because throttles are OAuthExceptions too.
 */

/** True for the inner `error` object of a Graph body (or something shaped like it). */
export function looksLikeGraphError(error: Fields): boolean {
  if (integerField(error, 'code') !== undefined || integerField(error, 'error_subcode') !== undefined) return true;
  const code = stringField(error, 'code');
  if (code !== undefined && /^[A-Z][A-Z0-9_]*__[A-Z0-9_]+$/.test(code)) return true;
  return typeof field(error, 'message') === 'string' &&
    (typeof field(error, 'fbtrace_id') === 'string' || typeof field(error, 'is_transient') === 'boolean' || typeof field(error, 'type') === 'string');
}

export function classifyGraphError(error: Fields, ctx: ClassifyContext): PlatformErrorVerdict {
  const code = integerField(error, 'code');
  const subcode = integerField(error, 'error_subcode');
  const stringCode = stringField(error, 'code');
  const texts = [stringField(error, 'message'), stringField(error, 'error_user_title'), stringField(error, 'error_user_msg'), stringCode]
    .filter((t): t is string => t !== undefined)
    .map((t) => clip(t, 4096));
  const said = describe(error);

  const exact = findExactMetaRule(code, subcode) ?? findInstagramSubcodeRule(subcode);
  if (exact) return fromRule(exact, exact.platform);
  const named = findNamedRule(texts);
  if (named) return fromRule(named, named.platform, named.name);
  const byCode = findMetaCodeRule(code);
  if (byCode) return fromRule(byCode, byCode.platform);
  const phrase = texts.map((t) => findPhraseRule(t.toLowerCase())).find((r) => r !== undefined);
  if (phrase) return fromRule(phrase, undefined);
  if (field(error, 'is_transient') === true) {
    return fromRule(
      { category: 'transient', action: 'retry', retryable: true, advice: 'Meta marks it transient: retry with backoff.', source: 'is_transient, platform-specs §2.2' },
      undefined,
    );
  }
  const platform = platformOf(undefined, subcode);
  return unknownVerdict(`${platformLabel(platform)} error${codeText(code ?? stringCode, subcode)}${said} is not in the known-code table`, {
    platform, code: code ?? stringCode, subcode,
  });

  function fromRule(rule: VerdictRule & { name?: string }, rulePlatform: ErrorPlatform | undefined, codeName?: string): PlatformErrorVerdict {
    const platform = platformOf(rulePlatform, subcode);
    const name = 'name' in rule && rule.name ? ` (${rule.name})` : '';
    return verdictFromRule(rule, {
      what: `${platformLabel(platform)} error${codeText(code ?? codeName ?? stringCode, subcode)}${name}${said}`,
      platform,
      code: code ?? codeName ?? stringCode,
      subcode,
    });
  }

  function platformOf(rulePlatform: ErrorPlatform | undefined, sub: number | undefined): ErrorPlatform {
    // The host we called knows best; then the table; Instagram's subcodes are all 2207xxx.
    return ctx.platform ?? rulePlatform ?? (sub !== undefined && sub >= 2207000 && sub <= 2207999 ? 'instagram' : 'meta');
  }
}

function codeText(code: number | string | undefined, subcode: number | undefined): string {
  if (code === undefined) return subcode === undefined ? '' : ` subcode ${subcode}`;
  return subcode === undefined ? ` ${code}` : ` ${code}/${subcode}`;
}

/** The platform's own words, clipped: message, then the user-facing text when it adds something. */
function describe(error: Fields): string {
  const message = stringField(error, 'message');
  const userMessage = stringField(error, 'error_user_msg') ?? stringField(error, 'error_user_title');
  const parts = [message, userMessage !== message ? userMessage : undefined].filter((t): t is string => Boolean(t && t.trim()));
  return parts.length === 0 ? '' : `: "${clip(parts.join(' — '), 300)}"`;
}
