import type { MediaInfo } from '../probe/media-info.js';
import { paint, type Terminal } from './terminal.js';

/** A few readable lines about one probed file, for people (the JSON is for programs). */
export function formatMediaInfo(term: Terminal, label: string, info: MediaInfo): string {
  const lines: string[] = [paint(term, 'bold', label)];
  const c = info.container;
  const layout = c.faststart === null ? '' : c.faststart ? ', faststart' : ', moov at end';
  lines.push(`  container  ${c.formatName}${c.brands ? ` (${c.brands.major.trim()})` : ''}${layout}${c.fragmented ? ', fragmented' : ''}`);
  lines.push(`  size       ${formatBytes(info.sizeBytes)}${info.durationSeconds !== null ? `, ${info.durationSeconds.toFixed(3)} s` : ''}${info.bitrateBitsPerSecond ? `, ${formatBitrate(info.bitrateBitsPerSecond)}` : ''}`);
  const v = info.video;
  if (v) {
    const parts = [
      `${v.codec}${v.profile ? ` ${v.profile}` : ''}${v.level !== null ? `@${v.level}` : ''}`,
      v.width > 0 && v.height > 0 ? `${v.width}x${v.height}` : null,
      v.frameRate !== null ? `${round(v.frameRate, 3)} fps${v.frameRateMode === 'variable' ? ' (variable)' : ''}` : null,
      v.chromaSubsampling ? `${v.chromaSubsampling}${v.bitDepth ? ` ${v.bitDepth}-bit` : ''}` : null,
      v.interlaced ? 'interlaced' : null,
      v.rotation ? `rotated ${v.rotation}°` : null,
      v.bitrateBitsPerSecond ? formatBitrate(v.bitrateBitsPerSecond) : null,
    ];
    lines.push(`  video      ${parts.filter(Boolean).join(', ')}`);
  }
  const a = info.audio;
  if (a) {
    // Containers probed cheaply (MPEG-TS) may not know rates and channels: 0 means unknown there.
    const parts = [
      `${a.codec}${a.profile ? ` ${a.profile}` : ''}`,
      a.sampleRate > 0 ? `${a.sampleRate} Hz` : null,
      a.channels > 0 ? `${a.channels} ch` : null,
      a.bitrateBitsPerSecond ? formatBitrate(a.bitrateBitsPerSecond) : null,
    ];
    lines.push(`  audio      ${parts.filter(Boolean).join(', ')}`);
  }
  const img = info.image;
  if (img) {
    const parts = [img.format, `${img.width}x${img.height}`, img.animated ? `animated${img.frameCount ? ` (${img.frameCount} frames)` : ''}` : null, img.orientation && img.orientation !== 1 ? `EXIF orientation ${img.orientation}` : null];
    lines.push(`  image      ${parts.filter(Boolean).join(', ')}`);
  }
  for (const note of info.notes) lines.push(paint(term, 'dim', `  note       ${note}`));
  if (info.unreadable) lines.push(paint(term, 'red', `  unreadable ${info.unreadable.reason}: ${info.unreadable.message}`));
  lines.push(paint(term, 'dim', `  read       ${formatBytes(info.io.bytesRead)} in ${info.io.reads} read${info.io.reads === 1 ? '' : 's'}`));
  return lines.join('\n') + '\n';
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${round(n / 1024, 1)} KiB`;
  if (n < 1024 ** 3) return `${round(n / 1024 ** 2, 1)} MiB`;
  return `${round(n / 1024 ** 3, 2)} GiB`;
}

export function formatBitrate(bps: number): string {
  return bps >= 1e6 ? `${round(bps / 1e6, 2)} Mb/s` : `${round(bps / 1e3, 0)} kb/s`;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
