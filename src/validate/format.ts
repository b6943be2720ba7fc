/** Small formatters for issue texts, so every message reads the same way. */

export function range(r: { min?: number; max?: number }, unit: string, digits = 3): string {
  const f = (n: number) => `${round(n, digits)}${unit}`;
  if (r.min !== undefined && r.max !== undefined) return r.min === r.max ? f(r.min) : `${round(r.min, digits)}–${f(r.max)}`;
  if (r.max !== undefined) return `at most ${f(r.max)}`;
  if (r.min !== undefined) return `at least ${f(r.min)}`;
  return 'any';
}

export function round(n: number, digits = 3): number {
  const p = 10 ** digits;
  return Math.round(n * p) / p;
}

export function bytes(n: number): string {
  if (n >= 1e9) return `${round(n / 1e9, 2)} GB`;
  if (n >= 1e6) return `${round(n / 1e6, 2)} MB`;
  if (n >= 1e3) return `${round(n / 1e3, 1)} kB`;
  return `${n} B`;
}

export function bitrate(bps: number): string {
  return bps >= 1e6 ? `${round(bps / 1e6, 2)} Mbps` : `${round(bps / 1e3, 0)} kbps`;
}

export function list(values: readonly (string | number)[]): string {
  if (values.length <= 1) return String(values[0] ?? '');
  return `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

/** An aspect ratio as "9:16 (0.5625)". */
export function aspect(ratio: number): string {
  const known: Array<[number, string]> = [[9 / 16, '9:16'], [16 / 9, '16:9'], [1, '1:1'], [4 / 5, '4:5'], [4 / 3, '4:3'], [3 / 4, '3:4'], [1.91, '1.91:1']];
  const name = known.find(([r]) => Math.abs(r - ratio) < 0.005)?.[1];
  return name ? `${name} (${round(ratio, 4)})` : `${round(ratio, 4)}:1`;
}

export function inRange(value: number, r: { min?: number; max?: number }): boolean {
  return (r.min === undefined || value >= r.min - 1e-9) && (r.max === undefined || value <= r.max + 1e-9);
}
