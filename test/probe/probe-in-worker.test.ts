import { describe, expect, it } from 'vitest';
// The worker runs compiled code, so this tests the build (npm test builds before running Vitest).
import { probeInWorker } from '../../dist/node.js';
import { fixture } from '../helpers/isobmff-edit.js';

describe('probeInWorker', () => {
  it('returns the same facts as the in-process probe', async () => {
    const info = await probeInWorker('fixtures/isobmff/hevc-hvc1.mp4');
    expect(info.video?.codec).toBe('hevc');
    expect(info.audio?.channels).toBe(1);
  });

  it('gives a timeout result when the budget is too small to finish', async () => {
    const info = await probeInWorker(fixture('h264-aac.mp4'), { timeoutMs: 1 });
    expect(info.unreadable?.reason).toBe('timeout');
  });

  it('gives a limit-exceeded result when the heap cap is hit, and the host survives', async () => {
    const info = await probeInWorker('fixtures/isobmff/h264-aac.mp4', { maxHeapMb: 2 });
    expect(info.unreadable?.reason).toBe('limit-exceeded');
    expect(info.unreadable?.message).toMatch(/2 MiB/);
  });

  it('rejects I/O failures with the source error code', async () => {
    await expect(probeInWorker('fixtures/isobmff/missing.mp4')).rejects.toMatchObject({ code: 'E_SOURCE_NOT_FOUND' });
  });
});
