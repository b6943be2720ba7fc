import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { abortReason } from '../errors/abort.js';
import { FixEngineError } from '../errors/fix-engine-error.js';
import type { EngineJob, EngineResult, FixEngine, FixPhase, FixProgress } from './engine.js';
import { findExecutable } from './find-executable.js';
import { createProgressReader } from './ffmpeg-progress-lines.js';

/** Engines leave 1 to the caller, which reports it once the output is verified. */
const MAX_ENGINE_RATIO = 0.99;
const LOG_TAIL_LINES = 20;
const DEFAULT_STALL_MS = 60_000;

/** Options for createNativeEngine. */
export type NativeEngineOptions = {
  /** The ffmpeg to run: a path, or a name looked up on PATH. @default 'ffmpeg' */
  ffmpegPath?: string;
};

/**
 * A FixEngine that runs a native `ffmpeg` (5–10× faster than ffmpeg.wasm). Null when there is no
 * ffmpeg on PATH (or at `ffmpegPath`). Jobs read and write host files.
 *
 * @example
 * const engine = createNativeEngine();
 * if (engine) await engine.run({ args, input: 'in.mov', output: 'out.mp4', expectedSeconds: 12 });
 */
export function createNativeEngine(options: NativeEngineOptions = {}): FixEngine | null {
  const ffmpeg = findExecutable(options.ffmpegPath ?? 'ffmpeg');
  if (!ffmpeg) return null;
  return { name: 'native', run: (job) => runNative(ffmpeg, job) };
}

function runNative(ffmpeg: string, job: EngineJob): Promise<EngineResult> {
  if (typeof job.input !== 'string') {
    return Promise.reject(new FixEngineError('The native engine reads host files; pass a path, not a Blob.', { exitCode: null, args: job.args, logTail: [] }));
  }
  // Absolute paths: a relative name like "a:b.mp4" or "-x.mp4" would read as a protocol or an option.
  const input = resolve(job.input);
  const output = resolve(job.output);
  const jobArgs = job.args.map((a) => a.replaceAll('{input}', input).replaceAll('{output}', output));
  const args = ['-nostdin', '-y', '-hide_banner', '-nostats', '-progress', 'pipe:1', ...jobArgs];
  const signal = job.signal;
  if (signal?.aborted) return Promise.reject(abortReason(signal));

  return new Promise<EngineResult>((resolvePromise, reject) => {
    const tail: string[] = [];
    let partial = '';
    let ratio = 0;
    let outputSeconds: number | undefined;
    let stalled = false;
    let aborted = false;
    const report = (phase: FixPhase, next: number | null): void => {
      if (next !== null && next > ratio) ratio = Math.min(MAX_ENGINE_RATIO, next);
      const p: FixProgress = outputSeconds === undefined ? { phase, ratio } : { phase, ratio, outputSeconds };
      try {
        job.onProgress?.(p);
      } catch {
        // A throwing listener must not take down the run.
      }
    };

    const child = spawn(ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const stallMs = job.stallTimeoutMs ?? DEFAULT_STALL_MS;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const feedWatchdog = (): void => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        stalled = true;
        child.kill('SIGKILL');
      }, stallMs);
    };
    const onAbort = (): void => {
      aborted = true;
      child.kill('SIGKILL');
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    feedWatchdog();
    report('reading', 0);

    const progress = createProgressReader((seconds) => {
      outputSeconds = Math.max(outputSeconds ?? 0, seconds);
      const expected = job.expectedSeconds;
      report('encoding', expected && expected > 0 ? Math.min(MAX_ENGINE_RATIO, Math.max(0, seconds / expected)) : null);
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      feedWatchdog();
      progress.push(chunk);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      feedWatchdog();
      const lines = (partial + chunk).split(/\r?\n|\r/);
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) tail.push(line);
      if (tail.length > LOG_TAIL_LINES) tail.splice(0, tail.length - LOG_TAIL_LINES);
    });

    let spawnError: Error | null = null;
    child.on('error', (error) => {
      spawnError = error;
    });
    // 'close' comes after the process has exited and its pipes are drained: nothing is left running.
    child.on('close', (code, sig) => {
      clearTimeout(watchdog);
      signal?.removeEventListener('abort', onAbort);
      if (partial.trim()) tail.push(partial);
      const logTail = tail.slice(-LOG_TAIL_LINES);
      if (aborted && signal) return reject(abortReason(signal));
      if (stalled) {
        return reject(new FixEngineError(`ffmpeg made no progress for ${Math.round(stallMs / 1000)} s and was stopped.`, { exitCode: code, args, logTail }));
      }
      if (spawnError) {
        return reject(new FixEngineError(`ffmpeg could not be started: ${spawnError.message}`, { exitCode: null, args, logTail, cause: spawnError }));
      }
      if (code === 0) {
        report('finishing', MAX_ENGINE_RATIO);
        return resolvePromise({ outputBytes: null, logTail });
      }
      const why = code === null ? `was killed by ${sig ?? 'a signal'}` : `exited with code ${code}`;
      const last = logTail[logTail.length - 1];
      reject(new FixEngineError(`ffmpeg ${why}${last ? `: ${last}` : ''}`, { exitCode: code, args, logTail }));
    });
  });
}
