import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkUrl, checkUrlDetailed } from '../../src/url/check-url.js';
import { extendTarget } from '../../src/targets/targets.js';
import { ReportSchema, type Report } from '../../src/validate/report.js';
import { urlIssueSeverity } from '../../src/url/url-issue.js';
import { startHttpTestServer, type HttpTestServer } from '../helpers/http-test-server.js';

let server: HttpTestServer;
const clip = new Uint8Array(readFileSync('fixtures/isobmff/h264-aac.mp4'));
const webm = new Uint8Array(readFileSync('fixtures/container/vp9-opus.webm'));
const html = new Uint8Array(readFileSync('fixtures/container/sample.html'));
const local = { allowPrivateNetwork: true } as const;

beforeAll(async () => {
  server = await startHttpTestServer();
  server.route('/clip.mp4', { body: clip, contentType: 'video/mp4' });
});
afterAll(async () => {
  await server.close();
});

const codes = (r: Report): string[] => r.issues.map((i) => i.code);
const issue = (r: Report, code: string) => {
  const found = r.issues.find((i) => i.code === code);
  expect(found, `${code} in ${codes(r).join(', ')}`).toBeDefined();
  return found!;
};

describe('a healthy URL', () => {
  it('gives the same Report shape as a file check, with the probe and the target issues', async () => {
    const report = await checkUrl(server.url('/clip.mp4'), local);
    expect(() => ReportSchema.parse(report)).not.toThrow();
    expect(report.input).toBe(server.url('/clip.mp4'));
    expect(report.target).toBe('threads');
    expect(report.media?.video?.codec).toBe('h264');
    // Only plain http (a warning on Meta targets) and what the target says about the clip itself.
    expect(codes(report).filter((c) => c.startsWith('url-'))).toEqual(['url-not-https']);
    expect(issue(report, 'url-not-https').severity).toBe('warning');
  });

  it('asks as the crawler does: its User-Agent, identity encoding, a Range, no cookies or credentials', async () => {
    server.route('/cookie.mp4', { body: clip, contentType: 'video/mp4', headers: { 'set-cookie': 'session=abc; Path=/' } });
    const before = server.requests.length;
    const url = server.url('/cookie.mp4').replace('http://', 'http://user:secret@');
    const report = await checkUrl(url, local);
    const served = server.requests.slice(before);
    expect(served.map((r) => r.path)).toEqual(['/cookie.mp4', '/robots.txt']);
    for (const r of served) {
      expect(r.headers['user-agent']).toBe('facebookexternalhit/1.1');
      expect(r.headers['accept-encoding']).toBe('identity');
      expect(r.headers.cookie).toBeUndefined();
      expect(r.headers.authorization).toBeUndefined();
    }
    expect(served[0]!.range).toBe('bytes=0-65535');
    expect(issue(report, 'url-credentials').severity).toBe('warning');
  });

  it('sends the configured User-Agent', async () => {
    const before = server.requests.length;
    await checkUrl(server.url('/clip.mp4'), { ...local, userAgent: 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)' });
    expect(server.requests[before]!.headers['user-agent']).toBe('facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)');
  });
});

describe('the URL itself', () => {
  it('url-malformed for text that is not an absolute http(s) URL', async () => {
    const before = server.requests.length;
    for (const input of ['not a url', 'ftp://example.com/clip.mp4', '/clip.mp4', 'file:///etc/passwd', 'http://']) {
      const report = await checkUrl(input, local);
      expect(codes(report), input).toEqual(['url-malformed']);
      expect(report.ok).toBe(false);
      expect(report.issues[0]!.documentedError).toBe('media-fetch-failed');
    }
    expect(server.requests.length).toBe(before);
  });

  it('url-not-ascii: an error for Meta targets, a warning elsewhere, and the fetch still happens', async () => {
    server.route('/caf%C3%A9.mp4', { body: clip, contentType: 'video/mp4' });
    const raw = `${server.origin}/café.mp4`;
    const threads = await checkUrl(raw, local);
    expect(issue(threads, 'url-not-ascii').severity).toBe('error');
    expect(issue(threads, 'url-not-ascii').actual).toContain('"é"');
    expect(threads.media?.video?.codec).toBe('h264');
    const youtube = await checkUrl(raw, { ...local, target: 'youtube' });
    expect(issue(youtube, 'url-not-ascii').severity).toBe('warning');
    // The encoded form is plain ASCII.
    expect(codes(await checkUrl(`${server.origin}/caf%C3%A9.mp4`, local))).not.toContain('url-not-ascii');
  });

  it('url-not-https: an error for TikTok, a warning for Threads and Instagram', async () => {
    const tiktok = await checkUrl(server.url('/clip.mp4'), { ...local, target: 'tiktok' });
    expect(issue(tiktok, 'url-not-https').severity).toBe('error');
    expect(issue(tiktok, 'url-not-https').documentedError).toBe('media-fetch-failed');
    expect(issue(tiktok, 'url-not-https').platformError).toBeNull();
    for (const target of ['threads', 'instagram-reels']) {
      expect(issue(await checkUrl(server.url('/clip.mp4'), { ...local, target }), 'url-not-https').severity).toBe('warning');
    }
  });

  it('url-dns-failed when the name does not resolve', async () => {
    const resolver = async (): Promise<never> => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    const report = await checkUrl('http://no-such-host.invalid/clip.mp4', { resolver });
    const i = issue(report, 'url-dns-failed');
    expect(i.severity).toBe('error');
    expect(i.platformError).toBe('FAILED_DOWNLOADING_VIDEO');
    expect(i.actual).toBe('ENOTFOUND');
    expect(report.media).toBeNull();
  });
});

describe('presigned URLs', () => {
  const amzDate = (ms: number): string => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

  it('url-expired for an S3 URL whose X-Amz-Date + X-Amz-Expires is past', async () => {
    const url = `${server.url('/clip.mp4')}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=${amzDate(Date.now() - 2 * 3600_000)}&X-Amz-Expires=3600&X-Amz-Signature=abc`;
    const report = await checkUrl(url, local);
    expect(issue(report, 'url-expired').severity).toBe('error');
    expect(report.ok).toBe(false);
    // The signature never reaches a message.
    expect(JSON.stringify(report.issues)).not.toContain('X-Amz-Signature=abc');
  });

  it('url-expires-soon for a GCS URL that expires inside the publishing window', async () => {
    const url = `${server.url('/clip.mp4')}?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Date=${amzDate(Date.now())}&X-Goog-Expires=600&X-Goog-Signature=abc`;
    const report = await checkUrl(url, local);
    expect(issue(report, 'url-expires-soon').severity).toBe('warning');
    expect(codes(await checkUrl(url, { ...local, publishWindowSeconds: 300 }))).not.toContain('url-expires-soon');
  });

  it('reads CloudFront Expires epochs', async () => {
    const now = Math.floor(Date.now() / 1000);
    const past = await checkUrl(`${server.url('/clip.mp4')}?Expires=${now - 10}&Signature=x&Key-Pair-Id=K1`, local);
    expect(codes(past)).toContain('url-expired');
    const later = await checkUrl(`${server.url('/clip.mp4')}?Expires=${now + 7200}&Signature=x&Key-Pair-Id=K1`, local);
    expect(codes(later).filter((c) => c.startsWith('url-exp'))).toEqual([]);
  });
});

describe('HTTP status', () => {
  const cases: Array<[number, string, 'error' | 'warning']> = [
    [401, 'url-http-401', 'error'],
    [403, 'url-http-403', 'error'],
    [404, 'url-http-404', 'error'],
    [410, 'url-http-410', 'error'],
    [429, 'url-http-429', 'warning'],
    [500, 'url-http-5xx', 'warning'],
    [503, 'url-http-5xx', 'warning'],
    [418, 'url-http-status', 'error'],
    [400, 'url-http-status', 'error'],
  ];
  for (const [status, code, severity] of cases) {
    it(`${status} → ${code} (${severity})`, async () => {
      server.route(`/status-${status}`, { status });
      const report = await checkUrl(server.url(`/status-${status}`), local);
      const i = issue(report, code);
      expect(i.severity).toBe(severity);
      expect(urlIssueSeverity(code as never)).toBe(severity);
      expect(i.actual).toContain(String(status));
      expect(i.documentedError).toBe('media-fetch-failed');
      expect(report.media).toBeNull();
      if (severity === 'warning') expect(i.message).toMatch(/temporary/);
    });
  }

  it('401 and 403 say the file is not public', async () => {
    server.route('/status-403', { status: 403 });
    const report = await checkUrl(server.url('/status-403'), local);
    expect(issue(report, 'url-http-403').message).toMatch(/not public/);
    expect(issue(report, 'url-http-403').remedy).toBe('rehost');
  });
});

describe('redirects', () => {
  it('url-redirects (warning) for one hop, and the probe reads the final URL', async () => {
    server.route('/one-hop', { redirectTo: '/clip.mp4', redirectStatus: 301 });
    const { report, facts } = await checkUrlDetailed(server.url('/one-hop'), local);
    expect(issue(report, 'url-redirects').severity).toBe('warning');
    expect(issue(report, 'url-redirects').actual).toContain('301');
    expect(facts.redirects).toEqual([{ from: server.url('/one-hop'), to: server.url('/clip.mp4'), status: 301 }]);
    expect(report.media?.video?.codec).toBe('h264');
  });

  it('quotes TikTok: "should not redirect"', async () => {
    server.route('/one-hop', { redirectTo: '/clip.mp4' });
    const report = await checkUrl(server.url('/one-hop'), { ...local, target: 'tiktok' });
    expect(issue(report, 'url-redirects').message).toContain('should not redirect');
  });

  it('follows a chain of 5 redirects to the file', async () => {
    for (let i = 0; i < 4; i++) server.route(`/chain-${i}`, { redirectTo: `/chain-${i + 1}` });
    server.route('/chain-4', { redirectTo: '/clip.mp4' });
    const { report, facts } = await checkUrlDetailed(server.url('/chain-0'), local);
    expect(facts.redirects).toHaveLength(5);
    expect(codes(report)).not.toContain('url-too-many-redirects');
    expect(report.media?.video?.codec).toBe('h264');
  });

  it('url-too-many-redirects past the limit, url-redirect-loop for a cycle', async () => {
    for (let i = 0; i < 7; i++) server.route(`/long-${i}`, { redirectTo: `/long-${i + 1}` });
    server.route('/long-7', { body: clip, contentType: 'video/mp4' });
    const tooMany = await checkUrlDetailed(server.url('/long-0'), local);
    expect(codes(tooMany.report)).toContain('url-too-many-redirects');
    expect(tooMany.facts.mediaRequests).toBe(6);

    server.route('/loop-a', { redirectTo: '/loop-b' });
    server.route('/loop-b', { redirectTo: '/loop-a' });
    const loop = await checkUrlDetailed(server.url('/loop-a'), local);
    expect(codes(loop.report)).toContain('url-redirect-loop');
    expect(loop.facts.mediaRequests).toBe(2);

    server.route('/self', { redirectTo: '/self' });
    expect(codes(await checkUrl(server.url('/self'), local))).toContain('url-redirect-loop');
  });

  it('url-redirect-invalid for a redirect to another scheme', async () => {
    server.route('/to-ftp', { redirectTo: 'ftp://example.com/clip.mp4' });
    const report = await checkUrl(server.url('/to-ftp'), local);
    expect(issue(report, 'url-redirect-invalid').severity).toBe('error');
  });
});

describe('Content-Type', () => {
  it('url-content-type (error) for an HTML page: a link to the page, not the file', async () => {
    server.route('/page', { body: html, contentType: 'text/html; charset=utf-8' });
    const report = await checkUrl(server.url('/page'), local);
    const i = issue(report, 'url-content-type');
    expect(i.severity).toBe('error');
    expect(i.actual).toBe('text/html');
    expect(i.message).toMatch(/web page/);
    expect(i.platformError).toBe('FAILED_DOWNLOADING_VIDEO');
    // The probe agrees: the bytes are HTML.
    expect(report.media?.container.format).toBe('html');
  });

  it('url-content-type for JSON, a warning for octet-stream or none, nothing for video/mp4', async () => {
    server.route('/json', { body: clip, contentType: 'application/json' });
    expect(issue(await checkUrl(server.url('/json'), local), 'url-content-type').severity).toBe('error');
    server.route('/octet', { body: clip, contentType: 'application/octet-stream' });
    expect(issue(await checkUrl(server.url('/octet'), local), 'url-content-type-unspecific').severity).toBe('warning');
    server.route('/none', { body: clip, contentType: null });
    expect(issue(await checkUrl(server.url('/none'), local), 'url-content-type-unspecific').actual).toBe('(none)');
    expect(codes(await checkUrl(server.url('/clip.mp4'), local)).filter((c) => c.startsWith('url-content'))).toEqual([]);
  });

  it('url-content-type-unexpected for video/webm on Threads, not on TikTok', async () => {
    server.route('/clip.webm', { body: webm, contentType: 'video/webm' });
    const threads = await checkUrl(server.url('/clip.webm'), local);
    expect(issue(threads, 'url-content-type-unexpected').severity).toBe('warning');
    expect(codes(threads)).toContain('video-format');
    const tiktok = await checkUrl(server.url('/clip.webm'), { ...local, target: 'tiktok' });
    expect(codes(tiktok)).not.toContain('url-content-type-unexpected');
  });
});

describe('length and Range', () => {
  it('url-too-large against the target fileSize limit (and no duplicate file-size issue)', async () => {
    const source = { url: 'https://example.com/test-limit', retrieved: '2026-11' };
    const small = extendTarget('threads', { id: 'threads-tiny', video: { fileSize: { value: { max: clip.length - 1 }, severity: 'error', source } } });
    const report = await checkUrl(server.url('/clip.mp4'), { ...local, target: small });
    const i = issue(report, 'url-too-large');
    expect(i.severity).toBe('error');
    expect(i.actual).toBe(`${clip.length} bytes`);
    expect(i.source).toEqual(source);
    expect(codes(report)).not.toContain('file-size');
  });

  it('url-no-range (warning) when the server answers 200 to a Range request; the probe still works', async () => {
    server.route('/norange.mp4', { body: clip, contentType: 'video/mp4', mode: 'ignore-range' });
    const { report, facts } = await checkUrlDetailed(server.url('/norange.mp4'), local);
    expect(issue(report, 'url-no-range').severity).toBe('warning');
    expect(facts.rangeSupported).toBe(false);
    expect(report.media?.sizeBytes).toBe(clip.length);
  });

  it('url-no-length (warning) when the server sends no Content-Length', async () => {
    server.route('/chunked.mp4', { body: clip, contentType: 'video/mp4', mode: 'chunked' });
    const report = await checkUrl(server.url('/chunked.mp4'), local);
    expect(issue(report, 'url-no-length').severity).toBe('warning');
    expect(report.media?.sizeBytes).toBe(clip.length);
  });

  it('url-slow when the first byte comes after the budget', async () => {
    server.route('/slow.mp4', { body: clip, contentType: 'video/mp4', headerDelayMs: 400 });
    const { report, facts } = await checkUrlDetailed(server.url('/slow.mp4'), { ...local, firstByteBudgetMs: 150 });
    expect(issue(report, 'url-slow').severity).toBe('warning');
    expect(facts.firstByteMs).toBeGreaterThanOrEqual(400);
    expect(codes(await checkUrl(server.url('/clip.mp4'), { ...local, firstByteBudgetMs: 5000 }))).not.toContain('url-slow');
  });
});

describe('robots.txt', () => {
  let robots: HttpTestServer;
  beforeAll(async () => {
    robots = await startHttpTestServer();
    robots.route('/media/clip.mp4', { body: clip, contentType: 'video/mp4' });
    robots.route('/open/clip.mp4', { body: clip, contentType: 'video/mp4' });
  });
  afterAll(async () => {
    await robots.close();
  });
  const text = (s: string): Uint8Array => new TextEncoder().encode(s);

  it('tolerates a missing robots.txt (404)', async () => {
    const { report, facts } = await checkUrlDetailed(robots.url('/media/clip.mp4'), local);
    expect(facts.robots).toBe('missing');
    expect(codes(report)).not.toContain('url-robots-disallowed');
  });

  it('url-robots-disallowed (warning) when facebookexternalhit may not fetch the path', async () => {
    robots.route('/robots.txt', { body: text('User-agent: facebookexternalhit\nDisallow: /media/\n\nUser-agent: *\nAllow: /\n'), contentType: 'text/plain' });
    const { report, facts } = await checkUrlDetailed(robots.url('/media/clip.mp4'), local);
    const i = issue(report, 'url-robots-disallowed');
    expect(i.severity).toBe('warning');
    expect(i.actual).toContain('/media/');
    expect(facts.robots).toBe('disallowed');
    expect(facts.robotsRequests).toBe(1);
    // Another path of the same host is allowed.
    expect(codes(await checkUrl(robots.url('/open/clip.mp4'), local))).not.toContain('url-robots-disallowed');
  });

  it('applies the * group when there is no facebookexternalhit group, and a crawler group overrides it', async () => {
    robots.route('/robots.txt', { body: text('User-agent: *\nDisallow: /\n'), contentType: 'text/plain' });
    expect(codes(await checkUrl(robots.url('/open/clip.mp4'), local))).toContain('url-robots-disallowed');
    robots.route('/robots.txt', { body: text('User-agent: *\nDisallow: /\n\nUser-agent: FacebookExternalHit\nAllow: /\n'), contentType: 'text/plain' });
    expect(codes(await checkUrl(robots.url('/open/clip.mp4'), local))).not.toContain('url-robots-disallowed');
  });

  it('reads at most 64 KiB of a huge robots.txt', async () => {
    const huge = text(`User-agent: *\nDisallow: /media/\n${'# filler line for a very large robots file\n'.repeat(50_000)}`);
    robots.route('/robots.txt', { body: huge, contentType: 'text/plain' });
    const before = robots.requests.length;
    const { report, facts } = await checkUrlDetailed(robots.url('/media/clip.mp4'), local);
    expect(codes(report)).toContain('url-robots-disallowed');
    expect(facts.bytesDownloaded - facts.mediaBytesDownloaded).toBeLessThanOrEqual(64 * 1024);
    expect(robots.requests.slice(before).map((r) => r.path)).toEqual(['/media/clip.mp4', '/robots.txt']);
  });

  it('is skipped with robots: false', async () => {
    const before = robots.requests.length;
    const { facts } = await checkUrlDetailed(robots.url('/media/clip.mp4'), { ...local, robots: false });
    expect(facts.robots).toBe('not-checked');
    expect(robots.requests.slice(before).map((r) => r.path)).toEqual(['/media/clip.mp4']);
  });
});
