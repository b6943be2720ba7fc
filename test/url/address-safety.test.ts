import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkUrlDetailed } from '../../src/url/check-url.js';
import { createNodeTransport } from '../../src/url/node-transport.js';
import { createSafeLookup } from '../../src/url/safe-lookup.js';
import type { Resolver, UrlTransport } from '../../src/url/transport.js';
import { startHttpTestServer, type HttpTestServer } from '../helpers/http-test-server.js';

let server: HttpTestServer;
let port: number;
const clip = new Uint8Array(readFileSync('fixtures/isobmff/h264-aac.mp4'));

beforeAll(async () => {
  server = await startHttpTestServer();
  port = Number(new URL(server.origin).port);
  server.route('/clip.mp4', { body: clip, contentType: 'video/mp4' });
});
afterAll(async () => {
  await server.close();
});

/**
 * Names the test resolver answers. Every answer is a loopback-family address, so even a broken
 * rule could only ever reach this machine (and this test server would count it).
 */
const answers: Record<string, Array<{ address: string; family: number }>> = {
  'evil.test': [{ address: '127.0.0.1', family: 4 }],
  'public-looking.example': [{ address: '127.0.0.1', family: 4 }],
  'cdn.public.example': [{ address: '::1', family: 6 }],
  'mapped.example': [{ address: '::ffff:127.0.0.1', family: 6 }],
  'zero.example': [{ address: '0.0.0.0', family: 4 }],
  'loop2.example': [{ address: '127.0.0.2', family: 4 }],
  'mixed.example': [{ address: '127.0.0.2', family: 4 }, { address: '127.0.0.1', family: 4 }],
  'nat64.example': [{ address: '64:ff9b::7f00:1', family: 6 }],
  'public.test': [{ address: '127.0.0.1', family: 4 }],
};

function testResolver(calls: string[]): Resolver {
  return async (host) => {
    calls.push(host);
    const a = answers[host];
    if (!a) throw Object.assign(new Error(`no test answer for ${host}`), { code: 'ENOTFOUND' });
    return a;
  };
}

/** The Node transport, counting how often the check handed it a request. */
function countingTransport(inner: UrlTransport): UrlTransport & { calls: number } {
  const t = { ...inner, calls: 0, request: (r: Parameters<UrlTransport['request']>[0]) => (t.calls++, inner.request(r)) };
  return t;
}

describe('the address-safety rule refuses every non-public form before any connection', () => {
  const p = (): number => port;
  // [description, URL builder, refused where: 'host' = before the transport, 'lookup' = in the transport's lookup]
  const matrix: Array<[string, () => string, 'host' | 'lookup']> = [
    ['127.0.0.1', () => `http://127.0.0.1:${p()}/clip.mp4`, 'host'],
    ['127.1', () => `http://127.1:${p()}/clip.mp4`, 'host'],
    ['2130706433 (decimal)', () => `http://2130706433:${p()}/clip.mp4`, 'host'],
    ['0x7f000001 (hex)', () => `http://0x7f000001:${p()}/clip.mp4`, 'host'],
    ['017700000001 (octal)', () => `http://017700000001:${p()}/clip.mp4`, 'host'],
    ['0177.0.0.1 (octal part)', () => `http://0177.0.0.1:${p()}/clip.mp4`, 'host'],
    ['0x7f.1 (mixed)', () => `http://0x7f.1:${p()}/clip.mp4`, 'host'],
    ['127.0.0.1. (trailing dot)', () => `http://127.0.0.1.:${p()}/clip.mp4`, 'host'],
    ['[::1]', () => `http://[::1]:${p()}/clip.mp4`, 'host'],
    ['[::ffff:127.0.0.1]', () => `http://[::ffff:127.0.0.1]:${p()}/clip.mp4`, 'host'],
    ['[::ffff:7f00:1]', () => `http://[::ffff:7f00:1]:${p()}/clip.mp4`, 'host'],
    ['[::127.0.0.1] (IPv4-compatible)', () => `http://[::127.0.0.1]:${p()}/clip.mp4`, 'host'],
    ['[64:ff9b::127.0.0.1] (NAT64)', () => `http://[64:ff9b::127.0.0.1]:${p()}/clip.mp4`, 'host'],
    ['0.0.0.0', () => `http://0.0.0.0:${p()}/clip.mp4`, 'host'],
    ['0 (all zero)', () => `http://0:${p()}/clip.mp4`, 'host'],
    ['[::]', () => `http://[::]:${p()}/clip.mp4`, 'host'],
    ['169.254.169.254 (metadata)', () => 'http://169.254.169.254/latest/meta-data/', 'host'],
    ['[::ffff:169.254.169.254]', () => 'http://[::ffff:169.254.169.254]/latest/meta-data/', 'host'],
    ['[fd00:ec2::254] (AWS metadata IPv6)', () => 'http://[fd00:ec2::254]/latest/meta-data/', 'host'],
    ['metadata.google.internal', () => 'http://metadata.google.internal/computeMetadata/v1/', 'host'],
    ['10.0.0.1', () => `http://10.0.0.1:${p()}/clip.mp4`, 'host'],
    ['10.255.1.2', () => 'https://10.255.1.2/clip.mp4', 'host'],
    ['172.16.0.1', () => `http://172.16.0.1:${p()}/clip.mp4`, 'host'],
    ['172.31.255.1', () => 'http://172.31.255.1/clip.mp4', 'host'],
    ['192.168.0.10', () => `http://192.168.0.10:${p()}/clip.mp4`, 'host'],
    ['100.64.0.1 (CGNAT)', () => 'http://100.64.0.1/clip.mp4', 'host'],
    ['[fc00::1] (unique-local)', () => 'http://[fc00::1]/clip.mp4', 'host'],
    ['[fd12:3456::1] (unique-local)', () => 'http://[fd12:3456::1]/clip.mp4', 'host'],
    ['[fe80::1] (link-local)', () => 'http://[fe80::1]/clip.mp4', 'host'],
    ['169.254.10.20 (link-local)', () => 'http://169.254.10.20/clip.mp4', 'host'],
    ['224.0.0.1 (multicast)', () => 'http://224.0.0.1/clip.mp4', 'host'],
    ['198.18.0.1 (benchmark)', () => 'http://198.18.0.1/clip.mp4', 'host'],
    ['192.0.2.1 (documentation)', () => 'http://192.0.2.1/clip.mp4', 'host'],
    ['240.0.0.1 (reserved)', () => 'http://240.0.0.1/clip.mp4', 'host'],
    ['localhost', () => `http://localhost:${p()}/clip.mp4`, 'host'],
    ['LOCALHOST. (case, trailing dot)', () => `http://LOCALHOST.:${p()}/clip.mp4`, 'host'],
    ['foo.localhost', () => `http://foo.localhost:${p()}/clip.mp4`, 'host'],
    ['a.b.localhost', () => `http://a.b.localhost:${p()}/clip.mp4`, 'host'],
    ['single-label name', () => `http://mediaserver:${p()}/clip.mp4`, 'host'],
    ['a name the resolver maps to 127.0.0.1', () => `http://evil.test:${p()}/clip.mp4`, 'lookup'],
    ['a public-looking name that resolves to 127.0.0.1', () => `http://public-looking.example:${p()}/clip.mp4`, 'lookup'],
    ['a public-looking name that resolves to ::1', () => `http://cdn.public.example:${p()}/clip.mp4`, 'lookup'],
    ['a name that resolves to ::ffff:127.0.0.1', () => `http://mapped.example:${p()}/clip.mp4`, 'lookup'],
    ['a name that resolves to 0.0.0.0', () => `http://zero.example:${p()}/clip.mp4`, 'lookup'],
    ['a name that resolves to 127.0.0.2', () => `http://loop2.example:${p()}/clip.mp4`, 'lookup'],
    ['a name with several private answers', () => `http://mixed.example:${p()}/clip.mp4`, 'lookup'],
    ['a name that resolves to a NAT64 form of 127.0.0.1', () => `http://nat64.example:${p()}/clip.mp4`, 'lookup'],
  ];

  it('has at least 30 forms', () => expect(matrix.length).toBeGreaterThanOrEqual(30));

  for (const [name, build, where] of matrix) {
    it(`refuses ${name}`, async () => {
      const before = { connections: server.connections(), requests: server.requests.length };
      const resolverCalls: string[] = [];
      const transport = countingTransport(createNodeTransport({ resolver: testResolver(resolverCalls) }));
      const { report, facts } = await checkUrlDetailed(build(), { transport, robots: true });
      expect(report.issues.map((i) => i.code)).toContain('url-private-address');
      const issue = report.issues.find((i) => i.code === 'url-private-address')!;
      expect(issue.severity).toBe('error');
      expect(issue.documentedError).toBe('media-fetch-failed');
      expect(issue.platformError).toBe('FAILED_DOWNLOADING_VIDEO');
      expect(issue.remedy).toBe('rehost');
      expect(report.ok).toBe(false);
      expect(report.media).toBeNull();
      expect(facts.bytesDownloaded).toBe(0);
      if (where === 'host') {
        expect(transport.calls).toBe(0);
        expect(resolverCalls).toEqual([]);
      } else {
        expect(transport.calls).toBe(1);
        expect(resolverCalls.length).toBeGreaterThan(0);
      }
      // Nothing reached the loopback server: no TCP connection, no request.
      expect(server.connections()).toBe(before.connections);
      expect(server.requests.length).toBe(before.requests);
    });
  }
});

describe('redirects are vetted hop by hop', () => {
  it('refuses a redirect from an allowed host to 127.0.0.1 before connecting to it', async () => {
    // public.test is exempt (allowHosts) so the first hop can reach the loopback server; the second hop is a literal 127.0.0.1.
    server.route('/hop-to-literal', { redirectTo: `http://127.0.0.1:${port}/clip.mp4` });
    const before = { connections: server.connections(), requests: server.requests.length };
    const transport = createNodeTransport({ resolver: testResolver([]), allowHosts: ['public.test'] });
    const { report, facts } = await checkUrlDetailed(`http://public.test:${port}/hop-to-literal`, { transport, robots: false });
    expect(report.issues.map((i) => i.code)).toContain('url-redirect-private');
    expect(report.issues.find((i) => i.code === 'url-redirect-private')!.actual).toContain('127.0.0.1');
    expect(server.requests.length - before.requests).toBe(1);
    expect(server.requests.at(-1)!.path).toBe('/hop-to-literal');
    expect(server.connections() - before.connections).toBe(1);
    expect(facts.mediaRequests).toBe(1);
  });

  it('refuses a redirect to a name that resolves to a private address, at lookup', async () => {
    server.route('/hop-to-name', { redirectTo: `http://evil.test:${port}/clip.mp4` });
    const before = { connections: server.connections(), requests: server.requests.length };
    const calls: string[] = [];
    const transport = createNodeTransport({ resolver: testResolver(calls), allowHosts: ['public.test'] });
    const { report } = await checkUrlDetailed(`http://public.test:${port}/hop-to-name`, { transport, robots: false });
    expect(report.issues.map((i) => i.code)).toContain('url-redirect-private');
    expect(calls).toEqual(['public.test', 'evil.test']);
    expect(server.connections() - before.connections).toBe(1);
    expect(server.requests.length - before.requests).toBe(1);
  });

  it('refuses a redirect to localhost and to the metadata service by name', async () => {
    for (const target of [`http://localhost:${port}/clip.mp4`, 'http://metadata.google.internal/computeMetadata/v1/', 'http://[::1]/']) {
      server.route('/hop-named', { redirectTo: target });
      const before = server.connections();
      const transport = createNodeTransport({ resolver: testResolver([]), allowHosts: ['public.test'] });
      const { report } = await checkUrlDetailed(`http://public.test:${port}/hop-named`, { transport, robots: false });
      expect(report.issues.map((i) => i.code), target).toContain('url-redirect-private');
      expect(server.connections() - before).toBe(1);
    }
  });

  it('follows the same redirect when private networks are allowed', async () => {
    server.route('/hop-ok', { redirectTo: `http://127.0.0.1:${port}/clip.mp4` });
    const { report, facts } = await checkUrlDetailed(`${server.origin}/hop-ok`, { allowPrivateNetwork: true, robots: false });
    expect(report.issues.map((i) => i.code)).not.toContain('url-redirect-private');
    expect(report.media?.video?.codec).toBe('h264');
    expect(facts.redirects).toHaveLength(1);
  });
});

describe('createSafeLookup', () => {
  function lookUp(answer: Array<{ address: string; family: number }>, vet: boolean, all = true): Promise<{ error: Error | null; result: unknown }> {
    const lookup = createSafeLookup(async () => answer, vet);
    return new Promise((resolve) => {
      lookup('name.example', { all, family: 0 } as never, ((error: Error | null, result: unknown) => resolve({ error, result })) as never);
    });
  }

  it('refuses a name when any one of its addresses is not public, even after public ones', async () => {
    // No socket exists here: the lookup is called directly, so the public address is never contacted.
    const { error } = await lookUp([{ address: '8.8.8.8', family: 4 }, { address: '10.0.0.7', family: 4 }], true);
    expect((error as { kind?: string }).kind).toBe('private-address');
    expect(error!.message).toContain('10.0.0.7');
  });

  it('returns every address when all are public, in the shape Node asks for', async () => {
    const answer = [{ address: '8.8.8.8', family: 4 }, { address: '2001:4860:4860::8888', family: 6 }];
    expect((await lookUp(answer, true)).result).toEqual(answer);
    expect((await lookUp(answer, true, false)).result).toBe('8.8.8.8');
  });

  it('passes private answers through when vetting is off, and fails on an empty answer', async () => {
    expect((await lookUp([{ address: '127.0.0.1', family: 4 }], false)).error).toBeNull();
    expect(((await lookUp([], true)).error as { kind?: string }).kind).toBe('dns');
  });
});
