import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FixProgress } from '../../src/fix/engine.js';
import { createWasmNodeEngine, liveWasmWorkerCount } from '../../src/fix/wasm-node-engine.js';
import { FixEngineError } from '../../src/errors/fix-engine-error.js';
import { fourcc, u32be, u64be } from '../../src/util/bytes.js';
import { ffprobe, hasFfprobe } from '../helpers/ffprobe.js';

// ffmpeg.wasm is 5–7x slower than native: every job here is a few seconds of tiny video.
const dir = mkdtempSync(join(tmpdir(), 'wasm-node-engine-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const engine = createWasmNodeEngine();

/** Top-level ISO BMFF box types in file order. */
function topLevelBoxes(path: string): string[] {
  const bytes = new Uint8Array(readFileSync(path));
  const types: string[] = [];
  for (let at = 0; at + 8 <= bytes.length && types.length < 64; ) {
    const size32 = u32be(bytes, at)!;
    const size = size32 === 1 ? (u64be(bytes, at + 8) ?? 0) : size32 === 0 ? bytes.length - at : size32;
    types.push(fourcc(bytes, at + 4)!);
    if (size < 8) break;
    at += size;
  }
  return types;
}

function videoPacketSizes(path: string): number[] {
  const out = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=size', '-of', 'csv=p=0', path], { encoding: 'utf8' });
  return out.trim().split('\n').map(Number);
}

describe('createWasmNodeEngine', () => {
  it('remuxes moov-at-end to faststart through the host files, packets unchanged', async () => {
    const input = 'fixtures/isobmff/h264-moov-end.mp4';
    const output = join(dir, 'faststart.mp4');
    expect(topLevelBoxes(input).indexOf('moov')).toBeGreaterThan(topLevelBoxes(input).indexOf('mdat'));
    const result = await engine.run({ args: ['-i', '{input}', '-c', 'copy', '-movflags', '+faststart', '{output}'], input, output, expectedSeconds: 2 });
    expect(result.outputBytes).toBeNull();
    const boxes = topLevelBoxes(output);
    expect(boxes.indexOf('moov')).toBeGreaterThanOrEqual(0);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
    if (hasFfprobe()) expect(videoPacketSizes(output)).toEqual(videoPacketSizes(input));
    expect(liveWasmWorkerCount()).toBe(0);
  });

  it('transcodes VP9/Opus WebM to H.264/AAC with monotonic progress that nearly reaches the end', async () => {
    const input = 'fixtures/container/vp9-opus.webm';
    const output = join(dir, 'vp9-to-h264.mp4');
    const expectedSeconds = hasFfprobe() ? Number(ffprobe(input).format.duration) : 1;
    const events: FixProgress[] = [];
    await engine.run({
      args: ['-i', '{input}', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '{output}'],
      input,
      output,
      expectedSeconds,
      onProgress: (p) => events.push(p),
    });
    expect(events[0]?.phase).toBe('loading');
    expect(events.at(-1)?.phase).toBe('finishing');
    const ratios = events.map((e) => e.ratio);
    for (const [i, r] of ratios.entries()) {
      expect(r).toBeGreaterThanOrEqual(i === 0 ? 0 : ratios[i - 1]!);
      expect(r).toBeLessThan(1); // the caller reports 1
    }
    const encoding = events.filter((e) => e.phase === 'encoding');
    expect(Math.max(...encoding.map((e) => e.ratio))).toBeGreaterThanOrEqual(0.95);
    if (hasFfprobe()) {
      const { streams } = ffprobe(output);
      expect(streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
      expect(streams.find((s) => s.codec_type === 'video')?.pix_fmt).toBe('yuv420p');
    }
  });

  it('aborts mid-encode quickly, with an AbortError, no worker left and no partial output', async () => {
    const output = join(dir, 'aborted.mp4');
    const controller = new AbortController();
    let abortedAt = 0;
    const run = engine.run({
      args: ['-i', '{input}', '-vf', 'scale=1280:720:flags=lanczos', '-c:v', 'libx264', '-preset', 'veryslow', '-an', '{output}'],
      input: 'fixtures/isobmff/h264-301s.mp4',
      output,
      expectedSeconds: 301,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'encoding' && !abortedAt) {
          abortedAt = performance.now();
          controller.abort();
        }
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(abortedAt).toBeGreaterThan(0);
    expect(performance.now() - abortedAt).toBeLessThan(2000);
    expect(liveWasmWorkerCount()).toBe(0);
    expect(existsSync(output)).toBe(false);
  });

  it('rejects an unknown encoder with the exit code, the arguments and the log tail', async () => {
    const output = join(dir, 'bad.mp4');
    const error = await engine
      .run({ args: ['-i', '{input}', '-c:v', 'no_such_encoder', '{output}'], input: 'fixtures/isobmff/h264-aac.mp4', output, expectedSeconds: 2 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FixEngineError);
    const failure = error as FixEngineError;
    expect(failure.exitCode).not.toBe(0);
    expect(failure.exitCode).not.toBeNull();
    expect(failure.args).toContain('no_such_encoder');
    expect(failure.logTail.length).toBeLessThanOrEqual(20);
    expect(failure.logTail.join('\n')).toContain("Unknown encoder 'no_such_encoder'");
    expect(failure.logTail.some((line) => line.startsWith('Aborted('))).toBe(false);
    expect(existsSync(output)).toBe(false);
    expect(liveWasmWorkerCount()).toBe(0);
  });

  it('stops a run that reports nothing within stallTimeoutMs', async () => {
    // Loading the core alone takes longer than 20 ms and reports nothing.
    const run = engine.run({ args: ['-i', '{input}', '-c', 'copy', '{output}'], input: 'fixtures/isobmff/h264-aac.mp4', output: join(dir, 'stall.mp4'), expectedSeconds: 2, stallTimeoutMs: 20 });
    await expect(run).rejects.toMatchObject({ name: 'FixEngineError', exitCode: null, message: expect.stringMatching(/no progress for 20 ms/) });
    expect(liveWasmWorkerCount()).toBe(0);
  });

  it('dispose() stops running jobs and leaves no worker', async () => {
    const disposable = createWasmNodeEngine();
    const run = disposable.run({ args: ['-i', '{input}', '-c', 'copy', '{output}'], input: 'fixtures/isobmff/h264-aac.mp4', output: join(dir, 'disposed.mp4'), expectedSeconds: 2 });
    await disposable.dispose?.();
    await expect(run).rejects.toMatchObject({ name: 'FixEngineError', message: expect.stringMatching(/disposed/) });
    expect(liveWasmWorkerCount()).toBe(0);
  });

  it('rejects a missing input before starting a worker', async () => {
    const run = engine.run({ args: ['-i', '{input}', '{output}'], input: 'fixtures/isobmff/missing.mp4', output: join(dir, 'never.mp4'), expectedSeconds: null });
    await expect(run).rejects.toMatchObject({ name: 'FixEngineError', exitCode: null, message: expect.stringMatching(/cannot open the input/) });
    expect(existsSync(join(dir, 'never.mp4'))).toBe(false);
  });
});
