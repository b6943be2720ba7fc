import type { FixPhase, FixProgress } from './engine.js';

/**
 * Folds each engine run's own 0..1 into one monotonic ratio for the whole fix. Only `done` reaches 1.
 */
export class FixProgressMeter {
  private ratio = 0;

  constructor(private readonly listener?: (p: FixProgress) => void) {}

  get current(): number {
    return this.ratio;
  }

  emit(phase: FixPhase, ratio: number, outputSeconds?: number): void {
    const r = Math.max(this.ratio, Math.min(0.999, Number.isFinite(ratio) ? ratio : 0));
    this.ratio = r;
    this.send(outputSeconds === undefined ? { phase, ratio: r } : { phase, ratio: r, outputSeconds });
  }

  /** A listener for an engine run mapped onto [from, to] of the whole. */
  span(from: number, to: number): (p: FixProgress) => void {
    return (p) => this.emit(p.phase, from + (to - from) * Math.min(1, Math.max(0, p.ratio)), p.outputSeconds);
  }

  done(): void {
    this.ratio = 1;
    this.send({ phase: 'verifying', ratio: 1 });
  }

  private send(p: FixProgress): void {
    try {
      this.listener?.(p);
    } catch {
      // A throwing listener must not break the fix.
    }
  }
}
