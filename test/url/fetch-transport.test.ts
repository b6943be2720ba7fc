import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkUrlDetailed } from '../../src/url/check-url.js';
import { createFetchTransport } from '../../src/url/fetch-transport.js';
import { probe } from '../../src/probe/probe.js';
import type { Report } from '../../src/validate/report.js';
import { startHttpTestServer, type HttpTestServer } from '../helpers/http-test-server.js';

let server: HttpTestServer;
const clipPath = 'fixtures/isobmff/h264-aac.mp4';
const clip = new Uint8Array(readFileSync(clipPath));
const local = { allowPrivateNetwork: true } as const;

beforeAll(async () => {
  server = await startHttpTestServer();
  server.route('/clip.mp4', { body: clip, contentType: 'video/mp4', headers: { 'access-control-allow-origin': '*' } });
  server.route('/hop', { redirectTo: '/clip.mp4' });
});
afterAll(async () => {
  await server.close();
});

const codes = (r: Report): string[] => r.issues.map((i) => i.code);

/** A fetch that behaves like a browser's for a cross-origin response: only CORS-safelisted headers are visible. */
function corsFilteredFetch(exposed: string[] = []): typeof fetch {
  const visible = new Set(['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma', ...exposed]);
  return async (input, init) => {
    const response = await fetch(input, init);
    const headers = new Headers();
    response.headers.forEach((v, k) => visible.has(k) && headers.set(k, v));
    const filtered = new Response(response.body, { status: response.status, statusText: response.statusText, headers });
    Object.defineProperty(filtered, 'url', { value: response.url });
    Object.defineProperty(filtered, 'redirected', { value: response.redirected });
    return filtered;
  };
}

describe('the fetch transport (browser path)', () => {
  it('probes through fetch where the server allows it, and says what it could not check', async () => {
    const { report, facts } = await checkUrlDetailed(server.url('/clip.mp4'), { ...local, transport: createFetchTransport({ fetch: corsFilteredFetch(['content-range']) }) });
    expect(facts.transport).toBe('browser');
    expect(report.media).not.toBeNull();
    const { io: _a, notes: _b, ...remote } = report.media!;
    const { io: _c, notes: _d, ...mine } = await probe(clipPath);
    expect(remote).toEqual(mine);
    expect(facts.unchecked.join(' ')).toMatch(/address safety/);
    expect(facts.unchecked.join(' ')).toMatch(/robots\.txt/);
    expect(facts.robots).toBe('not-checked');
    expect(report.media!.notes.some((n) => n.includes('media-preflight check URL'))).toBe(true);
    // No robots.txt request from a browser.
    expect(server.requestsTo('/robots.txt')).toHaveLength(0);
  });

  it('sends only what a page may send: Range, no User-Agent override, no credentials', async () => {
    const before = server.requests.length;
    await checkUrlDetailed(server.url('/clip.mp4'), { ...local, transport: createFetchTransport() });
    const first = server.requests[before]!;
    expect(first.range).toBe('bytes=0-65535');
    expect(first.headers['user-agent']).not.toBe('facebookexternalhit/1.1');
    expect(first.headers.cookie).toBeUndefined();
  });

  it('sees that fetch followed a redirect (url-redirects), though not each hop', async () => {
    const { report, facts } = await checkUrlDetailed(server.url('/hop'), { ...local, transport: createFetchTransport() });
    expect(codes(report)).toContain('url-redirects');
    expect(facts.redirects).toEqual([{ from: server.url('/hop'), to: server.url('/clip.mp4'), status: null }]);
  });

  it('url-cors-blocked (warning) when fetch throws a TypeError, listing the facts it could not check', async () => {
    const blocked: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const { report, facts } = await checkUrlDetailed('https://cdn.example.com/clip.mp4', { transport: createFetchTransport({ fetch: blocked }) });
    const issue = report.issues.find((i) => i.code === 'url-cors-blocked')!;
    expect(issue.severity).toBe('warning');
    expect(issue.message).toMatch(/address safety/);
    expect(issue.message).toMatch(/redirect/);
    expect(issue.message).toMatch(/robots\.txt/);
    expect(issue.message).toMatch(/media-preflight check URL/);
    expect(report.media).toBeNull();
    expect(facts.unchecked[0]).toMatch(/every fact/);
  });

  it('url-cors-limited when CORS hides the Content-Range of a 206', async () => {
    const { report } = await checkUrlDetailed(server.url('/clip.mp4'), { ...local, transport: createFetchTransport({ fetch: corsFilteredFetch() }) });
    expect(codes(report)).toContain('url-cors-limited');
    expect(report.issues.find((i) => i.code === 'url-cors-limited')!.severity).toBe('warning');
  });

  it('still refuses private hosts before fetch is called', async () => {
    let called = 0;
    const spy: typeof fetch = async (...args) => {
      called++;
      return fetch(...args);
    };
    const { report } = await checkUrlDetailed(server.url('/clip.mp4'), { transport: createFetchTransport({ fetch: spy }) });
    expect(codes(report)).toContain('url-private-address');
    expect(called).toBe(0);
  });
});
