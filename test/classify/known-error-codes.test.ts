import { describe, expect, it } from 'vitest';
import * as tables from '../../src/classify/known-error-codes.js';
import type { VerdictRule } from '../../src/classify/known-error-codes.js';
import { parseRetryAfter, parseUsageHeaderWait } from '../../src/classify/rate-limit-headers.js';
import { headerLookup } from '../../src/classify/header-lookup.js';

const allRules: Array<[string, VerdictRule]> = Object.entries(tables).flatMap(([table, rules]) =>
  Array.isArray(rules) ? (rules as VerdictRule[]).map((r) => [table, r] as [string, VerdictRule]) : [],
);

describe('the known-code table', () => {
  it('has rules in every table', () => {
    expect(new Set(allRules.map(([t]) => t)).size).toBeGreaterThanOrEqual(8);
  });

  it.each(allRules)('%s rule cites a source and keeps the retry-safety rule', (_table, rule) => {
    expect(rule.source.length).toBeGreaterThan(5);
    expect(rule.advice.length).toBeGreaterThan(5);
    // Retry only temporary failures: retryable exactly when the action is to retry.
    expect(rule.retryable).toBe(rule.action === 'retry');
    if (rule.waitSeconds !== undefined) expect(rule.retryable).toBe(true);
  });

  it('lists each Graph code/subcode pair once', () => {
    const keys = tables.metaCodeRules.map((r) => `${r.code}-${r.codeMax ?? ''}/${r.subcode ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("spells Threads' error_message values as Meta does, typo included", () => {
    expect(tables.containerErrorRules.map((r) => r.value)).toContain('INVALID_ASPEC_RATIO');
  });
});

describe('rate-limit headers', () => {
  const now = new Date('2026-05-01T12:00:00Z');
  it('parses Retry-After seconds and the three HTTP-date forms', () => {
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Fri, 01 May 2026 12:02:00 GMT', now)).toBe(120);
    expect(parseRetryAfter('Friday, 01-May-26 12:02:00 GMT', now)).toBe(120);
    expect(parseRetryAfter('Fri May  1 12:02:00 2026', now)).toBeGreaterThanOrEqual(0);
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('1.5', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it("reads Meta's sample X-Business-Use-Case-Usage, taking the longest wait", () => {
    const sample = '{"123":[{"type":"pages","call_count":100,"total_cputime":25,"total_time":25,"estimated_time_to_regain_access":19}],"66782684":[{"type":"ads_management","call_count":95,"estimated_time_to_regain_access":0}]}';
    const lookup = headerLookup({ 'x-business-use-case-usage': sample })!;
    expect(parseUsageHeaderWait(lookup)).toEqual({ seconds: 19 * 60, header: 'X-Business-Use-Case-Usage' });
    expect(parseUsageHeaderWait(headerLookup({ 'X-App-Usage': '{"call_count":28,"total_time":25,"total_cputime":25}' })!)).toBeUndefined();
  });
});
