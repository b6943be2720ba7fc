import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { probe } from '../../src/probe/probe.js';
import type { MediaInfo } from '../../src/probe/media-info.js';
import { checkUrlDetailed, PROBE_SLACK_BYTES } from '../../src/url/check-url.js';
import { ffprobe } from '../helpers/ffprobe.js';
import { startHttpTestServer, type HttpTestServer } from '../helpers/http-test-server.js';

let server: HttpTestServer;
let dir: string;
const local = { allowPrivateNetwork: true, robots: false } as const;

/** Real encoder output bigger than the committed fixtures: 30 s of 320x240 H.264 + AAC, moov at the front and at the end. */
function encode(name: string, faststart: boolean): string {
  const out = join(dir, name);
  execFileSync('ffmpeg', [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=30',
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
    '-t', '30', '-c:v', 'libx264', '-preset', 'veryfast', '-g', '60', '-pix_fmt', 'yuv420p',
    '-c:a', 'aac', '-b:a', '96k',
    ...(faststart ? ['-movflags', '+faststart'] : []),
    out,
  ]);
  return out;
}

const files: Record<string, { path: string; type: string }> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'media-preflight-remote-'));
  server = await startHttpTestServer();
  const add = (route: string, path: string, type: string, mode?: 'ignore-range'): void => {
    files[route] = { path, type };
    server.route(route, { body: new Uint8Array(readFileSync(path)), contentType: type, ...(mode ? { mode } : {}) });
  };
  add('/h264-aac.mp4', 'fixtures/isobmff/h264-aac.mp4', 'video/mp4');
  add('/h264-moov-end.mp4', 'fixtures/isobmff/h264-moov-end.mp4', 'video/mp4');
  add('/h264-aac.mov', 'fixtures/isobmff/h264-aac.mov', 'video/quicktime');
  add('/h264-fragmented.mp4', 'fixtures/isobmff/h264-fragmented.mp4', 'video/mp4');
  add('/vp9-opus.webm', 'fixtures/container/vp9-opus.webm', 'video/webm');
  add('/still.jpg', 'fixtures/image/jpeg-baseline-160x120.jpg', 'image/jpeg');
  add('/still.png', 'fixtures/image/png-rgb-80x60.png', 'image/png');
  add('/big-faststart.mp4', encode('big-faststart.mp4', true), 'video/mp4');
  add('/big-moov-end.mp4', encode('big-moov-end.mp4', false), 'video/mp4');
  add('/big-moov-end-norange.mp4', files['/big-moov-end.mp4']!.path, 'video/mp4', 'ignore-range');
}, 120_000);

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Everything but the I/O counts and the URL check's own notes. */
function facts(m: MediaInfo): Omit<MediaInfo, 'io' | 'notes'> {
  const { io: _io, notes: _notes, ...rest } = m;
  return rest;
}

describe('the remote probe reads the same facts as the local probe', () => {
  const routes = ['/h264-aac.mp4', '/h264-moov-end.mp4', '/h264-aac.mov', '/h264-fragmented.mp4', '/vp9-opus.webm', '/still.jpg', '/still.png', '/big-faststart.mp4', '/big-moov-end.mp4'];
  for (const route of routes) {
    it(route, async () => {
      const { path } = files[route]!;
      const target = route.endsWith('.webm') ? 'tiktok' : 'threads';
      const { report, facts: f } = await checkUrlDetailed(server.url(route), { ...local, target });
      const remote = report.media!;
      const mine = await probe(path);
      expect(facts(remote)).toEqual(facts(mine));
      expect(remote.notes.slice(0, mine.notes.length)).toEqual(mine.notes);
      // The probe's own counters are in media.io; the request count is in a note.
      expect(remote.io.reads).toBeGreaterThan(0);
      expect(remote.notes.at(-1)).toMatch(new RegExp(`^remote probe: ${f.mediaRequests} HTTP requests?, ${f.mediaBytesDownloaded} bytes downloaded`));
      expect(f.sizeBytes).toBe(readFileSync(path).length);
      if (remote.kind === 'video') {
        // And ffprobe agrees on what matters.
        const ff = ffprobe(path).streams.find((s) => s.codec_type === 'video')!;
        expect(remote.video?.width).toBe(ff.width);
        expect(remote.video?.height).toBe(ff.height);
      }
    });
  }
});

describe('bounded reads', () => {
  it('a faststart file: at most 4 requests and moov + 128 KiB bytes', async () => {
    const { report, facts: f } = await checkUrlDetailed(server.url('/big-faststart.mp4'), local);
    const size = readFileSync(files['/big-faststart.mp4']!.path).length;
    expect(size).toBeGreaterThan(4 * PROBE_SLACK_BYTES);
    expect(report.media?.container.faststart).toBe(true);
    expect(f.mediaRequests).toBeLessThanOrEqual(4);
    expect(f.mediaBytesDownloaded).toBeLessThanOrEqual(report.media!.container.moov!.sizeBytes + PROBE_SLACK_BYTES);
    expect(report.issues.map((i) => i.code)).not.toContain('url-probe-budget');
    const ff = ffprobe(files['/big-faststart.mp4']!.path);
    expect(report.media?.durationSeconds).toBeCloseTo(Number(ff.format.duration), 1);
  });

  it('moov at the end over Range: a few requests, moov + 128 KiB bytes', async () => {
    const { report, facts: f } = await checkUrlDetailed(server.url('/big-moov-end.mp4'), local);
    expect(report.media?.container.faststart).toBe(false);
    expect(f.mediaRequests).toBeLessThanOrEqual(4);
    expect(f.mediaBytesDownloaded).toBeLessThanOrEqual(report.media!.container.moov!.sizeBytes + PROBE_SLACK_BYTES);
    expect(report.issues.map((i) => i.code)).toContain('moov-not-at-front');
  });

  it('moov at the end on a server without Range: the probe still works, and url-probe-budget says it cost the whole file', async () => {
    const size = readFileSync(files['/big-moov-end.mp4']!.path).length;
    const { report, facts: f } = await checkUrlDetailed(server.url('/big-moov-end-norange.mp4'), local);
    expect(report.media?.durationSeconds).toBe((await probe(files['/big-moov-end.mp4']!.path)).durationSeconds);
    expect(report.issues.find((i) => i.code === 'url-probe-budget')?.severity).toBe('warning');
    expect(report.issues.map((i) => i.code)).toContain('url-no-range');
    expect(f.mediaBytesDownloaded).toBeGreaterThanOrEqual(size - report.media!.container.moov!.sizeBytes);
    expect(f.mediaBytesDownloaded).toBeLessThanOrEqual(2 * size);
  });

  it('the same with a small maxBytes: the probe stops at the limit with url-probe-budget', async () => {
    const maxBytes = 256 * 1024;
    const { report, facts: f } = await checkUrlDetailed(server.url('/big-moov-end-norange.mp4'), { ...local, maxBytes });
    expect(report.issues.map((i) => i.code)).toContain('url-probe-budget');
    expect(report.media).toBeNull();
    expect(f.bytesDownloaded).toBeLessThanOrEqual(maxBytes);
  });
});
