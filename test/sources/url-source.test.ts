import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UrlSource, URL_PROBE_CHUNK_BYTES } from '../../src/sources/url-source.js';
import { MediaSourceError } from '../../src/errors/media-source-error.js';
import { startHttpTestServer, type HttpTestServer } from '../helpers/http-test-server.js';

let server: HttpTestServer;
const small = randomBytes(300_000);
const big = randomBytes(50 * 1024 * 1024);

beforeAll(async () => {
  server = await startHttpTestServer();
});
afterAll(async () => {
  await server.close();
});

function same(actual: Uint8Array, expected: Uint8Array): boolean {
  return Buffer.from(actual).equals(Buffer.from(expected));
}

async function rejection(promise: Promise<unknown>): Promise<MediaSourceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MediaSourceError);
  return error as MediaSourceError;
}

describe('UrlSource on a server that honours Range', () => {
  it('opens and reads the first 64 KiB with one request, then one request per uncached read', async () => {
    server.route('/range/a', { body: small });
    const source = await UrlSource.open(server.url('/range/a'));
    expect(source.size).toBe(small.length);
    expect(source.rangeSupported).toBe(true);
    expect(source.status).toBe(206);
    expect(source.contentType).toBe('application/octet-stream');
    expect(same(await source.read(0, URL_PROBE_CHUNK_BYTES), small.subarray(0, URL_PROBE_CHUNK_BYTES))).toBe(true);
    expect(source.requests).toBe(1);
    expect(server.requestsTo('/range/a')).toHaveLength(1);
    expect(server.requestsTo('/range/a')[0]!.range).toBe('bytes=0-65535');

    expect(same(await source.read(100_000, 5000), small.subarray(100_000, 105_000))).toBe(true);
    expect(source.requests).toBe(2);
    expect(same(await source.read(10, 100), small.subarray(10, 110))).toBe(true);
    expect(source.requests).toBe(2);
    expect(same(await source.read(200_000, 200_000), small.subarray(200_000))).toBe(true);
    expect(source.requests).toBe(3);
    const served = server.requestsTo('/range/a');
    expect(served.map((r) => r.range)).toEqual(['bytes=0-65535', 'bytes=100000-104999', 'bytes=200000-299999']);
    expect(served.map((r) => r.status)).toEqual([206, 206, 206]);
  });

  it('needs no further request when the whole resource fits in the first chunk', async () => {
    server.route('/range/tiny', { body: small.subarray(0, 1000) });
    const source = await UrlSource.open(server.url('/range/tiny'));
    expect(source.size).toBe(1000);
    expect(same(await source.read(500, 10_000), small.subarray(500, 1000))).toBe(true);
    expect(source.requests).toBe(1);
  });

  it('opens an empty resource (416 with bytes */0) as size 0', async () => {
    server.route('/range/empty', { body: new Uint8Array(0) });
    const source = await UrlSource.open(server.url('/range/empty'));
    expect(source.size).toBe(0);
    expect(server.requestsTo('/range/empty')[0]!.status).toBe(416);
    expect((await source.read(0, 100)).length).toBe(0);
    expect(source.requests).toBe(1);
  });

  it('clamps when the resource shrank after opening (416 or a 206 ending early)', async () => {
    server.route('/range/shrinks', { body: small });
    const source = await UrlSource.open(server.url('/range/shrinks'));
    server.route('/range/shrinks', { body: small.subarray(0, 100_000) });
    expect((await source.read(150_000, 1000)).length).toBe(0);
    expect(server.requestsTo('/range/shrinks').at(-1)!.status).toBe(416);
    expect(same(await source.read(90_000, 20_000), small.subarray(90_000, 100_000))).toBe(true);
  });

  it('follows a redirect chain and reports the final URL', async () => {
    server.route('/redirect/1', { redirectTo: '/redirect/2' });
    server.route('/redirect/2', { redirectTo: '/redirect/final' });
    server.route('/redirect/final', { body: small });
    const source = await UrlSource.open(server.url('/redirect/1'));
    expect(source.finalUrl).toBe(server.url('/redirect/final'));
    expect(source.size).toBe(small.length);
    expect(source.requests).toBe(1);
    expect(server.requestsTo('/redirect/1').map((r) => r.status)).toEqual([302]);
    expect(server.requestsTo('/redirect/2').map((r) => r.status)).toEqual([302]);
    expect(server.requestsTo('/redirect/final').map((r) => r.range)).toEqual(['bytes=0-65535']);
  });

  it('sends the caller headers, the user agent and asks for an uncompressed body', async () => {
    server.route('/range/headers', { body: small });
    await UrlSource.open(server.url('/range/headers'), {
      headers: { authorization: 'Bearer t0ken' },
      userAgent: 'media-preflight-test/1',
    });
    const { headers } = server.requestsTo('/range/headers')[0]!;
    expect(headers.authorization).toBe('Bearer t0ken');
    expect(headers['user-agent']).toBe('media-preflight-test/1');
    expect(headers['accept-encoding']).toBe('identity');
  });

  it('uses the fetch it is given for every request', async () => {
    server.route('/range/custom-fetch', { body: small });
    const seen: string[] = [];
    const countingFetch: typeof fetch = (input, init) => {
      seen.push(new Headers(init?.headers).get('range') ?? '');
      return fetch(input, init);
    };
    const source = await UrlSource.open(server.url('/range/custom-fetch'), { fetch: countingFetch });
    await source.read(150_000, 10);
    expect(seen).toEqual(['bytes=0-65535', 'bytes=150000-150009']);
    expect(source.requests).toBe(2);
  });

  it('rejects a 206 whose Content-Range is not the range asked', async () => {
    server.route('/range/wrong', { body: small, mode: 'wrong-range' });
    const source = await UrlSource.open(server.url('/range/wrong'));
    const error = await rejection(source.read(100_000, 100));
    expect(error.code).toBe('E_SOURCE_BAD_RANGE');
    expect(error.status).toBe(206);
  });

  it('reads no further than asked when a 206 body runs past the range', async () => {
    server.route('/range/overlong', { body: big, mode: 'overlong-range' });
    const source = await UrlSource.open(server.url('/range/overlong'));
    expect(source.size).toBe(big.length);
    expect(same(await source.read(1_000_000, 1000), big.subarray(1_000_000, 1_001_000))).toBe(true);
    await server.settled();
    for (const served of server.requestsTo('/range/overlong')) {
      expect(served.completed).toBe(false);
      expect(served.bytesSent).toBeLessThan(big.length / 4);
    }
  });
});

describe('UrlSource on a server that ignores Range', () => {
  it('opens a 50 MB body without downloading it', async () => {
    server.route('/ignore/big', { body: big, mode: 'ignore-range' });
    const source = await UrlSource.open(server.url('/ignore/big'));
    expect(source.rangeSupported).toBe(false);
    expect(source.status).toBe(200);
    expect(source.size).toBe(big.length);
    expect(same(await source.read(0, URL_PROBE_CHUNK_BYTES), big.subarray(0, URL_PROBE_CHUNK_BYTES))).toBe(true);
    expect(source.requests).toBe(1);
    await server.settled();
    const [served] = server.requestsTo('/ignore/big');
    expect(served!.completed).toBe(false);
    expect(served!.bytesSent).toBeLessThan(big.length / 4);
  });

  it('re-downloads from 0 for later reads, keeping the prefix so repeated reads are free', async () => {
    server.route('/ignore/small', { body: small, mode: 'ignore-range' });
    const source = await UrlSource.open(server.url('/ignore/small'));
    expect(same(await source.read(100_000, 100), small.subarray(100_000, 100_100))).toBe(true);
    expect(source.requests).toBe(2);
    expect(same(await source.read(70_000, 100), small.subarray(70_000, 70_100))).toBe(true);
    expect(source.requests).toBe(2);
    expect(server.requestsTo('/ignore/small').map((r) => r.status)).toEqual([200, 200]);
  });

  it('refuses a read that would download more than maxBytes, without a request', async () => {
    server.route('/ignore/bounded', { body: small, mode: 'ignore-range' });
    const source = await UrlSource.open(server.url('/ignore/bounded'), { maxBytes: 100_000 });
    expect(same(await source.read(90_000, 10_000), small.subarray(90_000, 100_000))).toBe(true);
    const requests = source.requests;
    const error = await rejection(source.read(250_000, 10));
    expect(error.code).toBe('E_SOURCE_RANGE_UNSUPPORTED');
    expect(source.requests).toBe(requests);
  });

  it('buffers a body without Content-Length when it fits under maxBytes', async () => {
    server.route('/chunked/fits', { body: small, mode: 'chunked' });
    const source = await UrlSource.open(server.url('/chunked/fits'), { maxBytes: 1_000_000 });
    expect(source.size).toBe(small.length);
    expect(source.rangeSupported).toBe(false);
    expect(same(await source.read(250_000, 50_000), small.subarray(250_000))).toBe(true);
    expect(source.requests).toBe(1);
  });

  it('rejects a body without Content-Length that exceeds maxBytes, and stops downloading it', async () => {
    server.route('/chunked/big', { body: big, mode: 'chunked' });
    const error = await rejection(UrlSource.open(server.url('/chunked/big'), { maxBytes: 1_000_000 }));
    expect(error.code).toBe('E_SOURCE_NO_LENGTH');
    expect(error.status).toBe(200);
    await server.settled();
    const [served] = server.requestsTo('/chunked/big');
    expect(served!.completed).toBe(false);
    expect(served!.bytesSent).toBeLessThan(big.length / 4);
  });
});

describe('UrlSource errors', () => {
  it.each([403, 404, 500])('rejects HTTP %i with E_SOURCE_HTTP and the status', async (status) => {
    server.route(`/status/${status}`, { status });
    const error = await rejection(UrlSource.open(server.url(`/status/${status}`)));
    expect(error.code).toBe('E_SOURCE_HTTP');
    expect(error.status).toBe(status);
    expect(error.message).toContain(String(status));
  });

  it('keeps a presigned query out of its name and error messages', async () => {
    server.route('/status/signed', { status: 403 });
    const error = await rejection(UrlSource.open(server.url('/status/signed?X-Amz-Signature=s3cr3t')));
    expect(error.message).not.toContain('s3cr3t');
    expect(error.input).toBe(server.url('/status/signed') + '?…');
  });

  it('reports a refused connection as E_SOURCE_NETWORK', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await rejection(UrlSource.open(`http://127.0.0.1:${port}/x`));
    expect(error.code).toBe('E_SOURCE_NETWORK');
    expect(error.status).toBeUndefined();
  });

  it('refuses URLs that are not http(s)', async () => {
    expect((await rejection(UrlSource.open('ftp://127.0.0.1/x'))).code).toBe('E_SOURCE_UNSUPPORTED');
    expect((await rejection(UrlSource.open('not a url'))).code).toBe('E_SOURCE_BAD_ARGUMENT');
  });
});

describe('UrlSource aborts and timeouts', () => {
  it('rejects a read with an AbortError promptly when its signal aborts while waiting for headers', async () => {
    server.route('/slow/headers', { body: small });
    const source = await UrlSource.open(server.url('/slow/headers'));
    server.route('/slow/headers', { body: small, headerDelayMs: 10_000 });
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 50);
    await expect(source.read(200_000, 100, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('rejects a read with an AbortError promptly when its signal aborts mid-body', async () => {
    server.route('/slow/body', { body: small });
    const source = await UrlSource.open(server.url('/slow/body'));
    server.route('/slow/body', { body: small, chunkSize: 1024, chunkDelayMs: 10_000 });
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 100);
    await expect(source.read(100_000, 50_000, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('rejects at once when the signal has already aborted, without a request', async () => {
    server.route('/slow/pre-aborted', { body: small });
    const source = await UrlSource.open(server.url('/slow/pre-aborted'));
    await expect(source.read(200_000, 10, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
    expect(source.requests).toBe(1);
  });

  it('stops opening when the source signal aborts', async () => {
    server.route('/slow/open', { body: small, headerDelayMs: 10_000 });
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 80);
    await expect(UrlSource.open(server.url('/slow/open'), { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('times out within timeoutMs when the server is slow to answer', async () => {
    server.route('/slow/timeout-headers', { body: small, headerDelayMs: 10_000 });
    const started = performance.now();
    const error = await rejection(UrlSource.open(server.url('/slow/timeout-headers'), { timeoutMs: 300 }));
    const elapsed = performance.now() - started;
    expect(error.code).toBe('E_SOURCE_TIMEOUT');
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(1500);
  });

  it('times out within timeoutMs when the body trickles', async () => {
    server.route('/slow/timeout-body', { body: small, chunkSize: 1024, chunkDelayMs: 100 });
    const started = performance.now();
    const error = await rejection(UrlSource.open(server.url('/slow/timeout-body'), { timeoutMs: 400 }));
    expect(error.code).toBe('E_SOURCE_TIMEOUT');
    expect(performance.now() - started).toBeLessThan(1500);
    await server.settled();
    expect(server.requestsTo('/slow/timeout-body')[0]!.completed).toBe(false);
  });
});
