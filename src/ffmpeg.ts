/**
 * media-preflight/ffmpeg: fix what a check found (remux, trim, scale, re-encode) with ffmpeg.wasm or
 * a native ffmpeg, then check the output against the same target. Node entry: the wasm engine runs
 * in a worker thread and is loaded only when a job needs it.
 */
import type { FixEngine } from './fix/engine.js';
import { loadWasmNodeEngine, type WasmNodeEngineLoadOptions } from './fix/pick-engine.js';

// Fix
export { fix } from './fix/fix.js';
export type { FixOptions, FixResult, FixPass, EngineChoice, EngineFactory } from './fix/fix-types.js';
export { defaultOutputPath } from './fix/output-path.js';

// Plan
export { planFix } from './fix/plan-fix.js';
export { x264Presets, type FixPlan, type FixAction, type FixStep, type StreamTreatment, type PlanOptions, type PlanRetry, type X264Preset } from './fix/plan-types.js';

// Engines
export type { FixEngine, EngineJob, EngineResult, FixProgress, FixPhase } from './fix/engine.js';
export { createNativeEngine, type NativeEngineOptions } from './fix/native-engine.js';
export type { WasmNodeEngineLoadOptions } from './fix/pick-engine.js';

/**
 * ffmpeg.wasm in a Node worker thread (the @ffmpeg/core 0.12 build, read and written in place on the
 * host file system). Async because the engine's module is loaded on first use.
 *
 * @example
 * const engine = await createWasmNodeEngine();
 * const result = await fix('clip.mov', { engine });
 * await engine.dispose?.();
 */
export function createWasmNodeEngine(options: WasmNodeEngineLoadOptions = {}): Promise<FixEngine> {
  return loadWasmNodeEngine(options);
}

// Errors
export { FixEngineError } from './errors/fix-engine-error.js';
export { FixRefusedError, type FixRefusal } from './errors/fix-refused-error.js';
