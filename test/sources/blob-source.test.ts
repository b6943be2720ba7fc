import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { BlobSource } from '../../src/sources/blob-source.js';

describe('BlobSource', () => {
  it('takes its name from a File and says "blob" for a bare Blob', () => {
    expect(new BlobSource(new File([new Uint8Array(3)], 'holiday.mov')).name).toBe('holiday.mov');
    expect(new BlobSource(new Blob([new Uint8Array(3)])).name).toBe('blob');
  });

  it('reads only the asked slice and clamps at the end', async () => {
    const bytes = randomBytes(5000);
    const source = new BlobSource(new Blob([bytes]));
    expect(source.size).toBe(5000);
    expect(Buffer.from(await source.read(4990, 100)).equals(bytes.subarray(4990))).toBe(true);
    expect((await source.read(6000, 10)).length).toBe(0);
  });

  it('rejects with an AbortError when the signal aborts before the slice is read', async () => {
    const source = new BlobSource(new Blob([randomBytes(10)]));
    await expect(source.read(0, 5, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
    const controller = new AbortController();
    const pending = source.read(0, 5, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
