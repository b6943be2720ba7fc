/** Messages between the wasm Node engine and its worker thread (wasm-node-worker.ts). */

/** One host file, opened by the engine (so that a terminated worker leaks no descriptor). */
export type WasmWorkerFile = { virtualPath: string; fd: number };

export type WasmWorkerData = {
  /** ffmpeg-core.js (ESM build); the .wasm beside it is used. null: the installed @ffmpeg/core. */
  corePath: string | null;
  /** Virtual directory that holds both files. */
  workDir: string;
  /** Final ffmpeg arguments, virtual paths already substituted. */
  args: string[];
  input: WasmWorkerFile;
  output: WasmWorkerFile;
};

export type WasmWorkerMessage =
  | { type: 'loaded' }
  | { type: 'log'; message: string }
  | { type: 'progress'; timeUs: number }
  | { type: 'exit'; exitCode: number }
  | { type: 'failed'; message: string };
