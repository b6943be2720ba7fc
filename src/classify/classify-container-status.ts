import { notAnErrorVerdict, unknownVerdict, verdictFromRule } from './build-verdict.js';
import type { ClassifyContext } from './classify-context.js';
import { platformLabel } from './classify-http-status.js';
import { findPhraseRule } from './find-phrase-rule.js';
import { findContainerErrorRule, findInstagramSubcodeRule, normaliseEnum } from './find-known-rule.js';
import { containerStatusRules } from './known-error-codes.js';
import { clip, field, stringField, toInteger, type Fields } from './read-field.js';
import type { PlatformErrorVerdict } from './verdict.js';

/**
 * Media container status objects. Threads: `{ status, error_message }`. Instagram:
 * `{ status_code, status }`, where `status` holds the error subcode when status_code is ERROR
 * (in practice "Error: Media upload has failed with error code 2207026").
 */

const CONTAINER_STATES = new Set(['IN_PROGRESS', 'FINISHED', 'ERROR', 'EXPIRED', 'PUBLISHED']);

export function looksLikeContainerStatus(o: Fields): boolean {
  const statusCode = stringField(o, 'status_code');
  if (statusCode !== undefined && CONTAINER_STATES.has(normaliseEnum(statusCode))) return true;
  const status = stringField(o, 'status');
  if (status !== undefined && CONTAINER_STATES.has(normaliseEnum(status))) return true;
  return typeof field(o, 'error_message') === 'string';
}

export function classifyContainerStatus(o: Fields, ctx: ClassifyContext): PlatformErrorVerdict {
  const statusCode = stringField(o, 'status_code');
  const isInstagram = statusCode !== undefined;
  const rawState = isInstagram ? statusCode : stringField(o, 'status');
  const state = rawState === undefined ? undefined : normaliseEnum(rawState);
  const platform = ctx.platform ?? (isInstagram ? 'instagram' : 'threads');
  const label = `${platformLabel(platform)} container`;
  const errorMessage = stringField(o, 'error_message');

  const stateRule = containerStatusRules.find((r) => r.status === state);
  if (stateRule) return verdictFromRule(stateRule, { what: `${label} status ${state}`, platform, code: state });
  if (state === 'FINISHED') return notAnErrorVerdict(`${label} is FINISHED and ready to publish`, { platform, code: state });
  if (state === 'PUBLISHED') return notAnErrorVerdict(`${label} is already PUBLISHED`, { platform, code: state });

  if (errorMessage !== undefined) {
    const rule = findContainerErrorRule(errorMessage);
    const shown = clip(errorMessage, 200);
    if (rule) return verdictFromRule(rule, { what: `${label} ${state ?? 'error'}: ${shown}`, platform, code: rule.value });
    const phrase = findPhraseRule(clip(errorMessage, 4096).toLowerCase());
    if (phrase) return verdictFromRule(phrase, { what: `${label} ${state ?? 'error'}: ${shown}`, platform, code: shown });
    return unknownVerdict(`${label} ${state ?? 'error'} with an undocumented error_message "${shown}"`, { platform, code: shown });
  }

  if (isInstagram && state === 'ERROR') {
    const statusText = field(o, 'status');
    const subcode = toInteger(statusText) ?? subcodeIn(typeof statusText === 'string' ? statusText : '');
    const rule = findInstagramSubcodeRule(subcode);
    const said = typeof statusText === 'string' ? `: "${clip(statusText, 200)}"` : '';
    if (rule) {
      return verdictFromRule(rule, { what: `${label} ERROR, subcode ${subcode} (${rule.name})${said}`, platform, code: rule.code, subcode });
    }
    return unknownVerdict(
      `${label} ERROR${subcode === undefined ? '' : `, subcode ${subcode} is not in Meta's public table`}${said}`,
      { platform, subcode },
    );
  }
  return unknownVerdict(`${label} ${state ?? 'status'} without a reason`, { platform, code: state });
}

/** Instagram's error subcodes are seven digits starting 2207. */
export function subcodeIn(text: string): number | undefined {
  const match = /\b(2207\d{3})\b/.exec(text.slice(0, 4096));
  return match ? Number(match[1]) : undefined;
}
