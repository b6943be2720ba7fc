import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FixEngineError } from '../../src/errors/fix-engine-error.js';
import type { FixProgress } from '../../src/fix/engine.js';
import { createNativeEngine } from '../../src/fix/native-engine.js';
import { fixture, tempDir } from './fix-test-helpers.js';

/** ffmpeg processes that are children of this test process. */
function ourFfmpegChildren(): string[] {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,comm='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f[1] === String(process.pid) && f[2] === 'ffmpeg')
    .map((f) => f[0]!);
}

describe('createNativeEngine', () => {
  it('finds ffmpeg on PATH, and returns null for a binary that is not there', () => {
    expect(createNativeEngine()?.name).toBe('native');
    expect(createNativeEngine({ ffmpegPath: '/nonexistent/ffmpeg' })).toBeNull();
    expect(createNativeEngine({ ffmpegPath: 'no-such-ffmpeg-binary' })).toBeNull();
  });

  it('runs a job, reporting monotonic progress below 1 from out_time', async () => {
    const engine = createNativeEngine()!;
    const out = join(tempDir(), 'out.mp4');
    const seen: FixProgress[] = [];
    const result = await engine.run({
      // 301 s at 1 fps re-encoded at 24 fps: long enough for several progress blocks.
      args: ['-i', '{input}', '-t', '60', '-r', '24', '-c:v', 'libx264', '-preset', 'ultrafast', '-an', '{output}'],
      input: fixture('isobmff/h264-301s.mp4'),
      output: out,
      expectedSeconds: 60,
      onProgress: (p) => seen.push(p),
    });
    expect(result.outputBytes).toBeNull();
    expect(existsSync(out)).toBe(true);
    expect(seen.some((p) => p.phase === 'encoding' && (p.outputSeconds ?? 0) > 0)).toBe(true);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.ratio).toBeGreaterThanOrEqual(seen[i - 1]!.ratio);
    expect(Math.max(...seen.map((p) => p.ratio))).toBeLessThan(1);
    expect(seen[seen.length - 1]!.phase).toBe('finishing');
  });

  it('rejects a failing ffmpeg with FixEngineError: exit code, arguments and the log tail', async () => {
    const engine = createNativeEngine()!;
    const error = await engine
      .run({ args: ['-i', '{input}', '-c:v', 'no_such_encoder', '{output}'], input: fixture('isobmff/h264-aac.mp4'), output: join(tempDir(), 'x.mp4'), expectedSeconds: 2 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FixEngineError);
    const e = error as FixEngineError;
    expect(e.exitCode).not.toBe(0);
    expect(e.exitCode).not.toBeNull();
    expect(e.args).toContain('no_such_encoder');
    expect(e.logTail.join('\n')).toMatch(/Unknown encoder 'no_such_encoder'/);
    expect(e.logTail.length).toBeLessThanOrEqual(20);
  });

  it('kills ffmpeg on abort, rejects with an AbortError, and leaves no ffmpeg running', async () => {
    const engine = createNativeEngine()!;
    const controller = new AbortController();
    let encoding = false;
    let runningWhenAborted: string[] = [];
    const run = engine.run({
      // Slow on purpose: the 901 s clip scaled up and encoded with a slow preset.
      args: ['-i', '{input}', '-vf', 'scale=640:360', '-r', '30', '-c:v', 'libx264', '-preset', 'veryslow', '-an', '{output}'],
      input: fixture('isobmff/h264-901s.mp4'),
      output: join(tempDir(), 'slow.mp4'),
      expectedSeconds: 901,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'encoding' && !encoding) {
          encoding = true;
          runningWhenAborted = ourFfmpegChildren();
          controller.abort();
        }
      },
    });
    const error = await run.catch((e: unknown) => e);
    expect(encoding).toBe(true);
    expect(runningWhenAborted).toHaveLength(1);
    expect((error as Error).name).toBe('AbortError');
    expect(ourFfmpegChildren()).toEqual([]);
  });

  it('rejects at once when the signal has already aborted', async () => {
    const engine = createNativeEngine()!;
    const error = await engine
      .run({ args: ['-i', '{input}', '{output}'], input: fixture('isobmff/h264-aac.mp4'), output: join(tempDir(), 'x.mp4'), expectedSeconds: 2, signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
  });

  it('stops a run that reports nothing for stallTimeoutMs', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'never-written.fifo');
    execFileSync('mkfifo', [fifo]);
    const engine = createNativeEngine()!;
    const started = Date.now();
    const error = await engine
      .run({ args: ['-i', '{input}', '-c', 'copy', '{output}'], input: fifo, output: join(dir, 'x.mp4'), expectedSeconds: 1, stallTimeoutMs: 400 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FixEngineError);
    expect((error as Error).message).toMatch(/no progress/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(ourFfmpegChildren()).toEqual([]);
  });
});
