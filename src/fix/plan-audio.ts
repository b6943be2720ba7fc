import type { AudioTrack } from '../probe/media-info.js';
import type { VideoRules } from '../targets/target-profile.js';

/** What every audio encode writes: AAC-LC, and the rate, channels and bitrate chosen here. */
export type AudioEncoding = { sampleRate: number; channels: 1 | 2; bitrate: number };

const RATES = [48_000, 44_100, 32_000, 24_000, 22_050, 16_000];
const DEFAULT_BITRATE = 128_000;

/**
 * 48 kHz unless the target forbids it; mono stays mono and anything wider becomes stereo (every
 * target takes 1–2 channels, and AAC-LC stereo is what players expect); 128 kb/s within the target's range.
 */
export function chooseAudioEncoding(audio: AudioTrack | null, rules: VideoRules | undefined): AudioEncoding {
  const range = rules?.sampleRate?.value;
  const list = rules?.sampleRates?.value;
  const sampleRate =
    RATES.find((r) => (range?.min === undefined || r >= range.min) && (range?.max === undefined || r <= range.max) && (!list || list.includes(r))) ??
    48_000;
  const ch = rules?.channels?.value;
  const wanted = audio && audio.channels === 1 ? 1 : 2;
  const channels = Math.min(2, Math.max(ch?.min ?? 1, Math.min(ch?.max ?? 2, wanted))) as 1 | 2;
  const br = rules?.audioBitrate?.value;
  const bitrate = Math.min(br?.max ?? Infinity, Math.max(br?.min ?? 0, DEFAULT_BITRATE));
  return { sampleRate, channels, bitrate };
}

/** `-b:a` spelling: 128000 → "128k". */
export function kbps(bitsPerSecond: number): string {
  return `${Math.round(bitsPerSecond / 1000)}k`;
}
