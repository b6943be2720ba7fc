import { closeSync, openSync, rmSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { Worker } from 'node:worker_threads';
import { abortReason } from '../errors/abort.js';
import type { EngineJob, EngineResult, FixEngine } from './engine.js';
import { substituteJobPaths, virtualFileName, withExplicitLogLevel } from './wasm-args.js';
import { wasmEngineFailure, wasmExitError, wasmStallError } from './wasm-engine-errors.js';
import { createLogTail, type LogTail } from './wasm-log-tail.js';
import type { WasmWorkerData, WasmWorkerMessage } from './wasm-node-protocol.js';
import { createWasmProgress, type WasmProgressReporter } from './wasm-progress.js';
import { createRunGuard } from './wasm-run-guard.js';

export type WasmNodeEngineOptions = {
  /**
   * Path of an ESM build of `ffmpeg-core.js`; the `ffmpeg-core.wasm` beside it is loaded.
   * @default the installed @ffmpeg/core (never fetched from the network)
   */
  corePath?: string;
};

const DEFAULT_STALL_TIMEOUT_MS = 60_000;
/** Virtual directory inside the core that holds the job's two files. */
const WORK_DIR = '/job';

let liveWorkers = 0;

/** Worker threads started by wasm Node engines that have not exited yet (tests check it is 0). */
export function liveWasmWorkerCount(): number {
  return liveWorkers;
}

/**
 * ffmpeg.wasm for Node: each job runs the @ffmpeg/core build in its own worker thread (the exec is
 * synchronous and can only be stopped by terminating the thread), with the input and output read
 * and written in place on the host file system rather than copied into memory. `job.output` is
 * created or truncated, and removed again when the run fails or is aborted.
 *
 * @example
 * const engine = createWasmNodeEngine();
 * await engine.run({ args: ['-i', '{input}', '-c', 'copy', '-movflags', '+faststart', '{output}'],
 *   input: 'in.mp4', output: 'out.mp4', expectedSeconds: 10, onProgress: (p) => bar.update(p.ratio) });
 */
export function createWasmNodeEngine(options: WasmNodeEngineOptions = {}): FixEngine {
  const cancels = new Set<(error: unknown) => void>();
  const runs = new Set<Promise<EngineResult>>();
  return {
    name: 'wasm',
    run(job) {
      const run = runJob(job, options.corePath ?? null, cancels);
      runs.add(run);
      run.then(
        () => runs.delete(run),
        () => runs.delete(run),
      );
      return run;
    },
    async dispose() {
      for (const cancel of [...cancels]) cancel(wasmEngineFailure('the engine was disposed', [], []));
      await Promise.allSettled([...runs]); // each run terminates its worker before it settles
    },
  };
}

async function runJob(job: EngineJob, corePath: string | null, cancels: Set<(error: unknown) => void>): Promise<EngineResult> {
  if (job.signal?.aborted) throw abortReason(job.signal);
  if (typeof job.input !== 'string') throw wasmEngineFailure('the Node engine takes a host file path as input, not a Blob', job.args, []);
  if (resolvePath(job.input) === resolvePath(job.output)) throw wasmEngineFailure('the output path must differ from the input path', job.args, []);
  const input = `${WORK_DIR}/${virtualFileName('input', job.input)}`;
  const output = `${WORK_DIR}/${virtualFileName('output', job.output)}`;
  const args = withExplicitLogLevel(substituteJobPaths(job.args, { input, output }));
  // The engine opens the files, not the worker: descriptors are process-wide, and a terminated
  // worker would leak any it had opened.
  const inputFd = openHost(job.input, 'r', args);
  let outputFd: number;
  try {
    outputFd = openHost(job.output, 'w+', args);
  } catch (error) {
    closeSync(inputFd);
    throw error;
  }
  const progress = createWasmProgress(job.expectedSeconds, job.onProgress);
  progress.loading();
  const workerData: WasmWorkerData = { corePath, workDir: WORK_DIR, args, input: { virtualPath: input, fd: inputFd }, output: { virtualPath: output, fd: outputFd } };
  const worker = startWorker(workerData);
  liveWorkers += 1;
  worker.once('exit', () => {
    liveWorkers -= 1;
  });

  const tail = createLogTail();
  const stallTimeoutMs = job.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  const guard = createRunGuard({
    ...(job.signal ? { signal: job.signal } : {}),
    stallTimeoutMs,
    stallError: () => wasmStallError(stallTimeoutMs, args, tail.lines()),
    stop: () => void worker.terminate(),
  });
  const cancel = (error: unknown): void => guard.cancel(error);
  cancels.add(cancel);
  let succeeded = false;
  try {
    const exitCode = await guard.race(workerExit(worker, tail, progress, guard.touch, args));
    if (exitCode !== 0) throw wasmExitError(exitCode, args, tail.lines());
    progress.finishing();
    succeeded = true;
    return { outputBytes: null, logTail: tail.lines() };
  } finally {
    guard.release();
    cancels.delete(cancel);
    await worker.terminate();
    closeSync(inputFd);
    closeSync(outputFd);
    if (!succeeded) rmSync(job.output, { force: true }); // a partial output is not a result
  }
}

/** Resolves with ffmpeg's exit code; rejects when the worker fails or dies before ffmpeg ends. */
function workerExit(worker: Worker, tail: LogTail, progress: WasmProgressReporter, touch: () => void, args: string[]): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    // The core's own console output (rare) belongs in the log, never on the host's console.
    const onOutput = (chunk: Buffer): void => {
      tail.push(chunk.toString('utf8'));
      touch();
    };
    worker.stdout.on('data', onOutput);
    worker.stderr.on('data', onOutput);
    worker.on('message', (message: WasmWorkerMessage) => {
      touch();
      if (message.type === 'log') tail.push(message.message);
      else if (message.type === 'progress') progress.time(message.timeUs);
      else if (message.type === 'exit') resolve(message.exitCode);
      else if (message.type === 'failed') reject(wasmEngineFailure(`the core failed: ${message.message}`, args, tail.lines()));
    });
    worker.on('error', (error) => reject(wasmEngineFailure(`the worker failed: ${error.message}`, args, tail.lines(), error)));
    worker.on('exit', (code) => reject(wasmEngineFailure(`the worker exited with code ${code} before ffmpeg finished`, args, tail.lines())));
  });
}

function openHost(path: string, flags: 'r' | 'w+', args: string[]): number {
  try {
    return openSync(path, flags);
  } catch (error) {
    const what = flags === 'r' ? 'input' : 'output';
    throw wasmEngineFailure(`cannot open the ${what} ${path}: ${(error as Error).message}`, args, [], error);
  }
}

/**
 * The worker is the compiled wasm-node-worker.js beside this module (dist/fix/). When this module
 * runs from its TypeScript source (Vitest), the worker source is loaded through tsx instead.
 */
function startWorker(workerData: WasmWorkerData): Worker {
  const options = { workerData, stdout: true, stderr: true };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./wasm-node-worker.js', import.meta.url), options);
  const source = new URL('./wasm-node-worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
