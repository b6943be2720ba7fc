import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileSource } from '../../src/sources/file-source.js';
import { MediaSourceError } from '../../src/errors/media-source-error.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mp-file-source-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function openError(path: string): Promise<MediaSourceError> {
  const error = await FileSource.open(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MediaSourceError);
  return error as MediaSourceError;
}

describe('FileSource', () => {
  it('rejects a missing path with E_SOURCE_NOT_FOUND naming the path', async () => {
    const path = join(dir, 'no-such-file.mp4');
    const error = await openError(path);
    expect(error.code).toBe('E_SOURCE_NOT_FOUND');
    expect(error.message).toContain(path);
    expect(error.input).toBe(path);
  });

  it('rejects a directory with E_SOURCE_IS_DIRECTORY', async () => {
    const error = await openError(dir);
    expect(error.code).toBe('E_SOURCE_IS_DIRECTORY');
    expect(error.message).toContain(dir);
  });

  it('rejects a path through a regular file with E_SOURCE_NOT_FOUND', async () => {
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'x');
    expect((await openError(join(file, 'child'))).code).toBe('E_SOURCE_NOT_FOUND');
  });

  it('rejects a device that is not a regular file with E_SOURCE_IO', async () => {
    expect((await openError('/dev/null')).code).toBe('E_SOURCE_IO');
  });

  it('opens an empty file as size 0 whose reads are empty', async () => {
    const path = join(dir, 'empty.mp4');
    writeFileSync(path, new Uint8Array(0));
    const source = await FileSource.open(path);
    expect(source.size).toBe(0);
    expect((await source.read(0, 100)).length).toBe(0);
    expect((await source.read(50, 1)).length).toBe(0);
    await source.close();
  });

  it('opens a file: URL and reads fresh buffers, not views of a shared one', async () => {
    const path = join(process.cwd(), 'package.json');
    const expected = readFileSync(path);
    const source = await FileSource.open(pathToFileURL(path));
    expect(source.size).toBe(expected.length);
    const first = await source.read(0, 10);
    const second = await source.read(0, 10);
    expect(Buffer.from(first).equals(expected.subarray(0, 10))).toBe(true);
    first[0] = first[0]! ^ 0xff;
    expect(second[0]).toBe(expected[0]);
    await source.close();
  });

  it('closes idempotently and refuses reads after close', async () => {
    const path = join(dir, 'closing.bin');
    writeFileSync(path, new Uint8Array(100));
    const source = await FileSource.open(path);
    await source.close();
    await source.close();
    const error = await source.read(0, 10).catch((e: unknown) => e);
    expect((error as MediaSourceError).code).toBe('E_SOURCE_CLOSED');
  });

  it('rejects with an AbortError when the signal has aborted', async () => {
    const path = join(dir, 'abort.bin');
    writeFileSync(path, new Uint8Array(100));
    const source = await FileSource.open(path);
    await expect(source.read(0, 10, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
    await source.close();
  });

  it('is the only source module that imports node:fs, so browsers never load it', () => {
    const sourcesDir = join(process.cwd(), 'src', 'sources');
    for (const file of readdirSync(sourcesDir).filter((f) => f !== 'file-source.ts')) {
      const text = readFileSync(join(sourcesDir, file), 'utf8');
      expect(text, file).not.toMatch(/from\s+['"](node:)?fs(\/promises)?['"]/);
      expect(text, file).not.toMatch(/^import[^;]*['"]\.\/file-source\.js['"]/m);
    }
  });
});
