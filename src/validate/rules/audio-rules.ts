import type { AudioTrack } from '../../probe/media-info.js';
import type { RuleContext } from '../rule-context.js';
import { bitrate, inRange, list, range } from '../format.js';

const AUDIO_NAMES: Record<string, string> = { aac: 'AAC', mp3: 'MP3', opus: 'Opus', pcm: 'PCM', ac3: 'AC-3', eac3: 'E-AC-3', flac: 'FLAC', alac: 'ALAC', vorbis: 'Vorbis' };
const audioName = (c: string) => AUDIO_NAMES[c] ?? c;

export function checkAudioPresent(ctx: RuleContext, a: AudioTrack | null): void {
  const rule = ctx.target.video?.audioRequired;
  if (!rule || a) return;
  ctx.report({
    code: 'audio-missing',
    limit: rule,
    message: `The video has no audio track; ${ctx.target.platform} needs one.`,
    expected: 'an audio track',
    actual: 'none',
    remedy: 'transcode-audio',
    fix: 'Add a silent AAC track (anullsrc).',
  });
}

export function checkAudioCodec(ctx: RuleContext, a: AudioTrack): void {
  const rule = ctx.target.video?.audioCodecs;
  if (!rule || rule.value.includes(a.codec)) return;
  ctx.report({
    code: 'audio-codec',
    limit: rule,
    message: `The audio codec is ${audioName(a.codec)}; ${ctx.target.platform} takes ${list(rule.value.map(audioName))}.`,
    expected: list(rule.value),
    actual: a.codec,
    remedy: 'transcode-audio',
    fix: 'Re-encode the audio as AAC-LC at 48 kHz (the video is copied).',
    trackId: a.id,
  });
}

export function checkAacProfile(ctx: RuleContext, a: AudioTrack): void {
  const rule = ctx.target.video?.aacProfiles;
  if (!rule || a.codec !== 'aac' || !a.profile || rule.value.includes(a.profile)) return;
  ctx.report({
    code: 'audio-profile',
    limit: rule,
    message: `The audio is ${a.profile}; ${ctx.target.platform} takes ${list(rule.value)}.`,
    expected: list(rule.value),
    actual: a.profile,
    remedy: 'transcode-audio',
    fix: 'Re-encode the audio as AAC-LC.',
    trackId: a.id,
  });
}

export function checkSampleRate(ctx: RuleContext, a: AudioTrack): void {
  const rules = ctx.target.video;
  if (!rules || a.sampleRate <= 0) return;
  const r = rules.sampleRate;
  if (r && !inRange(a.sampleRate, r.value)) {
    report(ctx, a, r, range(r.value, ' Hz', 0));
  } else if (rules.sampleRates && !rules.sampleRates.value.includes(a.sampleRate)) {
    report(ctx, a, rules.sampleRates, list(rules.sampleRates.value.map((hz) => `${hz} Hz`)));
  }
}

function report(ctx: RuleContext, a: AudioTrack, limit: { severity: 'error' | 'warning'; source: { url: string; retrieved: string } }, expected: string): void {
  ctx.report({
    code: 'audio-sample-rate',
    limit,
    message: `The audio sample rate is ${a.sampleRate} Hz; ${ctx.target.platform} takes ${expected}.`,
    expected,
    actual: `${a.sampleRate} Hz`,
    remedy: 'transcode-audio',
    fix: 'Resample the audio to 48 kHz (the video is copied).',
    trackId: a.id,
  });
}

export function checkChannels(ctx: RuleContext, a: AudioTrack): void {
  const rule = ctx.target.video?.channels;
  if (!rule || a.channels <= 0 || inRange(a.channels, rule.value)) return;
  const max = rule.value.max ?? 2;
  ctx.report({
    code: 'audio-channels',
    limit: rule,
    message: `The audio has ${a.channels} channels; ${ctx.target.platform} takes ${range(rule.value, '', 0)} (${max <= 2 ? 'mono or stereo' : 'see the source'}).`,
    expected: `${range(rule.value, '', 0)} channels`,
    actual: `${a.channels} channels`,
    remedy: 'transcode-audio',
    fix: a.channels > max ? 'Downmix the audio to stereo (-ac 2).' : 'Upmix the audio to stereo (-ac 2).',
    trackId: a.id,
  });
}

export function checkAudioBitrate(ctx: RuleContext, a: AudioTrack): void {
  const rule = ctx.target.video?.audioBitrate;
  const bps = a.bitrateBitsPerSecond;
  if (!rule || bps === null) return;
  // Encoders overshoot a nominal 128k by a few percent; allow 5 % before calling it too high.
  const high = rule.value.max !== undefined && bps > rule.value.max * 1.05;
  const low = rule.value.min !== undefined && bps < rule.value.min * 0.95;
  if (!high && !low) return;
  ctx.report({
    code: 'audio-bitrate',
    limit: rule,
    message: `The audio bitrate is ${bitrate(bps)}; ${ctx.target.platform} asks for ${range(rule.value, '', 0).replace(/(\d+)/g, (n) => bitrate(Number(n)))}.`,
    expected: high ? `≤ ${bitrate(rule.value.max!)}` : `≥ ${bitrate(rule.value.min!)}`,
    actual: bitrate(bps),
    remedy: 'transcode-audio',
    fix: high ? `Re-encode the audio at ${bitrate(rule.value.max!)}.` : `Re-encode the audio at ${bitrate(rule.value.min!)} or more.`,
    trackId: a.id,
  });
}
