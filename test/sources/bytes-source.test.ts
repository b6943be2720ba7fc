import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { BytesSource } from '../../src/sources/bytes-source.js';
import { MediaSourceError } from '../../src/errors/media-source-error.js';

describe('BytesSource', () => {
  it('returns views into the caller memory, not copies', async () => {
    const bytes = new Uint8Array(randomBytes(1000));
    const source = new BytesSource(bytes);
    const view = await source.read(100, 10);
    expect(view.buffer).toBe(bytes.buffer);
    bytes[105] = bytes[105]! ^ 0xff;
    expect(view[5]).toBe(bytes[105]);
  });

  it('reads an ArrayBuffer and a typed-array view with an offset', async () => {
    const backing = new Uint8Array(randomBytes(64));
    expect(Array.from(await new BytesSource(backing.buffer).read(60, 10))).toEqual(Array.from(backing.subarray(60)));
    // A DataView over bytes 16..48 of the buffer: offset 0 of the source is byte 16.
    const view = new DataView(backing.buffer, backing.byteOffset + 16, 32);
    const source = new BytesSource(view);
    expect(source.size).toBe(32);
    expect(Array.from(await source.read(0, 4))).toEqual(Array.from(backing.subarray(16, 20)));
    expect(Array.from(await source.read(30, 10))).toEqual(Array.from(backing.subarray(46, 48)));
  });

  it('clamps reads past the end and names itself', async () => {
    const source = new BytesSource(new Uint8Array(10), 'clip.mp4');
    expect(source.name).toBe('clip.mp4');
    expect(new BytesSource(new Uint8Array(1)).name).toBe('bytes');
    expect((await source.read(8, 100)).length).toBe(2);
    expect((await source.read(50, 100)).length).toBe(0);
  });

  it('rejects negative or fractional offsets as misuse', async () => {
    const source = new BytesSource(new Uint8Array(10));
    for (const [offset, length] of [[-1, 2], [0, -1], [1.5, 2], [Number.NaN, 1]] as const) {
      const error = await source.read(offset, length).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MediaSourceError);
      expect((error as MediaSourceError).code).toBe('E_SOURCE_BAD_ARGUMENT');
    }
  });

  it('rejects with an AbortError when the signal has aborted', async () => {
    const source = new BytesSource(new Uint8Array(10));
    await expect(source.read(0, 1, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
  });
});
