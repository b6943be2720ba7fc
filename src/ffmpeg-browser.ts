/**
 * media-preflight/ffmpeg for browsers: the same fix() and planFix(), with the ffmpeg.wasm engine
 * that runs in a Web Worker. Nothing here imports a Node module; bundlers pick this file through
 * the `browser` condition of the `./ffmpeg` export.
 */

// Fix
export { fix } from './fix/fix.js';
export type { FixOptions, FixResult, FixPass, EngineChoice, EngineFactory } from './fix/fix-types.js';

// Plan
export { planFix } from './fix/plan-fix.js';
export { x264Presets, type FixPlan, type FixAction, type FixStep, type StreamTreatment, type PlanOptions, type PlanRetry, type X264Preset } from './fix/plan-types.js';

// Engine
export type { FixEngine, EngineJob, EngineResult, FixProgress, FixPhase } from './fix/engine.js';
export { createWasmBrowserEngine, type WasmBrowserEngineOptions } from './fix/wasm-browser-engine.js';
export { wasmCanDecode, WASM_MAX_INPUT_BYTES } from './fix/wasm-codecs.js';

// Errors
export { FixEngineError } from './errors/fix-engine-error.js';
export { FixRefusedError, type FixRefusal } from './errors/fix-refused-error.js';
