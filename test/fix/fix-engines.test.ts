import { copyFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FixProgress } from '../../src/fix/engine.js';
import { fix } from '../../src/fix/fix.js';
import type { FixOptions, FixResult } from '../../src/fix/fix-types.js';
import { required } from '../../src/targets/limit-helpers.js';
import { extendTarget, resolveTarget, type TargetInput } from '../../src/targets/targets.js';
import { ffprobe, ratio, type FfprobeResult, type FfprobeStream } from '../helpers/ffprobe.js';
import { fixture, makeClip, tempDir, topLevelBoxes, videoPacketSizes } from './fix-test-helpers.js';

/**
 * fix() end to end with ffmpeg.wasm and with the native engine (CI installs Debian's ffmpeg for
 * the latter and for ffprobe): each output must pass our validator and ffprobe's view of what the
 * platforms ask for. The same cases run on both engines.
 */
type EngineName = 'native' | 'wasm';
let engine: EngineName = 'native';

const src = { url: 'https://example.test/spec', retrieved: '2026-11' };
let dir: string;
beforeAll(() => {
  dir = tempDir();
});

async function run(rel: string, target: TargetInput = 'threads', extra: FixOptions = {}): Promise<{ result: FixResult; probe: FfprobeResult; out: string }> {
  const input = rel.startsWith('/') ? rel : fixture(rel);
  const out = extra.output ?? join(dir, `${rel.replace(/[^a-z0-9.]+/gi, '_')}-${typeof target === 'string' ? target : target.id}.out`);
  const result = await fix(input, { target, engine, preset: 'ultrafast', output: out, ...extra });
  return { result, probe: ffprobe(out), out };
}

const videoOf = (p: FfprobeResult) => p.streams.find((s) => s.codec_type === 'video')!;
const audioOf = (p: FfprobeResult) => p.streams.find((s) => s.codec_type === 'audio');

/** What every video output must be: H.264 4:2:0 8-bit, AAC 1–2 channels, moov before mdat. */
function expectWebMp4(result: FixResult, probe: FfprobeResult, out: string, audio: { sampleRate?: number } = {}): { v: FfprobeStream; a: FfprobeStream | undefined } {
  expect(result.ok).toBe(true);
  expect(result.after?.ok).toBe(true);
  expect(result.output).toBe(out);
  expect(result.engine).toBe(engine);
  const v = videoOf(probe);
  expect(v.codec_name).toBe('h264');
  expect(v.pix_fmt).toBe('yuv420p');
  const a = audioOf(probe);
  if (a) {
    expect(a.codec_name).toBe('aac');
    expect(a.channels).toBeLessThanOrEqual(2);
    if (audio.sampleRate) expect(Number(a.sample_rate)).toBe(audio.sampleRate);
  }
  const boxes = topLevelBoxes(out);
  expect(boxes.indexOf('moov')).toBeGreaterThanOrEqual(0);
  expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
  return { v, a };
}

for (const name of ['native', 'wasm'] as const) {
  describe(`${name} engine`, () => {
    beforeAll(() => {
      engine = name;
    });
    describe(`fix() with the ${name} engine: remux and trim`, () => {
      it('moves the moov to the front by copying the streams, packet for packet', async () => {
        const { result, probe, out } = await run('isobmff/h264-moov-end.mp4');
        expect(result.plan.action).toBe('remux');
        expectWebMp4(result, probe, out);
        expect(videoPacketSizes(out)).toEqual(videoPacketSizes(fixture('isobmff/h264-moov-end.mp4')));
        expect(Number(probe.format.duration)).toBeCloseTo(Number(ffprobe(fixture('isobmff/h264-moov-end.mp4')).format.duration), 2);
      });

      it('rewraps an MKV and writes no edit list', async () => {
        const target = extendTarget('threads', { id: 'threads-any-fps', video: { frameRate: undefined } });
        const { result, probe, out } = await run('container/h264-aac.mkv', target);
        expect(result.plan.action).toBe('remux');
        expectWebMp4(result, probe, out);
        expect(videoPacketSizes(out)).toEqual(videoPacketSizes(fixture('container/h264-aac.mkv')));
        expect(result.after!.media!.tracks.every((t) => t.editList.kind !== 'real')).toBe(true);
      });

      it('trims by stream copy under the maximum, keeping the packets it keeps', async () => {
        const clip = makeClip(join(dir, 'clip-24s.mp4'), 24);
        const target = extendTarget('threads', { id: 'max-20', video: { duration: required({ max: 20 }, src) } });
        const { result, probe, out } = await run(clip, target);
        expect(result.plan.action).toBe('trim');
        expectWebMp4(result, probe, out);
        const duration = Number(probe.format.duration);
        expect(duration).toBeLessThanOrEqual(20);
        expect(duration).toBeGreaterThan(19.5);
        const kept = videoPacketSizes(out);
        expect(kept).toEqual(videoPacketSizes(clip).slice(0, kept.length));
      });

      it('trims a 301 s file to 300 s exactly while fixing its frame rate', async () => {
        const { result, probe, out } = await run('isobmff/h264-301s.mp4');
        expect(result.plan.trim).toEqual({ seconds: 300, exact: true });
        const { v } = expectWebMp4(result, probe, out, { sampleRate: 48_000 });
        expect(Number(probe.format.duration)).toBeLessThanOrEqual(300);
        expect(Number(probe.format.duration)).toBeGreaterThan(299.9);
        expect(ratio(v.r_frame_rate)).toBe(24);
      });

      it('remuxes an MPEG-TS, then re-encodes the frame rate the remux revealed (two passes)', async () => {
        const { result, probe, out } = await run('container/h264-aac.ts');
        expect(result.passes.map((p) => p.plan.action)).toEqual(['remux', 'transcode-video']);
        expect(result.passes[0]!.after.issues.map((i) => i.code)).toContain('frame-rate');
        expectWebMp4(result, probe, out);
        expect(existsSync(`${out}.pass2.mp4`)).toBe(false);
      });
    });

    describe(`fix() with the ${name} engine: re-encoding`, () => {
      it('transcodes VP9 + Opus WebM, reporting monotonic progress that ends at exactly 1', async () => {
        const seen: FixProgress[] = [];
        const { result, probe, out } = await run('container/vp9-opus.webm', 'threads', { onProgress: (p) => seen.push(p) });
        expect(result.plan.action).toBe('transcode');
        const { v } = expectWebMp4(result, probe, out, { sampleRate: 48_000 });
        expect(ratio(v.r_frame_rate)).toBe(24);
        expect(seen.length).toBeGreaterThan(2);
        for (const p of seen) expect(p.ratio).toBeGreaterThanOrEqual(0);
        for (let i = 1; i < seen.length; i++) expect(seen[i]!.ratio).toBeGreaterThanOrEqual(seen[i - 1]!.ratio);
        expect(seen.filter((p) => p.ratio === 1)).toHaveLength(1);
        expect(seen[seen.length - 1]).toEqual({ phase: 'verifying', ratio: 1 });
        expect(seen.map((p) => p.phase)).toEqual(expect.arrayContaining(['loading', 'encoding', 'verifying']));
      });

      it('transcodes ProRes 4:2:2 10-bit + PCM to H.264 High 4:2:0 + AAC', async () => {
        // The default preset: ultrafast turns off the tools that make a stream High profile.
        const { result, probe, out } = await run('isobmff/prores.mov', 'threads', { preset: 'veryfast' });
        const { v } = expectWebMp4(result, probe, out, { sampleRate: 48_000 });
        expect(v.profile).toBe('High');
      });

      it('re-encodes MP3 audio to AAC and copies the video', async () => {
        const { result, probe, out } = await run('isobmff/h264-mp3.mp4');
        expect(result.plan.action).toBe('transcode-audio');
        expectWebMp4(result, probe, out, { sampleRate: 48_000 });
        expect(videoPacketSizes(out)).toEqual(videoPacketSizes(fixture('isobmff/h264-mp3.mp4')));
      });

      it('downmixes 5.1 to stereo and resamples 96 kHz to 48 kHz', async () => {
        const surround = await run('isobmff/h264-aac-51.mp4');
        expect(expectWebMp4(surround.result, surround.probe, surround.out).a?.channels).toBe(2);
        const hi = await run('isobmff/h264-aac-96k.mp4');
        expectWebMp4(hi.result, hi.probe, hi.out, { sampleRate: 48_000 });
      });

      it('brings 120 fps down to 60', async () => {
        const { result, probe, out } = await run('isobmff/h264-120fps.mp4');
        const { v } = expectWebMp4(result, probe, out);
        expect(ratio(v.r_frame_rate)).toBe(60);
        expect(ratio(v.avg_frame_rate)).toBeCloseTo(60, 0);
      });

      it('scales 2560x1440 to 1920x1080', async () => {
        const { result, probe, out } = await run('isobmff/h264-2560w.mp4');
        const { v } = expectWebMp4(result, probe, out);
        expect([v.width, v.height]).toEqual([resolveTarget('threads').video!.width!.value.max, 1080]);
      });

      it('scales a rotated video by its displayed size and writes it upright', async () => {
        const narrow = extendTarget('threads', { id: 'narrow', video: { width: required({ max: 160 }, src) } });
        const { result, probe, out } = await run('isobmff/h264-rotated-90.mp4', narrow);
        const { v } = expectWebMp4(result, probe, out);
        expect([v.width, v.height]).toEqual([160, 284]);
        expect(v.side_data_list?.some((d) => d.rotation)).toBeFalsy();
      });

      it('deinterlaces, and turns 4:2:2 into 4:2:0', async () => {
        const il = await run('isobmff/h264-interlaced.mp4');
        expect(expectWebMp4(il.result, il.probe, il.out).v.field_order).toBe('progressive');
        const chroma = await run('isobmff/h264-422.mp4');
        expectWebMp4(chroma.result, chroma.probe, chroma.out);
      });

      it('re-encodes the tracks a real edit list applies to, leaving none', async () => {
        const { result, probe, out } = await run('isobmff/h264-editlist-ss.mp4');
        expectWebMp4(result, probe, out);
        expect(result.after!.media!.tracks.every((t) => t.editList.kind !== 'real')).toBe(true);
        // The edit hid 0.5 s of a 4 s source: what plays is 3.5 s.
        expect(Number(probe.format.duration)).toBeCloseTo(3.5, 1);
      });

      it('adds a silent AAC track when the target requires audio, copying the video', async () => {
        const needsAudio = extendTarget('threads', { id: 'threads-audio', video: { audioRequired: required(true, src) } });
        const { result, probe, out } = await run('isobmff/h264-no-audio.mp4', needsAudio);
        expect(result.plan.streams).toEqual({ video: 'copy', audio: 'add' });
        const { a } = expectWebMp4(result, probe, out, { sampleRate: 48_000 });
        expect(a).toBeDefined();
        expect(Number(a!.duration)).toBeCloseTo(Number(ffprobe(fixture('isobmff/h264-no-audio.mp4')).format.duration), 1);
        expect(videoPacketSizes(out)).toEqual(videoPacketSizes(fixture('isobmff/h264-no-audio.mp4')));
      });

      // AV1 decodes natively; on wasm it is refused before the core loads (see plan-fix and fix-orchestration tests).
      if (name === 'native') it('transcodes AV1 when the engine is auto (native here), writing next to the input by default', async () => {
        const input = join(dir, 'av1-copy.mp4');
        copyFileSync(fixture('isobmff/av1.mp4'), input);
        const result = await fix(input, { target: 'threads', engine: 'auto', preset: 'ultrafast' });
        expect(result.engine).toBe('native');
        expect(result.output).toBe(join(dir, 'av1-copy.fixed.mp4'));
        expect(result.ok).toBe(true);
        expect(videoOf(ffprobe(result.output!)).codec_name).toBe('h264');
      });
    });

    describe(`fix() with the ${name} engine: images`, () => {
      it('converts WebP to JPEG', async () => {
        const { result, probe } = await run('container/still.webp', 'instagram-story');
        expect(result.ok).toBe(true);
        expect(result.plan.outputExtension).toBe('jpg');
        expect(videoOf(probe).codec_name).toBe('mjpeg');
      });

      it('flattens a transparent PNG onto white for a JPEG-only target', async () => {
        const { result, probe } = await run('image/png-rgba-72x40.png', 'instagram-story');
        expect(result.ok).toBe(true);
        expect(videoOf(probe).codec_name).toBe('mjpeg');
        expect([videoOf(probe).width, videoOf(probe).height]).toEqual([72, 40]);
      });

      it('makes a JPEG fit a small file-size limit, retrying smaller until it does', async () => {
        const limit = 40_000;
        const small = extendTarget('threads', { id: 'threads-40k', image: { ...resolveTarget('threads').image, width: undefined, fileSize: required({ max: limit }, src) } });
        const { result, out } = await run('image/jpeg-big-4000x3000.jpg', small);
        expect(result.ok).toBe(true);
        // Lower quality alone does not shrink this flat picture: the retry scales it down.
        expect(result.passes.length).toBeGreaterThan(1);
        expect(result.passes[0]!.after.ok).toBe(false);
        expect(statSync(out).size).toBeLessThanOrEqual(limit);
      });

      it('refuses HEIC without running anything', async () => {
        const out = join(dir, 'heic.out');
        const result = await fix(fixture('image/heic-128x96.heic'), { target: 'threads', engine, output: out });
        expect(result.ok).toBe(false);
        expect(result.plan.refused?.reason).toBe('undecodable');
        expect(result.engine).toBeNull();
        expect(existsSync(out)).toBe(false);
      });
    });

  });
}
