/**
 * ffmpeg.wasm for browsers, through @ffmpeg/ffmpeg's FFmpeg class (a Web Worker). Imports nothing
 * Node-only. @ffmpeg/ffmpeg is imported lazily: under Node it resolves to a stub that throws, and
 * pages that never fix anything need not load it.
 */
import type { FFFSType, FFmpeg, LogEvent, ProgressEvent } from '@ffmpeg/ffmpeg';
import type { EngineJob, EngineResult, FixEngine } from './engine.js';
import { substituteJobPaths, virtualFileName, withExplicitLogLevel, withExplicitThreads } from './wasm-args.js';
import { chooseWasmCore, type WasmCoreChoice } from './wasm-browser-core.js';
import { wasmEngineFailure, wasmExitError, wasmStallError } from './wasm-engine-errors.js';
import { createLogTail } from './wasm-log-tail.js';
import { createWasmProgress } from './wasm-progress.js';
import { createRunGuard } from './wasm-run-guard.js';
import { abortReason } from '../errors/abort.js';

/** Where the app serves the ffmpeg.wasm core files, and whether to try the multi-thread core. */
export type WasmBrowserEngineOptions = {
  /** The single-thread core as the app serves it: `@ffmpeg/core/dist/esm/ffmpeg-core.js`. Always used unless the multi-thread core is chosen. */
  coreURL: string;
  /** `@ffmpeg/core/dist/esm/ffmpeg-core.wasm` (32 MB, about 10 MB gzipped). */
  wasmURL: string;
  /** A custom worker entry for the FFmpeg class (bundlers that cannot follow `new URL('./worker.js', import.meta.url)`). */
  classWorkerURL?: string;
  /** Prefer @ffmpeg/core-mt when the page is cross-origin isolated (COOP/COEP) and its files are given. */
  multiThread?: boolean;
  /** @ffmpeg/core-mt's `dist/esm/ffmpeg-core.js` (multi-thread core only; the app installs core-mt). */
  mtCoreURL?: string;
  /** @ffmpeg/core-mt's `dist/esm/ffmpeg-core.wasm` (multi-thread core only). */
  mtWasmURL?: string;
  /** @ffmpeg/core-mt's `dist/esm/ffmpeg-core.worker.js` (multi-thread core only). */
  workerURL?: string;
  /** `-threads` for the multi-thread core. @default min(navigator.hardwareConcurrency, 4) */
  threads?: number;
};

const DEFAULT_STALL_TIMEOUT_MS = 60_000;

/**
 * A FixEngine that runs ffmpeg.wasm in a Web Worker. The core loads on the first job and is
 * reused; a run that is aborted, stalls or crashes the worker terminates it, and the next job
 * loads a fresh one. Jobs run one at a time. Inputs (Blob/File) are mounted with WORKERFS, which
 * reads slices on demand instead of copying the file into the worker; the output is read back as
 * bytes and deleted from the worker's memory.
 *
 * @example
 * const engine = createWasmBrowserEngine({ coreURL: '/ffmpeg/ffmpeg-core.js', wasmURL: '/ffmpeg/ffmpeg-core.wasm' });
 * const { outputBytes } = await engine.run({ args: ['-i', '{input}', '-c', 'copy', '-movflags', '+faststart', '{output}'],
 *   input: file, output: 'fixed.mp4', expectedSeconds: 12 });
 */
export function createWasmBrowserEngine(options: WasmBrowserEngineOptions): FixEngine {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  const core = chooseWasmCore({
    singleThread: { coreURL: options.coreURL, wasmURL: options.wasmURL },
    multiThread:
      options.mtCoreURL && options.mtWasmURL && options.workerURL
        ? { coreURL: options.mtCoreURL, wasmURL: options.mtWasmURL, workerURL: options.workerURL }
        : null,
    wantMultiThread: options.multiThread === true,
    crossOriginIsolated: isolated,
    hardwareConcurrency: cores,
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
  });

  let ffmpeg: FFmpeg | null = null;
  let jobCount = 0;
  let queue: Promise<unknown> = Promise.resolve();
  const instance = {
    get: () => ffmpeg,
    set: (next: FFmpeg | null) => {
      ffmpeg = next;
    },
    /** Kills the worker; pending calls reject with "called FFmpeg.terminate()". */
    drop: () => {
      ffmpeg?.terminate();
      ffmpeg = null;
    },
  };

  return {
    name: 'wasm',
    run(job) {
      const n = ++jobCount;
      const run = queue.then(() => runJob(job, n, core, options.classWorkerURL, instance));
      queue = run.catch(() => {});
      return run;
    },
    async dispose() {
      instance.drop();
    },
  };
}

type Instance = { get(): FFmpeg | null; set(next: FFmpeg | null): void; drop(): void };

async function runJob(job: EngineJob, n: number, core: WasmCoreChoice, classWorkerURL: string | undefined, instance: Instance): Promise<EngineResult> {
  if (job.signal?.aborted) throw abortReason(job.signal);
  if (typeof job.input === 'string') throw wasmEngineFailure('the browser engine takes a Blob or File as input, not a path', job.args, []);
  const inputBlob = job.input;
  const inputDir = `/input-${n}`;
  const inputName = virtualFileName('input', 'name' in inputBlob && typeof inputBlob.name === 'string' ? inputBlob.name : '');
  const input = `${inputDir}/${inputName}`;
  const output = `/${virtualFileName(`output-${n}`, job.output)}`;
  let args = withExplicitLogLevel(substituteJobPaths(job.args, { input, output }));
  if (core.threads !== null) args = withExplicitThreads(args, core.threads, output);

  const tail = createLogTail();
  const progress = createWasmProgress(job.expectedSeconds, job.onProgress);
  const stallTimeoutMs = job.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  const guard = createRunGuard({
    ...(job.signal ? { signal: job.signal } : {}),
    stallTimeoutMs,
    stallError: () => wasmStallError(stallTimeoutMs, args, tail.lines()),
    stop: () => instance.drop(),
  });
  const onLog = ({ message }: LogEvent): void => {
    guard.touch();
    tail.push(message);
  };
  const onProgress = ({ time }: ProgressEvent): void => {
    guard.touch();
    progress.time(time);
  };

  let ff: FFmpeg | null = null;
  let mounted = false;
  try {
    progress.loading();
    ff = await guard.race(loadedInstance(core, classWorkerURL, instance, args, tail));
    ff.on('log', onLog);
    ff.on('progress', onProgress);
    await guard.race(ff.createDir(inputDir));
    // WORKERFS reads slices of the Blob on demand (FileReaderSync), so the input is never copied
    // whole into the worker. (writeFile would transfer, and so detach, the caller's buffer.)
    mounted = await guard.race(ff.mount('WORKERFS' as FFFSType, { blobs: [{ name: inputName, data: inputBlob }] }, inputDir));
    if (!mounted) throw wasmEngineFailure('this core has no WORKERFS', args, tail.lines());
    const exitCode = await guard.race(ff.exec(args));
    if (exitCode !== 0) throw wasmExitError(exitCode, args, tail.lines());
    progress.finishing();
    const bytes = await guard.race(ff.readFile(output));
    if (!(bytes instanceof Uint8Array)) throw wasmEngineFailure('the output came back as text', args, tail.lines());
    return { outputBytes: bytes, logTail: tail.lines() };
  } catch (error) {
    throw asEngineError(error, args, tail.lines(), instance);
  } finally {
    guard.release();
    // Only a live instance needs tidying; a terminated one took its memory with it.
    if (ff && instance.get() === ff) {
      ff.off('log', onLog);
      ff.off('progress', onProgress);
      await tidy(ff, output, mounted ? inputDir : null, inputDir);
    }
  }
}

/** The loaded FFmpeg instance, loading the core on first use. */
async function loadedInstance(core: WasmCoreChoice, classWorkerURL: string | undefined, instance: Instance, args: string[], tail: ReturnType<typeof createLogTail>): Promise<FFmpeg> {
  const existing = instance.get();
  if (existing) return existing;
  const { FFmpeg } = await import('@ffmpeg/ffmpeg');
  const ff = new FFmpeg();
  instance.set(ff);
  try {
    await ff.load({
      coreURL: core.coreURL,
      wasmURL: core.wasmURL,
      ...(core.workerURL ? { workerURL: core.workerURL } : {}),
      ...(classWorkerURL ? { classWorkerURL } : {}),
    });
  } catch (error) {
    if (instance.get() === ff) instance.drop();
    throw wasmEngineFailure(`loading the core (${core.flavour}) failed: ${String(error)}`, args, tail.lines(), error);
  }
  return ff;
}

/** Aborts and our own errors pass through; anything else (the worker crashed) drops the instance. */
function asEngineError(error: unknown, args: string[], logTail: string[], instance: Instance): unknown {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'AbortError' || name === 'TimeoutError' || name === 'FixEngineError') return error;
  instance.drop();
  return wasmEngineFailure(`the worker failed: ${error instanceof Error ? error.message : String(error)}`, args, logTail, error);
}

/** Frees the output's memory and the input mount; failures here must not mask the result. */
async function tidy(ff: FFmpeg, output: string, mountedDir: string | null, inputDir: string): Promise<void> {
  await ff.deleteFile(output).catch(() => {});
  if (mountedDir) await ff.unmount(mountedDir).catch(() => {});
  await ff.deleteDir(inputDir).catch(() => {});
}
