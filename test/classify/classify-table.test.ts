import { describe, expect, it } from 'vitest';
import { classifyPlatformError } from '../../src/classify/classify-platform-error.js';
import { PlatformErrorVerdictSchema, type DocumentedError, type VerdictAction } from '../../src/classify/verdict.js';

/**
 * Every payload documented in platform-specs.md §1.4 (Threads container status), §2.2/§2.3
 * (Instagram container status and error table), §5 (Graph auth and rate-limit codes), and the
 * Threads error guide's patterns. The expected action and retryability come from those
 * documents' "Retry?" / "What to do" columns and the retry-safety rule, not from our output.
 */

interface Row {
  name: string;
  payload: unknown;
  action: VerdictAction;
  retryable: boolean;
  documentedError?: DocumentedError;
  headers?: Record<string, string>;
  retryAfterSeconds?: number;
}

function check(row: Row): void {
  const verdict = classifyPlatformError(row.payload, row.headers ? { headers: row.headers } : {});
  expect(PlatformErrorVerdictSchema.parse(verdict)).toBeTruthy();
  expect({ action: verdict.action, retryable: verdict.retryable }).toEqual({ action: row.action, retryable: row.retryable });
  expect(verdict.documentedError).toBe(row.documentedError);
  expect(verdict.raw).toBe(row.payload);
  if (row.retryAfterSeconds !== undefined) expect(verdict.retryAfterSeconds).toBe(row.retryAfterSeconds);
  if (!verdict.retryable) expect(verdict.retryAfterSeconds).toBeUndefined();
  expect(verdict.message.length).toBeGreaterThan(10);
}

const graph = (code: number, subcode?: number, message = 'x'): unknown => ({
  error: { message, type: 'OAuthException', code, ...(subcode === undefined ? {} : { error_subcode: subcode }), fbtrace_id: 'AbCdEf' },
});

describe('§1.4 Threads container status', () => {
  const statuses: Row[] = [
    { name: 'EXPIRED (not published within 24 h: new container)', payload: { status: 'EXPIRED' }, action: 'retry', retryable: true },
    { name: 'ERROR without a reason', payload: { status: 'ERROR' }, action: 'unknown', retryable: false },
    { name: 'FINISHED is not an error', payload: { status: 'FINISHED' }, action: 'unknown', retryable: false },
    { name: 'IN_PROGRESS', payload: { status: 'IN_PROGRESS' }, action: 'retry', retryable: true, documentedError: 'media-processing' },
    { name: 'PUBLISHED is not an error', payload: { status: 'PUBLISHED' }, action: 'unknown', retryable: false },
  ];
  const messages: Array<[string, VerdictAction, boolean, DocumentedError?]> = [
    ['FAILED_DOWNLOADING_VIDEO', 'fix-url', false, 'media-fetch-failed'],
    ['FAILED_PROCESSING_AUDIO', 'fix-input', false],
    ['FAILED_PROCESSING_VIDEO', 'fix-input', false, 'video-codec'],
    ['INVALID_ASPEC_RATIO', 'fix-input', false],
    ['INVALID_BIT_RATE', 'fix-input', false],
    ['INVALID_DURATION', 'fix-input', false, 'duration-exceed'],
    ['INVALID_FRAME_RATE', 'fix-input', false],
    ['INVALID_AUDIO_CHANNELS', 'fix-input', false],
    ['INVALID_AUDIO_CHANNEL_LAYOUT', 'fix-input', false],
    ['UNKNOWN', 'unknown', false],
    // Tolerated spellings (platform-specs C6): the corrected typo and the unverified variant.
    ['INVALID_ASPECT_RATIO', 'fix-input', false],
    ['FAILED_FRAME_RATE', 'fix-input', false],
    ['invalid aspec ratio', 'fix-input', false],
  ];
  const rows: Row[] = [
    ...statuses,
    ...messages.map(([m, action, retryable, documentedError]) => ({
      name: `ERROR ${m}`, payload: { status: 'ERROR', id: '1', error_message: m }, action, retryable, ...(documentedError ? { documentedError } : {}),
    })),
    {
      name: 'the documented example error response',
      payload: { status: 'ERROR', id: '17889615691921648', error_message: 'FAILED_DOWNLOADING_VIDEO' },
      action: 'fix-url', retryable: false, documentedError: 'media-fetch-failed',
    },
  ];
  it.each(rows)('$name', check);

  it('names the platform and keeps the value as the code', () => {
    const v = classifyPlatformError({ status: 'ERROR', id: '17889615691921648', error_message: 'FAILED_DOWNLOADING_VIDEO' });
    expect(v).toMatchObject({ platform: 'threads', code: 'FAILED_DOWNLOADING_VIDEO', category: 'url' });
  });

  it('accepts the same payload as a JSON string', () => {
    check({ name: 'json', payload: '{"status":"ERROR","id":"17889615691921648","error_message":"FAILED_DOWNLOADING_VIDEO"}', action: 'fix-url', retryable: false, documentedError: 'media-fetch-failed' });
  });
});

describe('§2.2 Instagram container status', () => {
  const rows: Row[] = [
    { name: 'IN_PROGRESS', payload: { status_code: 'IN_PROGRESS', status: 'In Progress: Media is still being processed.' }, action: 'retry', retryable: true, documentedError: 'media-processing' },
    { name: 'FINISHED', payload: { status_code: 'FINISHED', status: 'Finished: Media has been uploaded and it is ready to be published.' }, action: 'unknown', retryable: false },
    { name: 'EXPIRED', payload: { status_code: 'EXPIRED' }, action: 'retry', retryable: true },
    { name: 'PUBLISHED', payload: { status_code: 'PUBLISHED' }, action: 'unknown', retryable: false },
    { name: 'ERROR with a documented subcode in status', payload: { status_code: 'ERROR', status: 'Error: Media upload has failed with error code 2207026' }, action: 'fix-input', retryable: false, documentedError: 'video-format' },
    { name: 'ERROR with a bare subcode', payload: { status_code: 'ERROR', status: '2207052' }, action: 'fix-url', retryable: false, documentedError: 'media-fetch-failed' },
    { name: 'ERROR with a subcode Meta does not document', payload: { status_code: 'ERROR', status: 'Error: Media upload has failed with error code 2207076' }, action: 'unknown', retryable: false },
  ];
  it.each(rows)('$name', check);

  it('reads the subcode out of the status text', () => {
    expect(classifyPlatformError({ status_code: 'ERROR', status: 'Error: Media upload has failed with error code 2207026' })).toMatchObject({ platform: 'instagram', subcode: 2207026, code: 352 });
  });
});

describe('§2.3 Instagram error codes (every row)', () => {
  const table: Array<[number, number, string, VerdictAction, boolean, DocumentedError?]> = [
    [-2, 2207003, 'It takes too long to download the media.', 'retry', true],
    [-2, 2207020, 'The media you are trying to access has expired. Please try to upload again.', 'retry', true],
    [-1, 2207001, 'Instagram server error', 'retry', true],
    [-1, 2207032, 'Create media fail, please try to re-create media', 'retry', true],
    [-1, 2207053, 'unknown upload error', 'retry', true],
    [1, 2207057, 'Thumbnail offset must be greater than or equal to 0 and less than video duration', 'fix-input', false],
    [4, 2207051, 'We restrict certain activity to protect our community.', 'resolve-in-app', false],
    [9, 2207042, 'You reached maximum number of posts that is allowed to be published by Content Publishing API.', 'retry', true],
    [24, 2207006, 'The media with 1234 cannot be found', 'retry', true],
    [24, 2207008, 'The media builder with creation id = 1234 does not exist or has been expired.', 'retry', true],
    [25, 2207050, 'The Instagram account is restricted.', 'resolve-in-app', false],
    [100, 2207023, 'The media type CAROUSEL_ALBUM is unknown.', 'fix-input', false],
    [100, 2207028, "Your post won't work as a carousel. Carousels need at least 2 photos/videos and no more than 10 photos/videos.", 'fix-input', false],
    [100, 2207035, 'Product tag positions should not be specified for video media.', 'fix-input', false],
    [100, 2207036, 'Product tag positions are required for photo media.', 'fix-input', false],
    [100, 2207037, "We couldn't add all of your product tags.", 'fix-input', false],
    [100, 2207040, 'Cannot use more than 20 tags per created media.', 'fix-input', false],
    [352, 2207026, 'The video format is not supported. Please check spec for supported video format', 'fix-input', false, 'video-format'],
    [9004, 2207052, 'The media could not be fetched from this uri: https://example.com/a.mp4', 'fix-url', false, 'media-fetch-failed'],
    [9007, 2207027, 'The media is not ready for publishing, please wait for a moment', 'retry', true, 'media-processing'],
    [36000, 2207004, 'The image is too large to download. It should be less than 8 MiB.', 'fix-input', false],
    [36001, 2207005, 'The image format webp is not supported. Supported formats are: jpeg.', 'fix-input', false],
    [36003, 2207009, 'The submitted image with aspect ratio 3:1 cannot be published.', 'fix-input', false],
    [36004, 2207010, "The submitted image's caption was 2300 characters long.", 'fix-input', false],
  ];
  const rows: Row[] = table.map(([code, subcode, message, action, retryable, documentedError]) => ({
    name: `${code}/${subcode}`, payload: graph(code, subcode, message), action, retryable, ...(documentedError ? { documentedError } : {}),
  }));
  it.each(rows)('$name', check);

  it.each(rows)('$name also as the inner error object alone', (row) => {
    check({ ...row, payload: (row.payload as { error: unknown }).error });
  });

  it('classifies the real-world 9004 failure with its user title', () => {
    check({
      name: 'mixpost #197',
      payload: { error: { code: 9004, message: 'Only photo or video can be accepted as media type.', error_subcode: 2207052, error_user_msg: 'The media could not be fetched from this URI: .', error_user_title: "Media download has failed. The media URI doesn't meet our requirements." } },
      action: 'fix-url', retryable: false, documentedError: 'media-fetch-failed',
    });
  });

  it('classifies the §2.2 sample with is_transient false by its code', () => {
    const v = classifyPlatformError({ error: { message: 'The image size is too large.', type: 'OAuthException', code: 36000, error_subcode: 2207004, is_transient: false, fbtrace_id: 'x' } });
    expect(v).toMatchObject({ action: 'fix-input', retryable: false, category: 'media', platform: 'instagram', code: 36000, subcode: 2207004 });
  });

  it('gives Meta’s documented waits: poll processing once a minute, retry 2207008 after 30 s', () => {
    expect(classifyPlatformError(graph(9007, 2207027)).retryAfterSeconds).toBe(60);
    expect(classifyPlatformError(graph(24, 2207008)).retryAfterSeconds).toBe(30);
  });
});

describe('§5 Graph API codes (every row)', () => {
  const table: Array<[number, number | undefined, VerdictAction, boolean]> = [
    [1, undefined, 'retry', true],
    [2, undefined, 'retry', true],
    [3, undefined, 'fix-app', false],
    [4, undefined, 'retry', true],
    [17, undefined, 'retry', true],
    [17, 2446079, 'retry', true],
    [32, undefined, 'retry', true],
    [613, undefined, 'retry', true],
    [613, 1996, 'retry', true],
    [341, undefined, 'retry', true],
    [368, undefined, 'resolve-in-app', false],
    [506, undefined, 'fix-input', false],
    [1609005, undefined, 'fix-url', false],
    [10, undefined, 'fix-app', false],
    [200, undefined, 'fix-app', false],
    [250, undefined, 'fix-app', false],
    [299, undefined, 'fix-app', false],
    [102, undefined, 'reconnect', false],
    [190, undefined, 'reconnect', false],
    [190, 458, 'reconnect', false],
    [190, 459, 'resolve-in-app', false],
    [190, 460, 'reconnect', false],
    [190, 463, 'reconnect', false],
    [190, 464, 'resolve-in-app', false],
    [190, 467, 'reconnect', false],
    [190, 492, 'fix-app', false],
    // Business Use Case throttles
    [80000, 2446079, 'retry', true],
    [80001, undefined, 'retry', true],
    [80002, undefined, 'retry', true],
    [80003, 2446079, 'retry', true],
    [80004, 2446079, 'retry', true],
    [80005, undefined, 'retry', true],
    [80006, undefined, 'retry', true],
    [80008, undefined, 'retry', true],
    [80009, undefined, 'retry', true],
    [80014, undefined, 'retry', true],
  ];
  const rows: Row[] = table.map(([code, subcode, action, retryable]) => ({ name: `${code}${subcode ? `/${subcode}` : ''}`, payload: graph(code, subcode), action, retryable }));
  it.each(rows)('$name', check);

  it('sorts the rows into the right categories', () => {
    expect(classifyPlatformError(graph(4)).category).toBe('rate-limit');
    expect(classifyPlatformError(graph(1)).category).toBe('transient');
    expect(classifyPlatformError(graph(190)).category).toBe('auth');
    expect(classifyPlatformError(graph(190, 459)).category).toBe('account');
    expect(classifyPlatformError(graph(190, 492)).category).toBe('permission');
    expect(classifyPlatformError(graph(10)).category).toBe('permission');
    expect(classifyPlatformError(graph(506)).category).toBe('content');
  });

  it('says why 368 is not retried although Meta says "wait and retry"', () => {
    const v = classifyPlatformError(graph(368, undefined, 'It looks like you were misusing this feature by going too fast.'));
    expect(v.message).toMatch(/wait and retry/i);
    expect(v.message).toMatch(/lengthen/);
  });

  it('classifies the documented throttle samples, which are OAuthExceptions', () => {
    check({ name: '#32', payload: { error: { message: '(#32) Page request limit reached', type: 'OAuthException', code: 32, fbtrace_id: 'Fz54k3GZrio' } }, action: 'retry', retryable: true });
    const sample = { error: { message: '(#80001) There have been too many calls to this Page account. Wait a bit and try again.', type: 'OAuthException', code: 80001, fbtrace_id: 'AmFGcW_3hwDB7qFbl_QdebZ' } };
    expect(classifyPlatformError(sample).category).toBe('rate-limit');
  });

  it('takes the BUC wait from X-Business-Use-Case-Usage (minutes → seconds)', () => {
    const usage = JSON.stringify({
      '66782684': [{ type: 'pages', call_count: 100, total_cputime: 25, total_time: 25, estimated_time_to_regain_access: 5 }],
      '10153848260347724': [{ type: 'ads_insights', call_count: 97, total_cputime: 23, total_time: 23, estimated_time_to_regain_access: 0 }],
    });
    for (const [code, subcode] of [[80001, undefined], [80002, undefined], [80004, 2446079], [32, undefined], [4, undefined]] as const) {
      check({ name: `${code}`, payload: graph(code, subcode), headers: { 'X-Business-Use-Case-Usage': usage }, action: 'retry', retryable: true, retryAfterSeconds: 300 });
    }
  });

  it('never classifies by type OAuthException alone', () => {
    const v = classifyPlatformError({ error: { message: 'Something happened', type: 'OAuthException', fbtrace_id: 'x' } });
    expect(v).toMatchObject({ category: 'unknown', action: 'unknown', retryable: false });
  });

  it('retries an otherwise unknown error that Meta marks is_transient', () => {
    check({ name: 'transient', payload: { error: { message: 'Please retry', type: 'OAuthException', code: 987654, is_transient: true } }, action: 'retry', retryable: true });
    check({ name: 'not transient', payload: { error: { message: 'Please retry', type: 'OAuthException', code: 987654, is_transient: false } }, action: 'unknown', retryable: false });
  });

  it('accepts codes sent as numeric strings', () => {
    expect(classifyPlatformError({ error: { code: '190', error_subcode: '460', message: 'x' } })).toMatchObject({ action: 'reconnect', code: 190, subcode: 460 });
  });

  it('classifies the Threads link limit', () => {
    check({ name: 'links', payload: { error: { message: 'THREADS_API__LINK_LIMIT_EXCEEDED', type: 'OAuthException', code: 100, fbtrace_id: 'x' } }, action: 'fix-input', retryable: false });
    expect(classifyPlatformError({ error: { code: 'THREADS_API__LINK_LIMIT_EXCEEDED', message: 'Too many links' } })).toMatchObject({ platform: 'threads', category: 'content' });
  });
});

describe("the Threads error guide's patterns", () => {
  const patterns: Array<[string, VerdictAction, boolean, DocumentedError?]> = [
    ['revoked_access_token', 'reconnect', false],
    ['token is invalid', 'reconnect', false],
    ['session has been invalidated', 'reconnect', false],
    ['media processing', 'retry', true, 'media-processing'],
    ['video format', 'fix-input', false, 'video-format'],
    ['video codec', 'fix-input', false, 'video-codec'],
    ['duration exceed', 'fix-input', false, 'duration-exceed'],
    // The guide's two further sections
    ['media fetch failed', 'fix-url', false, 'media-fetch-failed'],
    ['account restricted', 'resolve-in-app', false],
  ];
  const asText: Row[] = patterns.map(([p, action, retryable, documentedError]) => ({ name: `text: ${p}`, payload: p, action, retryable, ...(documentedError ? { documentedError } : {}) }));
  const inSentences: Row[] = patterns.map(([p, action, retryable, documentedError]) => ({
    name: `sentence: ${p}`, payload: `Threads publish failed: ${p.toUpperCase()} (see the Meta response)`, action, retryable, ...(documentedError ? { documentedError } : {}),
  }));
  const inBodies: Row[] = patterns.map(([p, action, retryable, documentedError]) => ({
    name: `Graph message: ${p}`, payload: { error: { message: `Error: ${p}`, type: 'OAuthException', fbtrace_id: 'x' } }, action, retryable, ...(documentedError ? { documentedError } : {}),
  }));
  it.each([...asText, ...inSentences, ...inBodies])('$name', check);

  it('puts the auth patterns in the auth category', () => {
    for (const p of ['revoked_access_token', 'token is invalid', 'session has been invalidated']) expect(classifyPlatformError(p).category).toBe('auth');
  });
});
