import { targets } from './targets.js';
import type { TargetProfile } from './target-profile.js';

/** A markdown table of every target's main limits, for the README (a test keeps them in sync). */
export function targetsMarkdownTable(): string {
  const rows = Object.values(targets).map(row);
  const head = '| target | container | video codec | fps | size / sides | aspect | duration | file size | audio |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |';
  return [head, ...rows].join('\n');
}

type L = { value: unknown; severity: string } | undefined;

function cell(l: L, fmt: (v: never) => string): string {
  if (!l) return '–';
  return `${fmt(l.value as never)}${l.severity === 'warning' ? ' (rec.)' : ''}`;
}

const r = (unit: string, scale = 1) => (v: { min?: number; max?: number }) =>
  v.min !== undefined && v.max !== undefined ? `${n(v.min / scale)}–${n(v.max / scale)}${unit}` : v.max !== undefined ? `≤ ${n(v.max / scale)}${unit}` : `≥ ${n((v.min ?? 0) / scale)}${unit}`;
const n = (x: number) => String(Math.round(x * 1000) / 1000);
const bytes = (v: { min?: number; max?: number }) => {
  const f = (b: number) => (b >= 1e9 ? `${n(b / 1e9)} GB` : b >= 1e6 ? `${n(b / 1e6)} MB` : b === 8 * 1024 * 1024 ? '8 MiB' : `${n(b / 1e3)} kB`);
  const s = (b: number) => (b % (1024 * 1024) === 0 && b < 1e9 ? `${b / 1024 / 1024} MiB` : f(b));
  return v.min !== undefined && v.max !== undefined ? `${s(v.min)}–${s(v.max)}` : v.max !== undefined ? `≤ ${s(v.max)}` : `≥ ${s(v.min ?? 0)}`;
};
const list = (v: string[]) => v.join(', ');

function row(t: TargetProfile): string {
  const v = t.video;
  const i = t.image;
  const sides = [v?.width && `w ${cell(v.width, r(''))}`, v?.longSide && `long ${cell(v.longSide, r(''))}`, v?.shortSide && `short ${cell(v.shortSide, r(''))}`].filter(Boolean).join('; ') || '–';
  const audio = v ? [v.audioCodecs && cell(v.audioCodecs, list), v.sampleRate && cell(v.sampleRate, r(' kHz', 1000)), v.channels && `${cell(v.channels, r(' ch'))}`].filter(Boolean).join(', ') || '–' : '–';
  const size = [v?.fileSize && `video ${cell(v.fileSize, bytes)}`, i?.fileSize && `image ${cell(i.fileSize, bytes)}`].filter(Boolean).join('; ') || '–';
  return `| \`${t.id}\` | ${cell(v?.containers, list)}${i?.formats ? `; images ${cell(i.formats, list)}` : ''} | ${cell(v?.videoCodecs, list)} | ${cell(v?.frameRate, r(''))} | ${sides} | ${cell(v?.aspectRatio ?? i?.aspectRatio, r(':1'))} | ${cell(v?.duration, r(' s'))} | ${size} | ${audio} |`;
}
