import { FixEngineError } from '../errors/fix-engine-error.js';

/** ffmpeg ran and exited non-zero. The message names the last log line, usually the reason. */
export function wasmExitError(exitCode: number, args: string[], logTail: string[]): FixEngineError {
  const last = logTail.at(-1);
  return new FixEngineError(`ffmpeg (wasm) exited with code ${exitCode}${last ? `: ${last}` : ''}`, { exitCode, args, logTail });
}

/** Neither progress nor a log line for `stallTimeoutMs`: the run was killed. */
export function wasmStallError(stallTimeoutMs: number, args: string[], logTail: string[]): FixEngineError {
  return new FixEngineError(`ffmpeg (wasm) made no progress for ${stallTimeoutMs} ms and was stopped`, { exitCode: null, args, logTail });
}

/** The engine itself failed (core did not load, worker crashed, a file could not be opened). */
export function wasmEngineFailure(message: string, args: string[], logTail: string[], cause?: unknown): FixEngineError {
  return new FixEngineError(`ffmpeg (wasm): ${message}`, { exitCode: null, args, logTail, cause });
}
