/**
 * The contract between the fix planner and whatever runs ffmpeg: ffmpeg.wasm in a Node worker
 * thread, ffmpeg.wasm in a browser Web Worker, or a native `ffmpeg` on PATH.
 */

/** Where a run is in its life; progress reports carry one. */
export type FixPhase = 'loading' | 'reading' | 'encoding' | 'finishing' | 'verifying';

/** Progress of a fix: phase and a monotonic ratio in 0..1. */
export type FixProgress = {
  phase: FixPhase;
  /** 0..1, monotonic over the whole fix, 1 only when done. */
  ratio: number;
  /** Output time reached, in seconds, while encoding. */
  outputSeconds?: number;
};

/** One ffmpeg invocation. Paths are the engine's own: host paths for Node, virtual names in the browser. */
export type EngineJob = {
  /** Arguments after `ffmpeg`, without `-i` inputs' file mounting concerns; `{input}` and `{output}` are replaced by the engine. */
  args: string[];
  /** The input: a host file path (Node) or a Blob/File (browser). */
  input: string | Blob;
  /** The output: a host file path (Node); in the browser the engine returns bytes. */
  output: string;
  /** Expected output duration in seconds, for progress. */
  expectedSeconds: number | null;
  signal?: AbortSignal;
  onProgress?: (p: FixProgress) => void;
  /** No progress for this long means a stall; the run is killed. @default 60000 */
  stallTimeoutMs?: number;
};

/** What an engine run produced: output bytes (browser engines) and the last log lines. */
export type EngineResult = {
  /** Browser engines return the output bytes; Node engines write `job.output` and return null. */
  outputBytes: Uint8Array | null;
  /** The last log lines, for error reports. */
  logTail: string[];
};

/** Something that runs ffmpeg: ffmpeg.wasm in a Node worker or a Web Worker, or a native ffmpeg. */
export interface FixEngine {
  readonly name: 'wasm' | 'native';
  /** Runs one job; rejects with FixEngineError (exit code, args, log tail) or an AbortError. */
  run(job: EngineJob): Promise<EngineResult>;
  /** Releases workers. */
  dispose?(): Promise<void>;
}
