/**
 * Worker thread of the wasm Node engine: loads @ffmpeg/core directly (the @ffmpeg/ffmpeg class
 * refuses to run in Node), wires the host files in, runs one ffmpeg command synchronously and
 * reports logs, progress and the exit code. One worker per job: a fresh core leaks no state
 * between jobs, and terminating the worker is the only way to stop a synchronous exec.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { attachHostFile } from './host-file-passthrough.js';
import type { CreateFfmpegCore } from './wasm-core-types.js';
import type { WasmWorkerData, WasmWorkerMessage } from './wasm-node-protocol.js';

const post = (message: WasmWorkerMessage): void => parentPort?.postMessage(message);

async function main(job: WasmWorkerData): Promise<void> {
  // The core is built for Web Workers and reads self.location.href while it is imported; the
  // value is replaced by import.meta.url right after, so any URL does.
  const scope = globalThis as { self?: unknown };
  scope.self ??= { location: { href: import.meta.url } };
  const coreUrl = job.corePath ? pathToFileURL(job.corePath).href : import.meta.resolve('@ffmpeg/core');
  const { default: createFFmpegCore } = (await import(coreUrl)) as { default: CreateFfmpegCore };
  // Passing the bytes skips the core's fetch() of the .wasm, which Node cannot do for file: URLs.
  // Never a CDN: always the installed package's file.
  const wasmBinary = readFileSync(fileURLToPath(coreUrl).replace(/\.js$/, '.wasm'));
  const core = await createFFmpegCore({ wasmBinary });
  post({ type: 'loaded' });

  core.setLogger(({ message }) => post({ type: 'log', message }));
  core.setProgress(({ time }) => post({ type: 'progress', timeUs: time }));
  core.FS.mkdir(job.workDir);
  attachHostFile(core.FS, job.input.virtualPath, job.input.fd, 'read');
  attachHostFile(core.FS, job.output.virtualPath, job.output.fd, 'write');

  core.setTimeout(-1);
  core.exec(...job.args);
  const exitCode = core.ret;
  core.reset();
  post({ type: 'exit', exitCode });
}

main(workerData as WasmWorkerData).catch((error: unknown) => {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
});
