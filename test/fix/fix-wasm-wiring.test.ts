import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fix } from '../../src/fix/fix.js';
import { ffprobe } from '../helpers/ffprobe.js';
import { fixture, tempDir, topLevelBoxes, videoPacketSizes } from './fix-test-helpers.js';

/**
 * fix() reaches the wasm Node engine through its lazy loader (the engine itself is tested in
 * wasm-*.test.ts): one remux and one audio re-encode, each judged by the validator and ffprobe.
 */
describe('fix() with the wasm engine', () => {
  it('remuxes a moov-at-end MP4, copying the video packets', async () => {
    const out = join(tempDir(), 'wasm-remux.mp4');
    const result = await fix(fixture('isobmff/h264-moov-end.mp4'), { target: 'threads', engine: 'wasm', output: out });
    expect(result).toMatchObject({ ok: true, engine: 'wasm', output: out });
    expect(result.plan.action).toBe('remux');
    expect(videoPacketSizes(out)).toEqual(videoPacketSizes(fixture('isobmff/h264-moov-end.mp4')));
    const boxes = topLevelBoxes(out);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
  });

  it('re-encodes MP3 audio to AAC 48 kHz', async () => {
    const out = join(tempDir(), 'wasm-audio.mp4');
    const result = await fix(fixture('isobmff/h264-mp3.mp4'), { target: 'threads', engine: 'wasm', output: out });
    expect(result.ok).toBe(true);
    expect(result.plan.args[result.plan.args.indexOf('-threads') + 1]).toBe('1');
    const audio = ffprobe(out).streams.find((s) => s.codec_type === 'audio')!;
    expect([audio.codec_name, audio.sample_rate]).toEqual(['aac', '48000']);
  });
});
