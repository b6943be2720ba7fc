import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { checkUrlDetailed } from '../../src/url/check-url.js';
import type { Report } from '../../src/validate/report.js';
import { startHttpTestServer, type HttpTestServer } from '../helpers/http-test-server.js';

let server: HttpTestServer;
const clip = new Uint8Array(readFileSync('fixtures/isobmff/h264-aac.mp4'));
const TIMEOUT_MS = 1500;
const MAX_BYTES = 1024 * 1024;
const options = { allowPrivateNetwork: true, timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES, robots: false } as const;

beforeAll(async () => {
  server = await startHttpTestServer();
});
afterAll(async () => {
  await server.close();
});

/** The findings, without the plain-http warning every loopback URL here carries. */
const codes = (r: Report): string[] => r.issues.map((i) => i.code).filter((c) => c !== 'url-not-https');

/** Runs the check and holds it to the contract: no throw, an answer within the timeout, never more than maxBytes read. */
async function hostile(path: string, extra: Record<string, unknown> = {}) {
  const started = performance.now();
  const result = await checkUrlDetailed(server.url(path), { ...options, ...extra });
  const elapsed = performance.now() - started;
  expect(elapsed).toBeLessThan(TIMEOUT_MS + 1000);
  expect(result.facts.bytesDownloaded).toBeLessThanOrEqual(MAX_BYTES);
  return { ...result, elapsed };
}

/** Writes with backpressure until the socket closes or the server stops. */
async function writeForever(socket: Socket, chunk: Buffer, stopping: AbortSignal, framing: (c: Buffer) => Buffer | string = (c) => c): Promise<void> {
  while (!socket.destroyed && !stopping.aborted) {
    if (!socket.write(framing(chunk))) await Promise.race([once(socket, 'drain'), once(socket, 'close')]);
  }
}

describe('hostile servers end well', () => {
  it('a server that trickles its headers one byte a second → url-timeout', async () => {
    server.route('/trickle-head', {
      raw: async (socket, _req, stopping) => {
        const head = 'HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: 54769\r\n\r\n';
        for (const c of head) {
          if (socket.destroyed || stopping.aborted) return;
          socket.write(c);
          await new Promise((r) => setTimeout(r, 1000));
        }
      },
    });
    const { report, elapsed } = await hostile('/trickle-head');
    expect(codes(report)).toEqual(['url-timeout']);
    expect(report.issues[0]!.platformError).toBe('FAILED_DOWNLOADING_VIDEO');
    expect(report.ok).toBe(false);
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
  });

  it('a server that trickles the body one byte every 2 s → url-timeout', async () => {
    server.route('/trickle-body', { body: clip, contentType: 'video/mp4', chunkSize: 1, chunkDelayMs: 2000 });
    const { report } = await hostile('/trickle-body');
    expect(codes(report)).toContain('url-timeout');
  });

  it('an endless body with no length → url-body-unbounded, never more than maxBytes read', async () => {
    const filler = Buffer.alloc(16 * 1024, 7);
    server.route('/endless', {
      raw: async (socket, _req, stopping) => {
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nTransfer-Encoding: chunked\r\n\r\n');
        await writeForever(socket, filler, stopping, (c) => Buffer.concat([Buffer.from(`${c.length.toString(16)}\r\n`), c, Buffer.from('\r\n')]));
      },
    });
    const { report, facts } = await hostile('/endless');
    expect(codes(report)).toContain('url-body-unbounded');
    expect(codes(report)).toContain('url-no-length');
    expect(facts.bytesDownloaded).toBe(MAX_BYTES);
    expect(report.media).toBeNull();
    // A body without length may just be big: a warning, the crawler would download it to the end.
    expect(report.issues.find((i) => i.code === 'url-body-unbounded')!.severity).toBe('warning');
  });

  it('an endless body after a 206 header that promised 64 KiB → reads the 64 KiB only', async () => {
    const filler = Buffer.alloc(16 * 1024, 7);
    server.route('/endless-206', {
      raw: async (socket, _req, stopping) => {
        socket.write('HTTP/1.1 206 Partial Content\r\nContent-Type: video/mp4\r\nContent-Range: bytes 0-65535/100000000\r\nConnection: close\r\n\r\n');
        await writeForever(socket, filler, stopping);
      },
    });
    const { report, facts } = await hostile('/endless-206');
    // The opening read stops at 64 KiB; the bytes are not media, so the probe finds nothing to validate.
    expect(facts.mediaBytesDownloaded).toBeLessThan(MAX_BYTES);
    expect(report.media?.unreadable).not.toBeNull();
  });

  it('a Content-Length longer than the body (connection closed early) → url-truncated', async () => {
    server.route('/short-body', {
      raw: (socket) => {
        socket.end(Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: ${clip.length * 2}\r\n\r\n`), Buffer.from(clip)]));
      },
    });
    const { report } = await hostile('/short-body');
    expect(codes(report)).toContain('url-truncated');
    expect(report.issues.find((i) => i.code === 'url-truncated')!.platformError).toBe('FAILED_DOWNLOADING_VIDEO');
  });

  it('a 206 that stops before its Content-Range end → url-truncated', async () => {
    server.route('/short-206', {
      raw: (socket) => {
        socket.end(Buffer.concat([Buffer.from('HTTP/1.1 206 Partial Content\r\nContent-Type: video/mp4\r\nContent-Range: bytes 0-65535/200000\r\nContent-Length: 65536\r\n\r\n'), Buffer.from(clip.subarray(0, 1000))]));
      },
    });
    const { report } = await hostile('/short-206');
    expect(codes(report)).toContain('url-truncated');
  });

  it('a Content-Length shorter than the body → url-length-mismatch', async () => {
    server.route('/long-body', {
      raw: (socket) => {
        socket.end(Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: 1000\r\n\r\n'), Buffer.from(clip)]));
      },
    });
    const { report } = await hostile('/long-body');
    expect(codes(report)).toContain('url-length-mismatch');
  });

  it('a Content-Length that disagrees with the Content-Range → url-length-mismatch', async () => {
    server.route('/range-vs-length', {
      raw: (socket) => {
        socket.end(Buffer.concat([Buffer.from('HTTP/1.1 206 Partial Content\r\nContent-Type: video/mp4\r\nContent-Range: bytes 0-65535/200000\r\nContent-Length: 100\r\n\r\n'), Buffer.from(clip.subarray(0, 100))]));
      },
    });
    const { report } = await hostile('/range-vs-length');
    expect(codes(report)).toContain('url-length-mismatch');
  });

  it('a 206 with a Content-Range for other bytes → url-bad-range', async () => {
    server.route('/wrong-range', {
      raw: (socket) => {
        socket.end(Buffer.concat([Buffer.from('HTTP/1.1 206 Partial Content\r\nContent-Type: video/mp4\r\nContent-Range: bytes 100-199/54769\r\nContent-Length: 100\r\n\r\n'), Buffer.from(clip.subarray(100, 200))]));
      },
    });
    const { report } = await hostile('/wrong-range');
    expect(codes(report)).toContain('url-bad-range');
  });

  it('an endless redirect generator → url-too-many-redirects after 5 hops', async () => {
    let n = 0;
    server.route('/gen', {
      raw: (socket) => {
        n++;
        socket.end(`HTTP/1.1 302 Found\r\nLocation: /gen?n=${n}\r\nContent-Length: 0\r\n\r\n`);
      },
    });
    // Routes match on the path, so every /gen?n=… lands on the generator.
    const { report, facts } = await hostile('/gen');
    expect(codes(report)).toContain('url-too-many-redirects');
    expect(facts.mediaRequests).toBe(6);
  });

  it('huge response headers → url-headers-too-large', async () => {
    server.route('/huge-headers', { body: clip, contentType: 'video/mp4', headers: { 'x-padding': 'a'.repeat(64 * 1024) } });
    const { report } = await hostile('/huge-headers');
    expect(codes(report)).toEqual(['url-headers-too-large']);
  });

  it('a connection reset before any answer → url-connection-reset', async () => {
    server.route('/reset', { raw: (socket) => void socket.resetAndDestroy() });
    const { report } = await hostile('/reset');
    expect(codes(report)).toEqual(['url-connection-reset']);
  });

  it('a connection reset in the middle of the body → url-truncated', async () => {
    server.route('/reset-mid-body', {
      raw: (socket) => {
        socket.write(Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: ${clip.length}\r\n\r\n`), Buffer.from(clip.subarray(0, 2000))]));
        setTimeout(() => socket.resetAndDestroy(), 50);
      },
    });
    const { report } = await hostile('/reset-mid-body');
    expect(codes(report)).toContain('url-truncated');
  });

  it('an answer that is not HTTP → url-protocol-error', async () => {
    server.route('/garbage', { raw: (socket) => void socket.end('SSH-2.0-OpenSSH_9.2\r\n\r\n') });
    const { report } = await hostile('/garbage');
    expect(codes(report)).toEqual(['url-protocol-error']);
  });

  it('a closed port → url-connection-refused', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const { report } = await checkUrlDetailed(`http://127.0.0.1:${port}/clip.mp4`, options);
    expect(codes(report)).toEqual(['url-connection-refused']);
  });

  it('a resolver that never answers → url-timeout within timeoutMs', async () => {
    const hanging = (): Promise<never> => new Promise(() => {});
    const started = performance.now();
    const { report } = await checkUrlDetailed('http://slow-dns.example/clip.mp4', { ...options, allowPrivateNetwork: false, resolver: hanging });
    expect(codes(report)).toEqual(['url-timeout']);
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + 1000);
  });

  it("the caller's signal ends a hanging check at once, rejecting with its reason", async () => {
    server.route('/hang', { body: clip, contentType: 'video/mp4', headerDelayMs: 10_000 });
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(new Error('user cancelled')), 200);
    await expect(checkUrlDetailed(server.url('/hang'), { ...options, timeoutMs: 20_000, signal: controller.signal })).rejects.toThrow('user cancelled');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  describe('TLS that never completes', () => {
    let silent: Server;
    const sockets: Socket[] = [];
    beforeAll(async () => {
      // Accepts TCP and then says nothing: the TLS handshake hangs.
      silent = createServer((s) => void sockets.push(s.on('error', () => {})));
      await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    });
    afterAll(async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => silent.close(() => r()));
    });

    it('→ url-timeout within timeoutMs', async () => {
      const port = (silent.address() as AddressInfo).port;
      const started = performance.now();
      const { report } = await checkUrlDetailed(`https://127.0.0.1:${port}/clip.mp4`, options);
      expect(codes(report)).toEqual(['url-timeout']);
      expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + 1000);
    });
  });
});
