import { describe, expect, it } from 'vitest';
import { classifyPlatformError } from '../../src/classify/classify-platform-error.js';
import { MAX_EXAMINED_CHARS } from '../../src/classify/classify-text.js';
import { PlatformErrorVerdictSchema } from '../../src/classify/verdict.js';
import { MediaSourceError } from '../../src/errors/media-source-error.js';

function classify(x: unknown, options?: Parameters<typeof classifyPlatformError>[1]) {
  const verdict = classifyPlatformError(x, options);
  PlatformErrorVerdictSchema.parse(verdict);
  return verdict;
}

describe('TikTok errors and publish statuses (platform-specs §3.2)', () => {
  it.each([
    ['access_token_invalid', 'reconnect', false, 'auth'],
    ['scope_not_authorized', 'fix-app', false, 'permission'],
    ['rate_limit_exceeded', 'retry', true, 'rate-limit'],
    ['url_ownership_unverified', 'fix-url', false, 'url'],
    ['internal_error', 'retry', true, 'transient'],
  ] as const)('error.code %s → %s', (code, action, retryable, category) => {
    const v = classify({ error: { code, message: 'msg', log_id: '20240101abcdef' } });
    expect(v).toMatchObject({ action, retryable, category, platform: 'tiktok', code });
  });

  it.each([
    ['file_format_check_failed', 'fix-input', false],
    ['duration_check_failed', 'fix-input', false],
    ['frame_rate_check_failed', 'fix-input', false],
    ['picture_size_check_failed', 'fix-input', false],
    ['video_pull_failed', 'fix-url', false],
    ['photo_pull_failed', 'fix-url', false],
    ['auth_removed', 'reconnect', false],
    ['spam_risk_too_many_posts', 'retry', true],
    ['spam_risk_user_banned_from_posting', 'resolve-in-app', false],
    ['spam_risk', 'resolve-in-app', false],
    ['spam_risk_something_new', 'resolve-in-app', false],
    ['bitrate_check_failed', 'fix-input', false],
    ['internal', 'retry', true],
    ['publish_cancelled', 'unknown', false],
    ['never_heard_of_it', 'unknown', false],
  ] as const)('fail_reason %s → %s', (reason, action, retryable) => {
    const body = { data: { status: 'FAILED', fail_reason: reason, publicaly_available_post_id: [] }, error: { code: 'ok', message: '', log_id: 'x' } };
    expect(classify(body)).toMatchObject({ action, retryable, platform: 'tiktok' });
    // The inner data object alone says the same.
    expect(classify(body.data)).toMatchObject({ action, retryable });
  });

  it('waits on processing and treats completion as no error', () => {
    expect(classify({ data: { status: 'PROCESSING_DOWNLOAD' }, error: { code: 'ok', message: '' } })).toMatchObject({ action: 'retry', retryable: true, category: 'processing' });
    expect(classify({ data: { status: 'PUBLISH_COMPLETE' }, error: { code: 'ok', message: '' } })).toMatchObject({ action: 'unknown', retryable: false });
  });

  it('recognises the codes in text', () => {
    expect(classify('TikTok said: url_ownership_unverified')).toMatchObject({ action: 'fix-url', platform: 'tiktok' });
    expect(classify('publish failed (spam_risk_text)')).toMatchObject({ action: 'fix-input', category: 'content' });
  });
});

describe('HTTP Response objects (body never read)', () => {
  it('401 → reconnect', () => {
    const response = new Response('{"error":{}}', { status: 401 });
    expect(classify(response)).toMatchObject({ action: 'reconnect', retryable: false, category: 'auth', httpStatus: 401 });
    expect(response.bodyUsed).toBe(false);
  });

  it('403 → fix-app from an unknown API, fix-url from TikTok (url_ownership_unverified)', () => {
    expect(classify(new Response(null, { status: 403 }))).toMatchObject({ action: 'fix-app', retryable: false, category: 'permission' });
    const tiktok = new Response(null, { status: 403 });
    Object.defineProperty(tiktok, 'url', { value: 'https://open.tiktokapis.com/v2/post/publish/video/init/' });
    expect(classify(tiktok)).toMatchObject({ action: 'fix-url', platform: 'tiktok' });
    const threads = new Response(null, { status: 403 });
    Object.defineProperty(threads, 'url', { value: 'https://graph.threads.net/v1.0/me/threads' });
    expect(classify(threads)).toMatchObject({ action: 'fix-app', platform: 'threads' });
  });

  it('429 with Retry-After in seconds', () => {
    const v = classify(new Response(null, { status: 429, headers: { 'Retry-After': '120' } }));
    expect(v).toMatchObject({ action: 'retry', retryable: true, category: 'rate-limit', retryAfterSeconds: 120 });
  });

  it('429 with Retry-After as an HTTP date, measured from options.now', () => {
    const now = new Date('2026-05-01T12:00:00Z');
    const v = classify(new Response(null, { status: 429, headers: { 'Retry-After': 'Fri, 01 May 2026 12:01:30 GMT' } }), { now });
    expect(v.retryAfterSeconds).toBe(90);
    const past = classify(new Response(null, { status: 429, headers: { 'Retry-After': 'Fri, 01 May 2026 11:00:00 GMT' } }), { now });
    expect(past.retryAfterSeconds).toBe(0);
  });

  it.each([500, 502, 503, 504])('%i → retry', (status) => {
    expect(classify(new Response(null, { status }))).toMatchObject({ action: 'retry', retryable: true, category: 'transient', httpStatus: status });
  });

  it('503 honours Retry-After; 400 alone is unknown', () => {
    expect(classify(new Response(null, { status: 503, headers: { 'retry-after': '7' } })).retryAfterSeconds).toBe(7);
    expect(classify(new Response(null, { status: 400 }))).toMatchObject({ action: 'unknown', retryable: false, httpStatus: 400 });
  });

  it('uses headers passed with a parsed body, as Headers or as a record', () => {
    const body = { error: { message: '(#4) Application request limit reached', type: 'OAuthException', code: 4 } };
    expect(classify(body, { headers: new Headers({ 'Retry-After': '45' }) }).retryAfterSeconds).toBe(45);
    expect(classify(body, { headers: { 'retry-after': '46' } }).retryAfterSeconds).toBe(46);
    expect(classify(body, { headers: { 'X-App-Usage': '{"call_count":100,"total_time":25,"total_cputime":25}' } }).retryAfterSeconds).toBeUndefined();
  });

  it('does not attach a wait to a non-retryable verdict', () => {
    const v = classify({ error: { code: 190, message: 'expired' } }, { headers: { 'Retry-After': '60' } });
    expect(v.retryable).toBe(false);
    expect(v.retryAfterSeconds).toBeUndefined();
  });

  it('reads a response-like wrapper and an axios-style error', () => {
    const wrapper = { status: 400, headers: {}, body: '{"error":{"message":"bad","type":"OAuthException","code":352,"error_subcode":2207026}}' };
    expect(classify(wrapper)).toMatchObject({ action: 'fix-input', documentedError: 'video-format', httpStatus: 400 });
    const axiosError = Object.assign(new Error('Request failed with status code 400'), {
      response: { status: 400, headers: { 'x-business-use-case-usage': '{"1":[{"type":"instagram","estimated_time_to_regain_access":2}]}' }, data: { error: { code: 80002, message: 'too many' } } },
    });
    expect(classify(axiosError)).toMatchObject({ action: 'retry', retryAfterSeconds: 120 });
  });
});

describe('thrown errors', () => {
  it.each(['ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT'])('fetch failed with cause.code %s → retry', (code) => {
    const error = new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ${code}`), { code }) });
    expect(classify(error)).toMatchObject({ action: 'retry', retryable: true, category: 'transient' });
  });

  it('aborts and timeouts → retry', () => {
    expect(classify(new DOMException('The operation was aborted', 'AbortError'))).toMatchObject({ action: 'retry', retryable: true });
    expect(classify(new DOMException('The operation timed out', 'TimeoutError'))).toMatchObject({ action: 'retry', retryable: true });
    expect(classify(new TypeError('fetch failed'))).toMatchObject({ action: 'retry', retryable: true });
  });

  it('reads the answer inside an error message', () => {
    const error = new Error('Graph API error: {"error":{"message":"Error validating access token","type":"OAuthException","code":190,"error_subcode":463}}');
    expect(classify(error)).toMatchObject({ action: 'reconnect', code: 190, subcode: 463 });
  });

  it("treats this library's media-URL failures as the URL's problem", () => {
    const forbidden = new MediaSourceError('https://cdn.example/a.mp4 answered HTTP 403 Forbidden', 'https://cdn.example/a.mp4', { code: 'E_SOURCE_HTTP', status: 403 });
    expect(classify(forbidden)).toMatchObject({ action: 'fix-url', category: 'url', httpStatus: 403 });
    const slow = new MediaSourceError('did not answer', 'https://cdn.example/a.mp4', { code: 'E_SOURCE_TIMEOUT' });
    expect(classify(slow)).toMatchObject({ action: 'retry', retryable: true });
  });

  it('is unknown for an ordinary bug', () => {
    expect(classify(new RangeError('index out of range'))).toMatchObject({ action: 'unknown', retryable: false, category: 'unknown' });
  });
});

describe('text', () => {
  it('reads Graph "(#code)" messages and SDK status lines', () => {
    expect(classify('(#17) User request limit reached')).toMatchObject({ action: 'retry', category: 'rate-limit', code: 17 });
    expect(classify('Request failed with status code 503')).toMatchObject({ action: 'retry', httpStatus: 503 });
    expect(classify('Error: Media upload has failed with error code 2207052')).toMatchObject({ action: 'fix-url', subcode: 2207052 });
  });

  it('examines only the first 64 KiB of a string', () => {
    const filler = ' '.repeat(MAX_EXAMINED_CHARS);
    expect(classify(`revoked_access_token${filler}`).action).toBe('reconnect');
    expect(classify(`${filler}revoked_access_token`).action).toBe('unknown');
  });
});

describe('unknown and malformed input never throws', () => {
  const cyclic: Record<string, unknown> = { message: 'cyclic' };
  cyclic.self = cyclic;
  cyclic.error = cyclic;
  cyclic.data = cyclic;
  const hostile = new Proxy({}, { get() { throw new Error('boom'); }, has() { throw new Error('boom'); }, ownKeys() { throw new Error('boom'); } });
  const huge = 'x'.repeat(10 * 1024 * 1024);
  const cases: Array<[string, unknown]> = [
    ['null', null], ['undefined', undefined], ['42', 42], ['NaN', Number.NaN], ['true', true], ['bigint', 10n],
    ['symbol', Symbol('s')], ['function', () => 1], ['[]', []], ['[body]', [{ error: { code: 190 } }]], ["''", ''], ['whitespace', ' \n\t'],
    ['{}', {}], ['cyclic object', cyclic], ['throwing proxy', hostile], ['10 MB string', huge], ['broken JSON', '{"error": {"code": 19'],
    ['JSON null', 'null'], ['date', new Date(0)], ['error: null', { error: null }],
  ];
  it.each(cases)('%s', (_name, value) => {
    const started = performance.now();
    const v = classifyPlatformError(value);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(v).toMatchObject({ category: 'unknown', action: 'unknown', retryable: false });
    expect(v.raw).toBe(value);
    expect(typeof v.message).toBe('string');
  });

  it('survives nonsense options', () => {
    const v = classifyPlatformError({ error: { code: 4 } }, { now: new Date(Number.NaN), headers: 42 as unknown as Record<string, string> });
    expect(v).toMatchObject({ action: 'retry' });
  });

  it('ignores malformed and oversized usage headers', () => {
    const body = { error: { code: 80002, message: 'throttled' } };
    expect(classify(body, { headers: { 'X-Business-Use-Case-Usage': '{not json' } }).retryAfterSeconds).toBeUndefined();
    expect(classify(body, { headers: { 'X-Business-Use-Case-Usage': `{"a":"${'x'.repeat(70_000)}"}` } }).retryAfterSeconds).toBeUndefined();
    expect(classify(body, { headers: { 'Retry-After': 'soon' } }).retryAfterSeconds).toBeUndefined();
  });

  it('takes reset_time_duration from X-Ad-Account-Usage only at 100 %', () => {
    const body = { error: { code: 17, error_subcode: 2446079, message: 'throttled' } };
    expect(classify(body, { headers: { 'X-Ad-Account-Usage': '{"acc_id_util_pct":100,"reset_time_duration":100}' } }).retryAfterSeconds).toBe(100);
    expect(classify(body, { headers: { 'X-Ad-Account-Usage': '{"acc_id_util_pct":9.67,"reset_time_duration":100}' } }).retryAfterSeconds).toBeUndefined();
  });
});
