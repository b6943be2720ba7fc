import { describe, expect, it } from 'vitest';
import { probe } from '../../src/probe/probe.js';
import type { MediaInfo } from '../../src/probe/media-info.js';
import { validate } from '../../src/validate/validate.js';
import { extendTarget, type TargetInput } from '../../src/targets/targets.js';
import { validatePost } from '../../src/validate/post-rules.js';
import { IssueSchema } from '../../src/validate/issue.js';
import { findBox, fixture } from '../helpers/isobmff-edit.js';

const source = { url: 'test', retrieved: 'test' };
const custom = (video: object, image: object = {}) =>
  extendTarget('threads', { id: 'custom', video: video as never, image: image as never });

const cache = new Map<string, Promise<MediaInfo>>();
const media = (path: string) => {
  if (!cache.has(path)) cache.set(path, probe(path.includes('/') ? path : `fixtures/isobmff/${path}`));
  return cache.get(path)!;
};

/** AAC Main instead of AAC-LC: the same ASC with the object type changed, in a real encode. */
async function aacMainVariant(): Promise<MediaInfo> {
  const bytes = fixture('h264-aac.mp4').slice();
  const esds = findBox(bytes, 'esds');
  const asc = bytes.indexOf(0x05, esds + 12) + 2; // DecoderSpecificInfo tag, 1-byte length, then the ASC
  bytes[asc] = (1 << 3) | (bytes[asc]! & 7);
  return probe(bytes);
}

type Case = { code: string; target: TargetInput; fail: string | (() => Promise<MediaInfo>); pass: string; severity?: 'error' | 'warning' };

/** Every rule: one real file that breaks it and one that does not, on Threads and other targets. */
const cases: Case[] = [
  { code: 'video-format', target: 'threads', fail: 'fixtures/container/vp9-opus.webm', pass: 'h264-aac.mp4' },
  { code: 'video-format', target: 'linkedin', fail: 'h264-aac.mov', pass: 'h264-open-gop.mp4' },
  { code: 'video-format', target: 'instagram-reels', fail: 'fixtures/image/png-rgb-80x60.png', pass: 'h264-closed-gop.mp4' },
  { code: 'moov-not-at-front', target: 'threads', fail: 'h264-moov-end.mp4', pass: 'h264-aac.mp4' },
  { code: 'moov-not-at-front', target: 'instagram-reels', fail: 'h264-moov-end.mp4', pass: 'h264-aac.mp4' },
  { code: 'moov-not-at-front', target: 'youtube', fail: 'h264-moov-end.mp4', pass: 'h264-aac.mp4', severity: 'warning' },
  { code: 'edit-list', target: 'threads', fail: 'h264-editlist-empty.mp4', pass: 'h264-aac.mp4' },
  { code: 'edit-list', target: 'instagram-story', fail: 'h264-editlist-ss.mp4', pass: 'h264-aac.mp4' },
  { code: 'edit-list', target: 'youtube', fail: 'h264-editlist-ss.mp4', pass: 'h264-aac.mp4', severity: 'warning' },
  { code: 'video-codec', target: 'threads', fail: 'vp9.mp4', pass: 'hevc-hvc1.mp4' },
  { code: 'video-codec', target: 'threads', fail: 'prores.mov', pass: 'h264-aac.mov' },
  { code: 'video-codec', target: 'tiktok', fail: 'av1.mp4', pass: 'vp9.mp4' },
  { code: 'video-codec', target: 'pinterest', fail: 'mpeg4-part2.mp4', pass: 'hevc-hev1.mp4' },
  { code: 'h264-profile', target: 'youtube', fail: 'h264-444.mp4', pass: 'h264-aac.mp4', severity: 'warning' },
  { code: 'chroma-subsampling', target: 'threads', fail: 'h264-422.mp4', pass: 'h264-aac.mp4' },
  { code: 'chroma-subsampling', target: 'x', fail: 'h264-444.mp4', pass: 'h264-aac.mp4' },
  { code: 'bit-depth', target: custom({ maxBitDepth: { value: 8, severity: 'error', source } }), fail: 'h264-10bit.mp4', pass: 'h264-aac.mp4' },
  { code: 'interlaced', target: 'threads', fail: 'h264-interlaced.mp4', pass: 'h264-aac.mp4' },
  { code: 'interlaced', target: 'facebook-reels', fail: 'h264-interlaced.mp4', pass: 'h264-aac.mp4' },
  { code: 'open-gop', target: 'threads', fail: 'h264-open-gop.mp4', pass: 'h264-closed-gop.mp4' },
  { code: 'open-gop', target: 'x', fail: 'h264-open-gop.mp4', pass: 'h264-closed-gop.mp4' },
  { code: 'keyframe-interval', target: 'facebook-reels', fail: 'h264-301s.mp4', pass: 'h264-aac.mp4', severity: 'warning' },
  { code: 'frame-rate', target: 'threads', fail: 'h264-120fps.mp4', pass: 'h264-24fps.mp4' },
  { code: 'frame-rate', target: 'tiktok', fail: 'h264-301s.mp4', pass: 'h264-24fps.mp4' },
  { code: 'frame-rate', target: 'facebook-reels', fail: 'fixtures/container/vp9-opus.webm', pass: 'h264-24fps.mp4' },
  { code: 'variable-frame-rate', target: 'facebook-reels', fail: 'h264-vfr.mp4', pass: 'h264-aac.mp4' },
  { code: 'resolution', target: 'threads', fail: 'h264-2560w.mp4', pass: 'h264-aac.mp4' },
  { code: 'resolution', target: 'tiktok', fail: 'h264-small-100x100.mp4', pass: 'h264-2560w.mp4' },
  { code: 'resolution', target: 'x', fail: 'h264-2560w.mp4', pass: 'h264-aac.mp4' },
  { code: 'aspect-ratio', target: 'pinterest', fail: 'h264-aspect-3-1.mp4', pass: 'h264-aspect-9-16.mp4' },
  { code: 'aspect-ratio', target: 'youtube-shorts', fail: 'h264-aac.mp4', pass: 'h264-aspect-1-1.mp4' },
  { code: 'aspect-ratio', target: 'instagram-feed-image', fail: 'fixtures/image/jpeg-exif-orientation-6-mm-120x80.jpg', pass: 'fixtures/image/jpeg-baseline-160x120.jpg' },
  { code: 'recommended-aspect-ratio', target: 'threads', fail: 'h264-aac.mp4', pass: 'h264-aspect-9-16.mp4', severity: 'warning' },
  { code: 'non-square-pixels', target: 'x', fail: 'h264-sar-4-3.mp4', pass: 'h264-aac.mp4' },
  { code: 'video-bitrate', target: 'instagram-reels', fail: 'h264-high-bitrate.mp4', pass: 'h264-aac.mp4' },
  { code: 'video-bitrate', target: custom({ videoBitrate: { value: { max: 100_000 }, severity: 'error', source } }), fail: 'h264-aac.mp4', pass: 'h264-small-100x100.mp4' },
  { code: 'audio-missing', target: custom({ audioRequired: { value: true, severity: 'error', source } }), fail: 'h264-no-audio.mp4', pass: 'h264-aac.mp4' },
  { code: 'audio-codec', target: 'threads', fail: 'h264-mp3.mp4', pass: 'h264-aac.mp4' },
  { code: 'audio-codec', target: 'instagram-reels', fail: 'h264-opus.mp4', pass: 'h264-aac.mp4' },
  { code: 'audio-codec', target: 'x', fail: 'h264-pcm.mov', pass: 'h264-aac.mov' },
  { code: 'audio-profile', target: 'x', fail: aacMainVariant, pass: 'h264-aac.mp4' },
  { code: 'audio-sample-rate', target: 'threads', fail: 'h264-aac-96k.mp4', pass: 'h264-aac-22k.mp4' },
  { code: 'audio-sample-rate', target: 'facebook-reels', fail: 'hevc-hvc1.mp4', pass: 'h264-aac.mp4', severity: 'warning' },
  { code: 'audio-channels', target: 'threads', fail: 'h264-aac-51.mp4', pass: 'h264-aac-mono.mp4' },
  { code: 'audio-channels', target: 'x', fail: 'h264-aac-51.mp4', pass: 'h264-aac.mp4' },
  { code: 'audio-bitrate', target: 'threads', fail: 'h264-aac-320k.mp4', pass: 'h264-aac.mp4', severity: 'warning' },
  { code: 'audio-bitrate', target: 'facebook-reels', fail: 'h264-aac.mp4', pass: 'h264-aac-320k.mp4', severity: 'warning' },
  { code: 'duration-exceed', target: 'threads', fail: 'h264-301s.mp4', pass: 'h264-aac.mp4' },
  { code: 'duration-exceed', target: 'instagram-reels', fail: 'h264-901s.mp4', pass: 'h264-301s.mp4' },
  { code: 'duration-exceed', target: 'x', fail: 'h264-301s.mp4', pass: 'h264-aac.mp4' },
  { code: 'duration-too-short', target: 'instagram-reels', fail: 'h264-aac.mp4', pass: 'h264-closed-gop.mp4' },
  { code: 'duration-too-short', target: 'linkedin', fail: 'h264-aac.mp4', pass: 'h264-open-gop.mp4' },
  { code: 'file-size', target: custom({ fileSize: { value: { max: 50_000 }, severity: 'error', source } }), fail: 'h264-aac.mp4', pass: 'h264-short-1s.mp4' },
  { code: 'file-size', target: 'linkedin', fail: 'h264-aac.mp4', pass: 'h264-open-gop.mp4' },
  { code: 'file-size', target: custom({}, { fileSize: { value: { max: 10_000 }, severity: 'error', source } }), fail: 'fixtures/image/jpeg-big-4000x3000.jpg', pass: 'fixtures/image/png-rgb-80x60.png' },
  { code: 'image-format', target: 'threads', fail: 'fixtures/image/webp-lossy-100x70.webp', pass: 'fixtures/image/png-rgb-80x60.png' },
  { code: 'image-format', target: 'instagram-feed-image', fail: 'fixtures/image/png-rgb-80x60.png', pass: 'fixtures/image/jpeg-baseline-160x120.jpg' },
  { code: 'image-format', target: 'instagram-feed-image', fail: 'h264-aac.mp4', pass: 'fixtures/image/jpeg-baseline-160x120.jpg' },
  { code: 'resolution', target: 'tiktok', fail: 'fixtures/image/jpeg-big-4000x3000.jpg', pass: 'fixtures/image/jpeg-baseline-160x120.jpg', severity: 'warning' },
  { code: 'image-animated', target: custom({}, { animated: { value: false, severity: 'error', source }, formats: { value: ['gif', 'png'], severity: 'error', source } }), fail: 'fixtures/image/gif-animated-40x30-6frames.gif', pass: 'fixtures/image/gif-still-70x50.gif' },
];

describe('every rule has a failing and a passing real file', () => {
  for (const c of cases) {
    const targetName = typeof c.target === 'string' ? c.target : c.target.id;
    const failName = typeof c.fail === 'string' ? c.fail : c.fail.name;
    it(`${c.code} on ${targetName}: ${failName} fails, ${c.pass} passes`, async () => {
      const failing = validate(typeof c.fail === 'string' ? await media(c.fail) : await c.fail(), c.target);
      const hit = failing.issues.find((i) => i.code === c.code);
      expect(hit, JSON.stringify(failing.issues.map((i) => i.code))).toBeDefined();
      expect(hit!.severity).toBe(c.severity ?? 'error');
      expect(IssueSchema.parse(hit)).toEqual(hit);
      expect(hit!.message.length).toBeGreaterThan(10);
      if (hit!.severity === 'error') expect(failing.ok).toBe(false);
      const passing = validate(await media(c.pass), c.target);
      expect(passing.issues.map((i) => i.code)).not.toContain(c.code);
    });
  }
});

describe('no false alarms on ordinary encoder and phone output', () => {
  const ordinary = [
    'h264-aac.mp4', // ffmpeg defaults: B-frames and AAC priming write a one-segment edit list
    'h264-rotated-90.mp4', // phone portrait via the tkhd matrix
    'hevc-hvc1.mp4', // HEVC tagged hvc1, AAC mono 44.1 kHz
    'h264-aac-mono.mp4',
    'h264-vfr.mp4', // variable frame rate, as phones record
    'h264-aac.mov',
    'h264-fragmented.mp4',
  ];
  for (const file of ordinary) {
    it(`${file} passes threads with no error`, async () => {
      const result = validate(await media(file), 'threads');
      expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(result.ok).toBe(true);
    });
  }
});

describe('files that cannot be read are errors, never ok', () => {
  it('a truncated file is file-unreadable', async () => {
    const whole = fixture('h264-aac.mp4');
    const result = validate(await probe(whole.subarray(0, 3000)), 'threads');
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({ code: 'file-unreadable', severity: 'error' });
  });

  it('random bytes and a PDF are video-format errors', async () => {
    for (const path of ['fixtures/container/sample.pdf', 'fixtures/container/sample.txt']) {
      const result = validate(await probe(path), 'threads');
      expect(result.ok).toBe(false);
      expect(result.issues.map((i) => i.code)).toContain('video-format');
    }
  });

  it('audio only is video-format: no video track', async () => {
    const result = validate(await media('aac-mono.m4a'), 'instagram-reels');
    expect(result.issues[0]).toMatchObject({ code: 'video-format', severity: 'error' });
  });
});

describe('issues name what they prevent', () => {
  it('Threads issues carry Meta error_message values, with Meta spelling', async () => {
    const fps = validate(await media('h264-120fps.mp4'), 'threads').issues.find((i) => i.code === 'frame-rate')!;
    expect(fps).toMatchObject({ platformError: 'INVALID_FRAME_RATE', remedy: 'transcode-video' });
    const ar = validate(await media('h264-aspect-3-1.mp4'), extendTarget('threads', { id: 'narrow', video: { aspectRatio: { value: { max: 2 }, severity: 'error', source } } })).issues.find((i) => i.code === 'aspect-ratio')!;
    expect(ar.platformError).toBe('INVALID_ASPEC_RATIO');
    const long = validate(await media('h264-301s.mp4'), 'threads').issues.find((i) => i.code === 'duration-exceed')!;
    expect(long).toMatchObject({ documentedError: 'duration-exceed', remedy: 'trim', platformError: 'INVALID_DURATION' });
    const codec = validate(await media('vp9.mp4'), 'threads').issues.find((i) => i.code === 'video-codec')!;
    expect(codec.documentedError).toBe('video-codec');
  });

  it('other platforms get no Meta error names', async () => {
    const fps = validate(await media('h264-120fps.mp4'), 'tiktok').issues.find((i) => i.code === 'frame-rate')!;
    expect(fps.platformError).toBeNull();
  });

  it('each limit cites its source', async () => {
    const issue = validate(await media('h264-301s.mp4'), 'threads').issues.find((i) => i.code === 'duration-exceed')!;
    expect(issue.source?.url).toMatch(/developers\.facebook\.com\/docs\/threads/);
  });

  it('a WebM with H.264-compatible streams would be a remux; VP9/Opus is a transcode', async () => {
    const webm = validate(await media('fixtures/container/vp9-opus.webm'), 'threads').issues.find((i) => i.code === 'video-format')!;
    expect(webm.remedy).toBe('transcode-video');
    const mkv = validate(await media('fixtures/container/h264-aac.mkv'), 'threads').issues.find((i) => i.code === 'video-format')!;
    expect(mkv.remedy).toBe('remux');
  });
});

describe('carousel posts', () => {
  it('threads-carousel needs 2 to 20 items', () => {
    expect(validatePost(1, 'threads-carousel').issues[0]).toMatchObject({ code: 'item-count', severity: 'error' });
    expect(validatePost(2, 'threads-carousel').ok).toBe(true);
    expect(validatePost(20, 'threads-carousel').ok).toBe(true);
    expect(validatePost(21, 'threads-carousel').ok).toBe(false);
    expect(validatePost(1, 'threads').ok).toBe(true);
  });
});
