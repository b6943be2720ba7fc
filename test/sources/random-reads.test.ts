import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MediaSource } from '../../src/sources/source.js';
import { BytesSource } from '../../src/sources/bytes-source.js';
import { BlobSource } from '../../src/sources/blob-source.js';
import { FileSource } from '../../src/sources/file-source.js';
import { UrlSource } from '../../src/sources/url-source.js';
import { openSource } from '../../src/sources/open-source.js';
import { startHttpTestServer, type HttpTestServer, type ServeMode } from '../helpers/http-test-server.js';
import { prng as seededRandom } from '../helpers/bytes.js';

let dir: string;
let server: HttpTestServer;
/** name -> path on disk; expected bytes always come from readFileSync, never from a source. */
const inputs: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mp-sources-'));
  // Real encoder output, 2 s of 160x120 H.264.
  inputs.clip = join(dir, 'clip.mp4');
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=25', '-t', '2',
    '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-y', inputs.clip]);
  // 3 MiB of seeded noise: big enough that most reads miss the 64 KiB opening chunk.
  const random = seededRandom(7);
  const noise = new Uint8Array(3 * 1024 * 1024).map(() => Math.floor(random() * 256));
  inputs.noise = join(dir, 'noise.bin');
  writeFileSync(inputs.noise, noise);
  inputs.lockfile = join(process.cwd(), 'package-lock.json');
  server = await startHttpTestServer();
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

type Opener = (path: string, name: string) => Promise<MediaSource>;

const openers: Record<string, Opener> = {
  BytesSource: async (path) => new BytesSource(readFileSync(path)),
  'BytesSource(ArrayBuffer)': async (path) => new BytesSource(new Uint8Array(readFileSync(path)).buffer),
  'BlobSource(Blob)': async (path) => new BlobSource(new Blob([readFileSync(path)])),
  'BlobSource(File)': async (path) => new BlobSource(new File([readFileSync(path)], 'x.mp4')),
  FileSource: async (path) => FileSource.open(path),
  'openSource(path)': async (path) => openSource(path),
  ...Object.fromEntries(
    (['range', 'ignore-range', 'chunked'] as ServeMode[]).map((mode): [string, Opener] => [
      `UrlSource(${mode})`,
      async (path, name) => {
        const route = `/${mode}/${name}`;
        server.route(route, { body: readFileSync(path), mode });
        return UrlSource.open(server.url(route));
      },
    ]),
  ),
};

describe.each(Object.entries(openers))('%s returns the file bytes', (kind, open) => {
  it.each(['clip', 'noise', 'lockfile'])('at seeded random offsets of %s', async (name) => {
    const path = inputs[name]!;
    const expected = readFileSync(path);
    const source = await open(path, name);
    try {
      expect(source.size).toBe(expected.length);
      const random = seededRandom(name.length * 1000 + kind.length);
      for (let i = 0; i < 40; i++) {
        const offset = Math.floor(random() * (expected.length + 100));
        const length = 1 + Math.floor(random() * (i % 4 === 0 ? 200_000 : 4096));
        const bytes = await source.read(offset, length);
        const start = Math.min(offset, expected.length);
        const want = expected.subarray(start, Math.min(expected.length, offset + length));
        expect(bytes.length, `read(${offset}, ${length})`).toBe(want.length);
        expect(Buffer.from(bytes).equals(want), `read(${offset}, ${length})`).toBe(true);
      }
      // The whole input in one read, and the last byte alone.
      expect(Buffer.from(await source.read(0, expected.length)).equals(expected)).toBe(true);
      expect(Array.from(await source.read(expected.length - 1, 10))).toEqual([expected[expected.length - 1]]);
    } finally {
      await source.close?.();
    }
  });
});
