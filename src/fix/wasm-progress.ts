import type { FixPhase, FixProgress } from './engine.js';

/** Engines never report 1: the caller reports it when the whole fix is done. */
export const MAX_ENGINE_RATIO = 0.99;

/**
 * Output times beyond this (about 31 years) are not times. Before the first packet is written,
 * ffmpeg's report can carry |AV_NOPTS_VALUE| = 2^63 µs (seen in Chromium with a slow filter);
 * taken at face value it would pin the monotonic bar near the end.
 */
const MAX_PLAUSIBLE_TIME_US = 1e15;

/** True for a core `time` worth using: finite and not a sentinel (slightly negative is real). */
export function isPlausibleTime(timeUs: number): boolean {
  return Number.isFinite(timeUs) && Math.abs(timeUs) <= MAX_PLAUSIBLE_TIME_US;
}

/**
 * Output time in microseconds (the core's `time`) over the expected output duration, clamped to
 * 0..MAX_ENGINE_RATIO; null when the duration is unknown. The core's own `progress` field is time
 * over the *input* duration: wrong with -t/-ss and it overshoots, so it is not used.
 */
export function ratioFromTime(timeUs: number, expectedSeconds: number | null): number | null {
  if (expectedSeconds === null || !(expectedSeconds > 0) || !isPlausibleTime(timeUs)) return null;
  return Math.min(MAX_ENGINE_RATIO, Math.max(0, timeUs / 1e6 / expectedSeconds));
}

export type WasmProgressReporter = {
  loading(): void;
  /** One core progress event. */
  time(timeUs: number): void;
  /** ffmpeg exited 0: the encoding work is done, only teardown is left. */
  finishing(): void;
};

/** Turns core events into monotonic FixProgress reports. */
export function createWasmProgress(expectedSeconds: number | null, onProgress?: (p: FixProgress) => void): WasmProgressReporter {
  let ratio = 0;
  let outputSeconds: number | undefined;
  const report = (phase: FixPhase, next: number | null): void => {
    if (next !== null && next > ratio) ratio = next;
    if (!onProgress) return;
    try {
      onProgress(outputSeconds === undefined ? { phase, ratio } : { phase, ratio, outputSeconds });
    } catch {
      // A throwing listener must not take down the run (it is called from worker events).
    }
  };
  return {
    loading: () => report('loading', null),
    time: (timeUs) => {
      if (isPlausibleTime(timeUs)) outputSeconds = Math.max(outputSeconds ?? 0, timeUs / 1e6, 0);
      report('encoding', ratioFromTime(timeUs, expectedSeconds));
    },
    finishing: () => report('finishing', MAX_ENGINE_RATIO),
  };
}
