import { describe, expect, it } from 'vitest';
import type { FixProgress } from '../../src/fix/engine.js';
import { createLogTail } from '../../src/fix/wasm-log-tail.js';
import { MAX_ENGINE_RATIO, createWasmProgress, ratioFromTime } from '../../src/fix/wasm-progress.js';

describe('wasm progress', () => {
  it('is output time (µs) over the expected seconds, clamped below 1', () => {
    expect(ratioFromTime(5_000_000, 10)).toBe(0.5);
    expect(ratioFromTime(-40_000, 10)).toBe(0);
    expect(ratioFromTime(10_005_333, 10)).toBe(MAX_ENGINE_RATIO); // the core overshoots
    expect(MAX_ENGINE_RATIO).toBeLessThan(1);
    expect(ratioFromTime(5_000_000, null)).toBeNull();
    expect(ratioFromTime(5_000_000, 0)).toBeNull();
    expect(ratioFromTime(Number.NaN, 10)).toBeNull();
    expect(ratioFromTime(-(2 ** 63), 10)).toBeNull();
  });

  it('ignores the 2^63 µs sentinel ffmpeg reports before its first packet', () => {
    const seen: FixProgress[] = [];
    const progress = createWasmProgress(301, (p) => seen.push(p));
    progress.time(2 ** 63); // 9223372036854.775 s, as Chromium delivered it
    progress.time(3_010_000);
    expect(seen[0]?.ratio).toBe(0);
    expect(seen[1]?.ratio).toBeCloseTo(0.01, 10);
    expect(seen[0]?.outputSeconds).toBeUndefined();
  });

  it('reports loading, then monotonic encoding, then finishing', () => {
    const seen: FixProgress[] = [];
    const progress = createWasmProgress(4, (p) => seen.push(p));
    progress.loading();
    progress.time(1_000_000);
    progress.time(3_000_000);
    progress.time(2_000_000); // a late event must not move the bar back
    progress.finishing();
    expect(seen.map((p) => p.phase)).toEqual(['loading', 'encoding', 'encoding', 'encoding', 'finishing']);
    expect(seen.map((p) => p.ratio)).toEqual([0, 0.25, 0.75, 0.75, MAX_ENGINE_RATIO]);
    expect(seen[3]?.outputSeconds).toBe(3);
  });

  it('still reports output seconds when the duration is unknown', () => {
    const seen: FixProgress[] = [];
    const progress = createWasmProgress(null, (p) => seen.push(p));
    progress.time(2_500_000);
    expect(seen).toEqual([{ phase: 'encoding', ratio: 0, outputSeconds: 2.5 }]);
  });

  it('survives a listener that throws', () => {
    const progress = createWasmProgress(1, () => {
      throw new Error('listener bug');
    });
    expect(() => progress.time(500_000)).not.toThrow();
  });
});

describe('wasm log tail', () => {
  it('keeps the last lines, split, without blanks or the closing Aborted() line', () => {
    const tail = createLogTail(3);
    tail.push('one\ntwo');
    tail.push('');
    tail.push('three');
    tail.push('four\r\n');
    tail.push('Aborted()');
    expect(tail.lines()).toEqual(['two', 'three', 'four']);
  });
});
