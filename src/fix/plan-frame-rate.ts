/**
 * Picks the output frame rate when the input's is outside the target's range (or varies): a common
 * rate, so players and platforms see a familiar number, and an NTSC rate (x/1.001) for NTSC input.
 */

const COMMON = [24, 25, 30, 48, 50, 60];
const NTSC = [24000 / 1001, 30000 / 1001, 48000 / 1001, 60000 / 1001];
/** Players round 23.976 to 24; the validator allows this much under a bound, so the planner does too. */
const TOLERANCE = 0.05;

export type FrameRateRange = { min?: number; max?: number };

/** ffmpeg's spelling of a rate: "60", "30000/1001". */
export function frameRateArg(fps: number): string {
  for (const base of [24, 30, 48, 60]) if (Math.abs(fps - (base * 1000) / 1001) < 1e-6) return `${base * 1000}/1001`;
  return Number.isInteger(fps) ? String(fps) : String(Math.round(fps * 1000) / 1000);
}

export function inFrameRateRange(fps: number, range: FrameRateRange): boolean {
  return (range.min === undefined || fps >= range.min - TOLERANCE) && (range.max === undefined || fps <= range.max + TOLERANCE);
}

/**
 * The rate to encode at: null keeps the input's. Above the range: the largest common rate within it
 * (120 → 60). Below: the smallest common rate within it (15 → 24). Unknown or variable input: the
 * smallest common rate at or above it, or 30 when nothing is known.
 */
export function pickFrameRate(input: number | null, range: FrameRateRange, variable: boolean): number | null {
  if (input !== null && input > 0 && inFrameRateRange(input, range) && !variable) return null;
  const ntsc = input !== null && input > 0 && isNtsc(input);
  const candidates = (ntsc ? NTSC : COMMON).filter((r) => inFrameRateRange(r, range));
  if (candidates.length === 0) return range.max ?? range.min ?? 30;
  if (input === null || !(input > 0)) return candidates.includes(30) ? 30 : candidates[0]!;
  if (range.max !== undefined && input > range.max + TOLERANCE) return candidates[candidates.length - 1]!;
  return candidates.find((r) => r >= input - TOLERANCE) ?? candidates[candidates.length - 1]!;
}

function isNtsc(fps: number): boolean {
  const n = fps * 1.001;
  return Math.abs(n - Math.round(n)) < 0.01 && Math.abs(fps - Math.round(fps)) > 0.01;
}
