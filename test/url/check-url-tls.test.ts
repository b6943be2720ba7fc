import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkUrl, checkUrlDetailed } from '../../src/url/check-url.js';
import { createNodeTransport } from '../../src/url/node-transport.js';
import type { Report } from '../../src/validate/report.js';
import { makeTestCertificates, startHttpsTestServer, type TestCertificates } from '../helpers/https-test-server.js';
import { startHttpTestServer, type HttpTestServer } from '../helpers/http-test-server.js';

const clip = new Uint8Array(readFileSync('fixtures/isobmff/h264-aac.mp4'));
let certs: TestCertificates;
const servers: HttpTestServer[] = [];

async function serve(pair: { key: string; cert: string }): Promise<HttpTestServer> {
  const s = await startHttpsTestServer(pair);
  s.route('/clip.mp4', { body: clip, contentType: 'video/mp4' });
  servers.push(s);
  return s;
}

beforeAll(() => {
  certs = makeTestCertificates();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  certs.cleanup();
});

const codes = (r: Report): string[] => r.issues.map((i) => i.code);
/** Trusts the test CA, as a machine with a corporate CA installed would. */
const trusting = () => createNodeTransport({ allowPrivateNetwork: true, ca: certs.ca });
const local = { allowPrivateNetwork: true } as const;

describe('TLS', () => {
  it('a certificate from a trusted CA for the host passes, and the probe reads over https', async () => {
    const s = await serve(certs.valid);
    const { report, facts } = await checkUrlDetailed(s.url('/clip.mp4'), { ...local, transport: trusting() });
    expect(codes(report).filter((c) => c.startsWith('url-'))).toEqual([]);
    expect(report.media?.video?.codec).toBe('h264');
    expect(facts.remoteAddress).toBe('127.0.0.1');
  });

  it('checks the name a resolver maps, not only IP literals (SNI + subjectAltName)', async () => {
    const s = await serve(certs.valid);
    const port = new URL(s.origin).port;
    const resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const transport = createNodeTransport({ allowPrivateNetwork: true, ca: certs.ca, resolver });
    const report = await checkUrl(`https://media.test:${port}/clip.mp4`, { ...local, transport });
    expect(codes(report).filter((c) => c.startsWith('url-'))).toEqual([]);
  });

  it('url-tls-expired for an expired certificate', async () => {
    const s = await serve(certs.expired);
    const report = await checkUrl(s.url('/clip.mp4'), { ...local, transport: trusting() });
    expect(codes(report)).toEqual(['url-tls-expired']);
    expect(report.issues[0]!.actual).toBe('CERT_HAS_EXPIRED');
    expect(report.issues[0]!.platformError).toBe('FAILED_DOWNLOADING_VIDEO');
    expect(report.ok).toBe(false);
  });

  it('url-tls-self-signed for a self-signed certificate', async () => {
    const s = await serve(certs.selfSigned);
    const report = await checkUrl(s.url('/clip.mp4'), local);
    expect(codes(report)).toEqual(['url-tls-self-signed']);
  });

  it('url-tls-self-signed for a certificate from a CA the crawler does not trust', async () => {
    const s = await serve(certs.valid);
    const report = await checkUrl(s.url('/clip.mp4'), local);
    expect(codes(report)).toEqual(['url-tls-self-signed']);
  });

  it('url-tls-hostname for a certificate that names another host', async () => {
    const s = await serve(certs.wrongHost);
    const report = await checkUrl(s.url('/clip.mp4'), { ...local, transport: trusting() });
    expect(codes(report)).toEqual(['url-tls-hostname']);
  });

  it('url-not-https when an https URL redirects to plain http (an error for TikTok)', async () => {
    const s = await serve(certs.valid);
    const plain = await startHttpTestServer();
    servers.push(plain);
    plain.route('/clip.mp4', { body: clip, contentType: 'video/mp4' });
    s.route('/down', { redirectTo: plain.url('/clip.mp4') });
    const threads = await checkUrl(s.url('/down'), { ...local, transport: trusting() });
    expect(threads.issues.find((i) => i.code === 'url-not-https')?.severity).toBe('warning');
    expect(codes(threads)).toContain('url-redirects');
    const tiktok = await checkUrl(s.url('/down'), { ...local, transport: trusting(), target: 'tiktok' });
    expect(tiktok.issues.find((i) => i.code === 'url-not-https')?.severity).toBe('error');
  });

  it('url-tls-error when the server does not speak TLS', async () => {
    const plain = await startHttpTestServer();
    servers.push(plain);
    plain.route('/clip.mp4', { body: clip, contentType: 'video/mp4' });
    const report = await checkUrl(plain.url('/clip.mp4').replace('http:', 'https:'), local);
    expect(codes(report)).toEqual(['url-tls-error']);
    expect(plain.requests).toHaveLength(0);
  });
});
