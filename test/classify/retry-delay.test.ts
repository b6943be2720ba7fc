import { describe, expect, it } from 'vitest';
import { classifyPlatformError } from '../../src/classify/classify-platform-error.js';
import { NotRetryableError } from '../../src/classify/not-retryable-error.js';
import { retryDelay } from '../../src/classify/retry-delay.js';
import type { PlatformErrorVerdict } from '../../src/classify/verdict.js';
import { MediaPreflightError, isMediaPreflightError } from '../../src/errors/media-preflight-error.js';

const transient: PlatformErrorVerdict = { category: 'transient', action: 'retry', retryable: true, message: 'HTTP 503', raw: null };
const top = () => 1;

describe('retryDelay', () => {
  it('doubles the ceiling each attempt from the base (random at its top)', () => {
    const delays = [0, 1, 2, 3, 4].map((attempt) => retryDelay(transient, attempt, { random: top }));
    expect(delays).toEqual([2, 4, 8, 16, 32]);
    expect([0, 1, 2].map((a) => retryDelay(transient, a, { baseSeconds: 5, random: top }))).toEqual([5, 10, 20]);
  });

  it('caps the ceiling (default 15 minutes), even for absurd attempts', () => {
    expect(retryDelay(transient, 20, { random: top })).toBe(900);
    expect(retryDelay(transient, 10_000, { random: top })).toBe(900);
    expect(retryDelay(transient, 6, { capSeconds: 60, random: top })).toBe(60);
  });

  it('draws full jitter from the injected random', () => {
    expect(retryDelay(transient, 3, { random: () => 0.25 })).toBe(4); // 0.25 × 16
    expect(retryDelay(transient, 3, { random: () => 0 })).toBe(0);
    const draws: number[] = [];
    retryDelay(transient, 1, { random: () => { draws.push(1); return 0.5; } });
    expect(draws).toHaveLength(1);
  });

  it('spreads delays between 0 and the ceiling with the default random', () => {
    const samples = Array.from({ length: 200 }, () => retryDelay(transient, 4));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...samples)).toBeLessThanOrEqual(32);
    expect(new Set(samples).size).toBeGreaterThan(100);
  });

  it('never waits less than retryAfterSeconds, even past the cap', () => {
    const throttled = classifyPlatformError(new Response(null, { status: 429, headers: { 'Retry-After': '120' } }));
    expect(retryDelay(throttled, 0, { random: () => 0 })).toBe(120);
    expect(retryDelay(throttled, 10, { random: top })).toBe(900);
    expect(retryDelay(throttled, 0, { capSeconds: 30, random: top })).toBe(120);
  });

  it('treats odd attempts and options as the first attempt and the defaults', () => {
    expect(retryDelay(transient, -3, { random: top })).toBe(2);
    expect(retryDelay(transient, Number.NaN, { random: top })).toBe(2);
    expect(retryDelay(transient, 1.9, { random: top })).toBe(4);
    expect(retryDelay(transient, 0, { baseSeconds: -1, capSeconds: 0, random: () => 7 })).toBe(2);
  });

  it('throws NotRetryableError for a non-retryable verdict', () => {
    const expired = classifyPlatformError({ error: { message: 'Error validating access token', type: 'OAuthException', code: 190, error_subcode: 463 } });
    let thrown: unknown;
    try {
      retryDelay(expired, 0);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(NotRetryableError);
    expect(thrown).toBeInstanceOf(MediaPreflightError);
    expect(isMediaPreflightError(thrown)).toBe(true);
    const error = thrown as NotRetryableError;
    expect(error.name).toBe('NotRetryableError');
    expect(error.code).toBe('E_NOT_RETRYABLE');
    expect(error.verdict).toBe(expired);
    expect(error.message).toMatch(/reconnect/);
    expect(() => retryDelay(classifyPlatformError(null), 0)).toThrow(NotRetryableError);
  });
});
