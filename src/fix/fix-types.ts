import type { TargetInput } from '../targets/targets.js';
import type { Report } from '../validate/report.js';
import type { FixEngine, FixProgress } from './engine.js';
import type { FixPlan, X264Preset } from './plan-types.js';

/** Which engine runs the plan: ffmpeg.wasm, a native ffmpeg, or native when one is on PATH. */
export type EngineChoice = 'wasm' | 'native' | 'auto';

/** An engine made on demand: fix() plans (and may refuse) before `create` is ever called. */
export type EngineFactory = { readonly name: 'wasm' | 'native'; create(): FixEngine | Promise<FixEngine> };

/** Options for fix(): the target, the engine, where to write, progress, and encoder settings. */
export type FixOptions = {
  /** Target id or profile. @default 'threads' */
  target?: TargetInput;
  /**
   * 'wasm' (ffmpeg.wasm in a worker thread), 'native' (ffmpeg on PATH), 'auto' (native when on PATH,
   * else wasm), or your own engine or factory (the browser engine, a test double). @default 'wasm'
   */
  engine?: EngineChoice | FixEngine | EngineFactory;
  /** Output path (Node). @default the input's path with `.fixed.mp4` (or `.fixed.jpg`/`.fixed.png`) */
  output?: string;
  signal?: AbortSignal;
  /** Called once with the first plan and the input's report, before any engine loads (the CLI prints it). */
  onPlan?: (plan: FixPlan, before: Report) => void;
  /** Called while an engine runs; ratio is monotonic in 0..1 and the last call, when the fix completes, has ratio 1. */
  onProgress?: (p: FixProgress) => void;
  /** libx264 preset. @default 'veryfast' */
  preset?: X264Preset;
  /** `-threads` for the encoders. @default 1 for wasm, 0 (ffmpeg decides) for native */
  threads?: number;
  /** x264 CRF when no bitrate budget applies. @default 23 */
  crf?: number;
  /** Kill a run that reports nothing for this long. @default 60000 */
  stallTimeoutMs?: number;
  /** Runs of the engine at most, counting retries for an output that still misses a limit. @default 3 */
  maxAttempts?: number;
  /** Native engine only: the ffmpeg binary. @default 'ffmpeg' on PATH */
  ffmpegPath?: string;
  /** Refuse inputs larger than this (the wasm engine in a browser holds the input in memory). @default unlimited for paths, 2 GiB − 1 for Blobs on wasm */
  maxInputBytes?: number;
};

/** One engine run: the plan it ran and the report on what it wrote. */
export type FixPass = { plan: FixPlan; after: Report; seconds: number };

/** What fix() did: the plan, the reports before and after, where the output is, and whether it passes. */
export type FixResult = {
  /** True only when the output passes the target (or the input already did and needed nothing). */
  ok: boolean;
  /** The first plan; `passes` lists every run when a retry followed. */
  plan: FixPlan;
  /** The engine that ran, or null when none did (nothing to do, or refused). */
  engine: 'wasm' | 'native' | null;
  before: Report;
  /** The output's report; null when nothing ran. */
  after: Report | null;
  /** Wall time of the whole fix. */
  seconds: number;
  /** Where the output is (Node); null when nothing was written. */
  output: string | null;
  /** The output, when a browser engine returned bytes rather than writing a file. */
  outputBytes?: Uint8Array;
  passes: FixPass[];
};
