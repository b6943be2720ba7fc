import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FixEngineError } from '../../src/errors/fix-engine-error.js';
import type { EngineJob, FixEngine } from '../../src/fix/engine.js';
import { fix } from '../../src/fix/fix.js';
import { defaultOutputPath } from '../../src/fix/output-path.js';
import { pickEngine } from '../../src/fix/pick-engine.js';
import { required } from '../../src/targets/limit-helpers.js';
import { extendTarget, resolveTarget } from '../../src/targets/targets.js';
import { fixture, tempDir } from './fix-test-helpers.js';

const src = { url: 'https://example.test/spec', retrieved: '2026-11' };

/**
 * fix()'s orchestration with engines standing in for ffmpeg: what loads when, what is kept or
 * removed, and that an output is judged by the validator and nothing else.
 */

/** An engine that "encodes" by copying a real file to the output: the validator judges that file. */
function copyingEngine(from: string, jobs: EngineJob[] = []): FixEngine & { dispose: ReturnType<typeof vi.fn> } {
  return {
    name: 'native',
    async run(job) {
      jobs.push(job);
      job.onProgress?.({ phase: 'encoding', ratio: 0.5, outputSeconds: 1 });
      copyFileSync(from, job.output);
      return { outputBytes: null, logTail: [] };
    },
    dispose: vi.fn(async () => {}),
  };
}

describe('fix(): refusals and engine loading', () => {
  it('refuses AV1 for a wasm engine before the engine is created', async () => {
    const create = vi.fn();
    const out = join(tempDir(), 'av1.out');
    const result = await fix(fixture('isobmff/av1.mp4'), { target: 'threads', engine: { name: 'wasm', create }, output: out });
    expect(result.ok).toBe(false);
    expect(result.plan.refused?.reason).toBe('undecodable');
    expect(result.engine).toBeNull();
    expect(result.after).toBeNull();
    expect(create).not.toHaveBeenCalled();
    expect(existsSync(out)).toBe(false);
  });

  it('refuses AV1 on the built-in wasm engine the same way', async () => {
    const result = await fix(fixture('isobmff/av1.mp4'), { target: 'threads', engine: 'wasm' });
    expect(result.plan.action).toBe('refuse');
    expect(result.passes).toEqual([]);
  });

  it('creates a factory engine only when there is work, and disposes of it; a given engine is not disposed', async () => {
    const engine = copyingEngine(fixture('isobmff/h264-aac.mp4'));
    const create = vi.fn(() => engine);
    const dir = tempDir();
    const result = await fix(fixture('isobmff/h264-moov-end.mp4'), { target: 'threads', engine: { name: 'native', create }, output: join(dir, 'a.mp4') });
    expect(result.ok).toBe(true);
    expect(create).toHaveBeenCalledTimes(1);
    expect(engine.dispose).toHaveBeenCalledTimes(1);

    const given = copyingEngine(fixture('isobmff/h264-aac.mp4'));
    await fix(fixture('isobmff/h264-moov-end.mp4'), { target: 'threads', engine: given, output: join(dir, 'b.mp4') });
    expect(given.dispose).not.toHaveBeenCalled();
  });

  it('gives the engine the plan: placeholders, expected duration, the stall timeout', async () => {
    const jobs: EngineJob[] = [];
    const out = join(tempDir(), 'c.mp4');
    await fix(fixture('isobmff/h264-moov-end.mp4'), { target: 'threads', engine: copyingEngine(fixture('isobmff/h264-aac.mp4'), jobs), output: out, stallTimeoutMs: 1234 });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.args).toContain('{input}');
    expect(jobs[0]!.args[jobs[0]!.args.length - 1]).toBe('{output}');
    expect(jobs[0]!.input).toBe(fixture('isobmff/h264-moov-end.mp4'));
    expect(jobs[0]!.output).toBe(out);
    expect(jobs[0]!.expectedSeconds).toBe(2);
    expect(jobs[0]!.stallTimeoutMs).toBe(1234);
  });
});

describe('pickEngine', () => {
  it("takes native for 'auto' when ffmpeg is on PATH, wasm when it is not, and fails 'native' without one", async () => {
    expect((await pickEngine('auto')).name).toBe('native');
    const path = process.env.PATH;
    process.env.PATH = tempDir();
    try {
      expect((await pickEngine('auto')).name).toBe('wasm');
      await expect(pickEngine('native')).rejects.toMatchObject({ code: 'E_NO_FFMPEG' });
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('fix(): outputs', () => {
  it('never reports success for an output that still fails, and keeps that output and its report', async () => {
    // The "engine" writes the input back unchanged: the moov is still at the end.
    const engine = copyingEngine(fixture('isobmff/h264-moov-end.mp4'));
    const out = join(tempDir(), 'still-bad.mp4');
    const result = await fix(fixture('isobmff/h264-moov-end.mp4'), { target: 'threads', engine, output: out });
    expect(result.ok).toBe(false);
    expect(result.after?.ok).toBe(false);
    expect(result.after?.issues.map((i) => i.code)).toContain('moov-not-at-front');
    expect(result.after?.input).toBe(out);
    expect(result.output).toBe(out);
    expect(existsSync(out)).toBe(true);
    // The same plan again would write the same file: no pointless retry.
    expect(result.passes).toHaveLength(1);
  });

  it('removes a partial output when the engine fails, and rejects with its FixEngineError', async () => {
    const out = join(tempDir(), 'partial.mp4');
    const failing: FixEngine = {
      name: 'native',
      async run(job) {
        writeFileSync(job.output, 'half a file');
        throw new FixEngineError('ffmpeg exited with code 1', { exitCode: 1, args: job.args, logTail: ['boom'] });
      },
    };
    const error = await fix(fixture('isobmff/h264-moov-end.mp4'), { target: 'threads', engine: failing, output: out }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FixEngineError);
    expect((error as FixEngineError).logTail).toEqual(['boom']);
    expect(existsSync(out)).toBe(false);
  });

  it('copies a passing input to the output path asked for, and writes nothing otherwise', async () => {
    const dir = tempDir();
    const out = join(dir, 'copy.mp4');
    const create = vi.fn();
    const result = await fix(fixture('isobmff/h264-aac.mp4'), { target: 'threads', engine: { name: 'native', create }, output: out });
    expect(result).toMatchObject({ ok: true, engine: null, output: out });
    expect(result.plan.action).toBe('none');
    expect(readFileSync(out)).toEqual(readFileSync(fixture('isobmff/h264-aac.mp4')));
    expect(create).not.toHaveBeenCalled();
    const none = await fix(fixture('isobmff/h264-aac.mp4'), { target: 'threads', engine: { name: 'native', create } });
    expect(none).toMatchObject({ ok: true, output: null, after: null });
  });

  it('refuses to write over its input', async () => {
    const dir = tempDir();
    const input = join(dir, 'in.mp4');
    copyFileSync(fixture('isobmff/h264-moov-end.mp4'), input);
    const error = await fix(input, { target: 'threads', engine: copyingEngine(input), output: input }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('E_FIX_OUTPUT');
    expect(readFileSync(input)).toEqual(readFileSync(fixture('isobmff/h264-moov-end.mp4')));
  });

  it('names the default output after the input', () => {
    expect(defaultOutputPath('clips/a.mov', 'mp4')).toBe('clips/a.fixed.mp4');
    expect(defaultOutputPath('/x/y.z/photo', 'jpg')).toBe('/x/y.z/photo.fixed.jpg');
    expect(defaultOutputPath('C:\\v\\.hidden', 'mp4')).toBe('C:\\v\\.hidden.fixed.mp4');
  });
});

describe('fix(): abort with the native engine', () => {
  it('rejects with an AbortError mid-encode, removes the partial output and leaves no ffmpeg running', async () => {
    const out = join(tempDir(), 'aborted.mp4');
    const controller = new AbortController();
    // 140 s of 720p30 from the 64x36 1 fps clip, with the slowest sensible preset: minutes of work.
    const heavy = extendTarget('x', {
      id: 'x-720p30',
      video: { ...resolveTarget('x').video, shortSide: required({ min: 720 }, src), frameRate: required({ min: 30, max: 60 }, src) },
    });
    let abortedAt: number | undefined;
    const error = await fix(fixture('isobmff/h264-901s.mp4'), {
      target: heavy,
      engine: 'native',
      preset: 'veryslow',
      output: out,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'encoding' && abortedAt === undefined) {
          abortedAt = p.outputSeconds ?? 0;
          controller.abort();
        }
      },
    }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(abortedAt).toBeLessThan(140);
    expect(existsSync(out)).toBe(false);
    const children = execFileSync('ps', ['-eo', 'ppid=,comm='], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter((f) => f[0] === String(process.pid) && f[1] === 'ffmpeg');
    expect(children).toEqual([]);
  });
});
