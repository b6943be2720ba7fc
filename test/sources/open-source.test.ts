import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMediaSource, openSource } from '../../src/sources/open-source.js';
import { BytesSource } from '../../src/sources/bytes-source.js';
import { BlobSource } from '../../src/sources/blob-source.js';
import { FileSource } from '../../src/sources/file-source.js';
import { UrlSource } from '../../src/sources/url-source.js';
import { MediaSourceError } from '../../src/errors/media-source-error.js';
import { startHttpTestServer, type HttpTestServer } from '../helpers/http-test-server.js';

const path = join(process.cwd(), 'package.json');
const expected = readFileSync(path);
let server: HttpTestServer;

beforeAll(async () => {
  server = await startHttpTestServer();
  server.route('/package.json', { body: expected, contentType: 'application/json' });
});
afterAll(async () => {
  await server.close();
});

async function firstBytes(input: Parameters<typeof openSource>[0]) {
  const source = await openSource(input);
  const bytes = await source.read(0, 16);
  await source.close?.();
  return { source, same: Buffer.from(bytes).equals(expected.subarray(0, 16)) };
}

describe('openSource', () => {
  it.each([
    ['a Uint8Array', () => new Uint8Array(expected), BytesSource],
    ['an ArrayBuffer', () => new Uint8Array(expected).buffer, BytesSource],
    ['a DataView', () => new DataView(new Uint8Array(expected).buffer), BytesSource],
    ['a Blob', () => new Blob([expected]), BlobSource],
    ['a File', () => new File([expected], 'package.json'), BlobSource],
    ['a path', () => path, FileSource],
    ['a file: URL', () => pathToFileURL(path), FileSource],
    ['a file: URL string', () => pathToFileURL(path).href, FileSource],
    ['an http URL string', () => server.url('/package.json'), UrlSource],
    ['an http URL object', () => new URL(server.url('/package.json')), UrlSource],
  ] as const)('opens %s', async (_label, make, kind) => {
    const { source, same } = await firstBytes(make());
    expect(source).toBeInstanceOf(kind);
    expect(source.size).toBe(expected.length);
    expect(same).toBe(true);
  });

  it('uses an object that is already a source as is', async () => {
    const existing = new BytesSource(expected);
    expect(await openSource(existing)).toBe(existing);
  });

  it('passes URL options through', async () => {
    const source = await openSource(server.url('/package.json'), { userAgent: 'open-source-test' });
    expect((source as UrlSource).contentType).toBe('application/json');
    expect(server.requestsTo('/package.json').at(-1)!.headers['user-agent']).toBe('open-source-test');
  });

  it('rejects other URL schemes with E_SOURCE_UNSUPPORTED', async () => {
    for (const input of ['ftp://example.com/a.mp4', new URL('data:video/mp4;base64,AAAA')]) {
      const error = await openSource(input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MediaSourceError);
      expect((error as MediaSourceError).code).toBe('E_SOURCE_UNSUPPORTED');
    }
  });

  it('reports a missing path through FileSource', async () => {
    const error = await openSource(join(process.cwd(), 'missing.mp4')).catch((e: unknown) => e);
    expect((error as MediaSourceError).code).toBe('E_SOURCE_NOT_FOUND');
  });

  it('explains that file paths need Node when there is no Node', async () => {
    // The runtime check runs synchronously inside openSource, so the stub is gone before anything awaits.
    vi.stubGlobal('process', undefined);
    const pending = openSource('clip.mp4');
    vi.unstubAllGlobals();
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaSourceError);
    expect((error as MediaSourceError).code).toBe('E_SOURCE_UNSUPPORTED');
    expect((error as MediaSourceError).message).toMatch(/only in Node/);
  });

  it('rejects when the signal has aborted', async () => {
    await expect(openSource(new Uint8Array(1), { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('isMediaSource', () => {
  it('accepts objects with a numeric size and a read function only', () => {
    expect(isMediaSource(new BytesSource(new Uint8Array(1)))).toBe(true);
    expect(isMediaSource({ size: 1, name: 'x', read: async () => new Uint8Array(0) })).toBe(true);
    expect(isMediaSource(new Blob([]))).toBe(false);
    expect(isMediaSource(new Uint8Array(1))).toBe(false);
    expect(isMediaSource(null)).toBe(false);
    expect(isMediaSource('a.mp4')).toBe(false);
  });
});
