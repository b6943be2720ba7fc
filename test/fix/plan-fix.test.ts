import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planFix } from '../../src/fix/plan-fix.js';
import { required } from '../../src/targets/limit-helpers.js';
import { extendTarget, resolveTarget } from '../../src/targets/targets.js';
import { preflight } from '../../src/validate/preflight.js';
import { argValue, fixture, makeClip, planFor, tempDir } from './fix-test-helpers.js';

const threads = resolveTarget('threads');
const src = { url: 'https://example.test/spec', retrieved: '2026-11' };
const native = { engine: 'native' as const };

describe('planFix: containers and remux', () => {
  it('moves a moov at the end to the front by stream copy', async () => {
    const { report, plan } = await planFor('isobmff/h264-moov-end.mp4', 'threads', native);
    expect(report.issues.map((i) => i.code)).toContain('moov-not-at-front');
    expect(plan.action).toBe('remux');
    expect(argValue(plan.args, '-c:v')).toBe('copy');
    expect(argValue(plan.args, '-c:a')).toBe('copy');
    expect(argValue(plan.args, '-movflags')).toContain('+faststart');
    expect(plan.steps.flatMap((s) => s.why)).toContain('moov-not-at-front');
    expect(plan.args[plan.args.length - 1]).toBe('{output}');
    expect(argValue(plan.args, '-i')).toBe('{input}');
  });

  it('rewraps MPEG-TS with H.264 + AAC into MP4 without re-encoding and without an edit list', async () => {
    const { plan } = await planFor('container/h264-aac.ts', 'threads', native);
    expect(plan.action).toBe('remux');
    expect(argValue(plan.args, '-c:v')).toBe('copy');
    expect(argValue(plan.args, '-use_editlist')).toBe('0');
    expect(argValue(plan.args, '-f')).toBe('mp4');
  });

  it('rewraps MKV with H.264 + AAC when the streams pass (a target without a frame-rate rule)', async () => {
    const target = extendTarget('threads', { id: 'threads-any-fps', video: { frameRate: undefined } });
    const { plan } = await planFor('container/h264-aac.mkv', target, native);
    expect(plan.action).toBe('remux');
    expect(plan.streams).toEqual({ video: 'copy', audio: 'copy' });
    expect(plan.steps[0]!.why).toContain('video-format');
  });

  it('re-encodes the track a real edit list applies to, never -ignore_editlist', async () => {
    const skip = await planFor('isobmff/h264-editlist-ss.mp4', 'threads', native);
    expect(skip.plan.streams).toEqual({ video: 'encode', audio: 'encode' });
    const empty = await planFor('isobmff/h264-editlist-empty.mp4', 'threads', native);
    // Only the video track of this file carries the empty edit; its audio is copied.
    expect(empty.plan.streams).toEqual({ video: 'encode', audio: 'copy' });
    for (const p of [skip.plan, empty.plan]) {
      expect(p.args).not.toContain('-ignore_editlist');
      expect(p.steps.flatMap((s) => s.why)).toContain('edit-list');
    }
  });
});

describe('planFix: re-encoding', () => {
  it('transcodes WebM VP9 + Opus to H.264 + AAC', async () => {
    const { plan } = await planFor('container/vp9-opus.webm', 'threads', native);
    expect(plan.action).toBe('transcode');
    expect(argValue(plan.args, '-c:v')).toBe('libx264');
    expect(argValue(plan.args, '-c:a')).toBe('aac');
    expect(argValue(plan.args, '-pix_fmt')).toBe('yuv420p');
    expect(argValue(plan.args, '-profile:v')).toBe('high');
    expect(argValue(plan.args, '-x264-params')).toBe('open-gop=0');
    expect(argValue(plan.args, '-ar')).toBe('48000');
  });

  it('transcodes ProRes 4:2:2 10-bit with PCM in MOV, to 8-bit 4:2:0', async () => {
    const { plan } = await planFor('isobmff/prores.mov', 'threads', native);
    expect(plan.action).toBe('transcode');
    expect(argValue(plan.args, '-pix_fmt')).toBe('yuv420p');
    expect(plan.steps.flatMap((s) => s.why)).toEqual(expect.arrayContaining(['video-codec', 'chroma-subsampling', 'audio-codec']));
  });

  it('re-encodes only the audio of H.264 + MP3, copying the video', async () => {
    const { plan } = await planFor('isobmff/h264-mp3.mp4', 'threads', native);
    expect(plan.action).toBe('transcode-audio');
    expect(argValue(plan.args, '-c:v')).toBe('copy');
    expect(argValue(plan.args, '-c:a')).toBe('aac');
  });

  it('downmixes 5.1 to stereo and resamples 96 kHz to 48 kHz', async () => {
    const surround = await planFor('isobmff/h264-aac-51.mp4', 'threads', native);
    expect(surround.plan.action).toBe('transcode-audio');
    expect(argValue(surround.plan.args, '-ac')).toBe(String(threads.video!.channels!.value.max));
    const hiRate = await planFor('isobmff/h264-aac-96k.mp4', 'threads', native);
    expect(hiRate.plan.action).toBe('transcode-audio');
    expect(argValue(hiRate.plan.args, '-ar')).toBe(String(threads.video!.sampleRate!.value.max));
  });

  it('brings 120 fps down to 60, the largest common rate the target allows', async () => {
    const { plan } = await planFor('isobmff/h264-120fps.mp4', 'threads', native);
    expect(plan.action).toBe('transcode-video');
    expect(argValue(plan.args, '-r')).toBe(String(threads.video!.frameRate!.value.max));
    expect(argValue(plan.args, '-c:a')).toBe('copy');
  });

  it('scales 2560x1440 to the target width keeping the aspect ratio', async () => {
    const { plan } = await planFor('isobmff/h264-2560w.mp4', 'threads', native);
    const maxWidth = threads.video!.width!.value.max!;
    expect(argValue(plan.args, '-vf')).toContain(`scale=${maxWidth}:${(1440 * maxWidth) / 2560}`);
    expect(argValue(plan.args, '-vf')).toContain('setsar=1');
  });

  it('scales a rotated video by its displayed size', async () => {
    const narrow = extendTarget('threads', { id: 'narrow', video: { width: required({ max: 160 }, src) } });
    const { report, plan } = await planFor('isobmff/h264-rotated-90.mp4', narrow, native);
    const v = report.media!.video!;
    expect([v.displayWidth, v.displayHeight]).toEqual([180, 320]);
    // 180 → 160 wide; the height follows, rounded down to even.
    expect(argValue(plan.args, '-vf')).toContain(`scale=160:${Math.floor((320 * 160) / 180 / 2) * 2}`);
  });

  it('deinterlaces interlaced video with yadif', async () => {
    const { plan } = await planFor('isobmff/h264-interlaced.mp4', 'threads', native);
    expect(plan.action).toBe('transcode-video');
    expect(argValue(plan.args, '-vf')!.split(',')[0]).toBe('yadif');
  });

  it('turns 4:2:2 into 4:2:0', async () => {
    const { plan } = await planFor('isobmff/h264-422.mp4', 'threads', native);
    expect(plan.action).toBe('transcode-video');
    expect(argValue(plan.args, '-pix_fmt')).toBe('yuv420p');
    expect(plan.steps.flatMap((s) => s.why)).toContain('chroma-subsampling');
  });

  it('closes open GOPs with a 2-second keyframe interval', async () => {
    const { plan } = await planFor('isobmff/h264-open-gop.mp4', 'threads', native);
    expect(plan.action).toBe('transcode-video');
    expect(argValue(plan.args, '-x264-params')).toBe('open-gop=0');
    expect(argValue(plan.args, '-g')).toBe(String(2 * 30));
  });

  it('uses the preset and thread count asked for', async () => {
    const { plan } = await planFor('isobmff/h264-422.mp4', 'threads', { engine: 'native', preset: 'ultrafast', threads: 2 });
    expect(argValue(plan.args, '-preset')).toBe('ultrafast');
    expect(argValue(plan.args, '-threads')).toBe('2');
    const wasm = await planFor('isobmff/h264-422.mp4', 'threads', { engine: 'wasm' });
    expect(argValue(wasm.plan.args, '-preset')).toBe('veryfast');
    expect(argValue(wasm.plan.args, '-threads')).toBe('1');
    expect(argValue(wasm.plan.args, '-loglevel')).toBe('info');
  });

  it('caps the bitrate under the target maximum', async () => {
    const { plan } = await planFor('isobmff/h264-301s.mp4', 'instagram-reels', native);
    expect(plan.streams.video).toBe('encode');
    const cap = resolveTarget('instagram-reels').video!.videoBitrate!.value.max!;
    expect(Number(argValue(plan.args, '-maxrate'))).toBeLessThan(cap);
    expect(Number(argValue(plan.args, '-bufsize'))).toBeGreaterThan(0);
  });
});

describe('planFix: duration', () => {
  it('trims a 301 s file to the 300 s maximum, frame-exact when the video is re-encoded anyway', async () => {
    const { report, plan } = await planFor('isobmff/h264-301s.mp4', 'threads', native);
    expect(report.issues.map((i) => i.code)).toContain('duration-exceed');
    expect(argValue(plan.args, '-t')).toBe(String(threads.video!.duration!.value.max));
    expect(plan.trim).toEqual({ seconds: 300, exact: true });
    expect(plan.expectedSeconds).toBe(300);
  });

  it('trims by stream copy, a few frames short, when that loses little; exactly when the limit is tight', async () => {
    const dir = tempDir();
    const clip = makeClip(join(dir, 'clip-24s.mp4'), 24);
    const roomy = extendTarget('threads', { id: 'max-20', video: { duration: required({ max: 20 }, src) } });
    const copy = planFix(await preflight(clip, { target: roomy }), roomy, native);
    expect(copy.action).toBe('trim');
    expect(copy.streams).toEqual({ video: 'copy', audio: 'copy' });
    expect(copy.trim!.exact).toBe(false);
    const t = Number(argValue(copy.args, '-t'));
    expect(t).toBeLessThan(20);
    expect(t).toBeGreaterThan(19.5);

    const tight = extendTarget('threads', { id: 'max-1-5', video: { duration: required({ max: 1.5 }, src) } });
    const exact = await planFor('isobmff/h264-aac.mp4', tight, native);
    expect(exact.plan.trim).toEqual({ seconds: 1.5, exact: true });
    expect(exact.plan.streams).toEqual({ video: 'encode', audio: 'encode' });
    expect(argValue(exact.plan.args, '-t')).toBe('1.5');
  });
});

describe('planFix: images', () => {
  it('converts WebP to JPEG for a JPEG-only target and to PNG for a lossless WebP where PNG is allowed', async () => {
    const lossy = await planFor('image/webp-lossy-100x70.webp', 'instagram-story', native);
    expect(lossy.plan.action).toBe('convert-image');
    expect(lossy.plan.outputExtension).toBe('jpg');
    expect(argValue(lossy.plan.args, '-c:v')).toBe('mjpeg');
    const lossless = await planFor('image/webp-lossless-60x44.webp', 'threads', native);
    expect(lossless.plan.outputExtension).toBe('png');
    expect(argValue(lossless.plan.args, '-c:v')).toBe('png');
  });

  it('leaves an oversized JPEG alone when its width is only a warning', async () => {
    const { report, plan } = await planFor('image/jpeg-big-4000x3000.jpg', 'instagram-feed-image', native);
    expect(report.issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(plan.action).toBe('none');
    expect(plan.args).toEqual([]);
  });

  it('shrinks a JPEG that is too big, and fixes the width warning in the same pass', async () => {
    const small = extendTarget('instagram-feed-image', { id: 'feed-40k', image: { fileSize: required({ max: 40_000 }, src) } });
    const { plan } = await planFor('image/jpeg-big-4000x3000.jpg', small, native);
    expect(plan.action).toBe('convert-image');
    const maxWidth = resolveTarget('instagram-feed-image').image!.width!.value.max!;
    expect(argValue(plan.args, '-vf')).toContain(`scale=${maxWidth}:${(3000 * maxWidth) / 4000}`);
    expect(plan.steps.flatMap((s) => s.why)).toEqual(expect.arrayContaining(['file-size', 'resolution']));
    // A retry after an output still too big shrinks the pixels and lowers the quality.
    const retry = planFix(await preflight(fixture('image/jpeg-big-4000x3000.jpg'), { target: small }), small, { ...native, retry: { attempt: 1, shrink: 0.25 } });
    expect(argValue(retry.args, '-vf')).toContain(`scale=${maxWidth / 2}:${(3000 * maxWidth) / 4000 / 2}`);
    expect(Number(argValue(retry.args, '-q:v'))).toBeGreaterThan(Number(argValue(plan.args, '-q:v')));
  });

  it('applies the EXIF orientation to the pixels', async () => {
    const { plan } = await planFor('image/tiff-be-orientation-6-58x34.tif', 'threads', native);
    expect(argValue(plan.args, '-vf')!.split(',')[0]).toBe('transpose=1');
    expect(plan.args).toContain('-noautorotate');
  });
});

describe('planFix: refusals before any engine loads', () => {
  it('refuses AV1 on wasm as undecodable, and transcodes it natively', async () => {
    const wasm = await planFor('isobmff/av1.mp4', 'threads', { engine: 'wasm' });
    expect(wasm.plan.action).toBe('refuse');
    expect(wasm.plan.refused?.reason).toBe('undecodable');
    expect(wasm.plan.args).toEqual([]);
    const nat = await planFor('isobmff/av1.mp4', 'threads', native);
    expect(nat.plan.action).toBe('transcode-video');
  });

  it('refuses audio-only and non-media files for a video target', async () => {
    for (const f of ['container/tone.m4a', 'container/sample.txt']) {
      const { plan } = await planFor(f, 'instagram-reels', native);
      expect(plan.refused?.reason).toBe('no-video');
    }
  });

  it('refuses a truncated file as unreadable', async () => {
    const dir = tempDir();
    const cut = join(dir, 'cut.mp4');
    copyFileSync(fixture('isobmff/h264-aac.mp4'), cut);
    writeFileSync(cut, readFileSync(cut).subarray(0, 2000));
    const report = await preflight(cut, { target: 'threads' });
    expect(report.ok).toBe(false);
    expect(planFix(report, 'threads', native).refused?.reason).toBe('unreadable');
  });

  it('refuses errors no step can clear, like a clip shorter than the minimum', async () => {
    const { plan } = await planFor('isobmff/h264-short-1s.mp4', 'instagram-reels', native);
    expect(plan.refused?.reason).toBe('not-fixable');
    expect(plan.refused?.message).toContain('duration-too-short');
  });

  it('refuses an input over the wasm size limit, not on native', async () => {
    const report = await preflight(fixture('isobmff/h264-moov-end.mp4'), { target: 'threads' });
    const huge = { ...report, media: { ...report.media!, sizeBytes: 3 * 1024 ** 3 } };
    expect(planFix(huge, 'threads', { engine: 'wasm' }).refused?.reason).toBe('too-large');
    expect(planFix(huge, 'threads', native).action).toBe('remux');
  });

  it('refuses HEIC, which FFmpeg 5.1 cannot read on either engine', async () => {
    const { plan } = await planFor('image/heic-128x96.heic', 'threads', native);
    expect(plan.refused?.reason).toBe('undecodable');
  });
});

describe('planFix: warnings', () => {
  let pcm: Awaited<ReturnType<typeof planFor>>;
  beforeAll(async () => {
    pcm = await planFor('isobmff/h264-pcm.mov', 'threads', native);
  });

  it('does nothing for warnings alone', async () => {
    const { report, plan } = await planFor('isobmff/h264-aac-320k.mp4', 'threads', native);
    expect(report.issues.some((i) => i.code === 'audio-bitrate' && i.severity === 'warning')).toBe(true);
    expect(plan.action).toBe('none');
  });

  it('clears a warning on a stream it re-encodes anyway', () => {
    expect(pcm.report.issues.find((i) => i.code === 'audio-bitrate')?.severity).toBe('warning');
    const audioStep = pcm.plan.steps.find((s) => s.why.includes('audio-codec'))!;
    expect(audioStep.why).toContain('audio-bitrate');
    expect(argValue(pcm.plan.args, '-b:a')).toBe('128k');
  });
});
