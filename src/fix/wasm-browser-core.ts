/**
 * Which ffmpeg.wasm core the browser engine loads. Pure: no DOM, no Node.
 */

/** URLs of one core flavour, as the app serves them (never the @ffmpeg/ffmpeg default CDN). */
export type WasmCoreFiles = {
  /** The ESM build: `@ffmpeg/core/dist/esm/ffmpeg-core.js` (or core-mt's). */
  coreURL: string;
  wasmURL: string;
  /** core-mt only: `@ffmpeg/core-mt/dist/esm/ffmpeg-core.worker.js`. */
  workerURL?: string;
};

export type WasmCoreChoiceInput = {
  singleThread: WasmCoreFiles;
  multiThread: WasmCoreFiles | null;
  wantMultiThread: boolean;
  crossOriginIsolated: boolean;
  hardwareConcurrency: number | undefined;
  threads?: number;
};

export type WasmCoreChoice = WasmCoreFiles & {
  flavour: 'single-thread' | 'multi-thread';
  /** `-threads` to pass to every run; null for the single-thread core. */
  threads: number | null;
};

/** More encoder threads than this mostly costs memory inside core-mt's fixed 1 GiB heap. */
const MAX_DEFAULT_THREADS = 4;

/**
 * The single-thread core unless the caller asked for the multi-thread one, supplied its files
 * including the pthread worker, and the page is cross-origin isolated (core-mt needs
 * SharedArrayBuffer). core-mt always gets an explicit thread count: with the default count it
 * crashed libx264 ("function signature mismatch") every time in Chromium.
 */
export function chooseWasmCore(input: WasmCoreChoiceInput): WasmCoreChoice {
  const mt = input.multiThread;
  if (!input.wantMultiThread || !input.crossOriginIsolated || !mt?.workerURL) {
    return { coreURL: input.singleThread.coreURL, wasmURL: input.singleThread.wasmURL, flavour: 'single-thread', threads: null };
  }
  const cores = input.hardwareConcurrency && input.hardwareConcurrency > 0 ? input.hardwareConcurrency : 2;
  const threads = Math.max(1, Math.floor(input.threads ?? Math.min(cores, MAX_DEFAULT_THREADS)));
  return { coreURL: mt.coreURL, wasmURL: mt.wasmURL, workerURL: mt.workerURL, flavour: 'multi-thread', threads };
}
