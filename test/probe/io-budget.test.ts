import { describe, expect, it } from 'vitest';
import { probe } from '../../src/index.js';
import { concat, fixture } from '../helpers/isobmff-edit.js';

/** The probe reads the head, the moov and, for fragments, the index and last fragment: never the media. */
describe('bytes and reads per layout', () => {
  it('faststart: one 64 KiB read', async () => {
    const info = await probe(fixture('h264-aac.mp4'));
    expect(info.io.reads).toBe(1);
  });

  it('moov at the end of a file larger than the head: the head, then the moov', async () => {
    // Pad the mdat so the moov lies far past the first 64 KiB.
    const original = fixture('h264-moov-end.mp4');
    const info0 = await probe(original);
    const moov = info0.container.moov!;
    const mdat = info0.container.layout.find((b) => b.type === 'mdat')!;
    const big = concat(original.subarray(0, mdat.offset), withLargerMdat(original.subarray(mdat.offset, mdat.offset + mdat.sizeBytes), 4 << 20), original.subarray(moov.offset));
    const info = await probe(big);
    expect(info.unreadable).toBeNull();
    expect(info.container.faststart).toBe(false);
    expect(info.io.reads).toBeLessThanOrEqual(2);
    expect(info.io.bytesRead).toBeLessThanOrEqual(moov.sizeBytes + 64 * 1024 + 64 * 1024);
  });

  it('fragmented with an mfra index: head, tail, last fragment', async () => {
    const info = await probe(fixture('h264-fragmented.mp4'));
    expect(info.io.reads).toBeLessThanOrEqual(4);
    expect(info.container.fragmented).toBe(true);
    expect(info.durationSeconds).toBeCloseTo(4.0667, 3);
    expect(info.video!.sampleCount).toBe(120);
    expect(info.video!.keyframes!.count).toBe(4);
    expect(info.notes.join(' ')).toMatch(/mfra index/);
  });
});

/** Grows an mdat box by `extra` zero bytes (sample offsets before it stay valid; the moov is after). */
function withLargerMdat(mdat: Uint8Array, extra: number): Uint8Array {
  const out = concat(mdat, new Uint8Array(extra));
  new DataView(out.buffer).setUint32(0, out.length);
  return out;
}
