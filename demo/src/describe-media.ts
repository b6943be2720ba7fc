import type { MediaInfo } from '../../src/index.js';

/** One line of facts about a file, as the card shows it. */
export function describeMedia(m: MediaInfo | null): string {
  if (!m) return '';
  const parts: string[] = [m.container.formatName];
  const v = m.video;
  if (v) parts.push(`${v.codec}${v.profile ? ` ${v.profile}` : ''} ${v.displayWidth}x${v.displayHeight}${v.frameRate ? ` ${Math.round(v.frameRate * 100) / 100} fps` : ''}`);
  const a = m.audio;
  if (a) parts.push(`${a.codec}${a.sampleRate ? ` ${a.sampleRate / 1000} kHz` : ''}${a.channels ? ` ${a.channels} ch` : ''}`);
  if (m.image) parts.push(`${m.image.width}x${m.image.height}${m.image.animated ? ' animated' : ''}`);
  if (m.durationSeconds !== null) parts.push(`${Math.round(m.durationSeconds * 100) / 100} s`);
  parts.push(`${(m.sizeBytes / 1e6).toFixed(2)} MB`);
  return parts.join(' · ');
}
