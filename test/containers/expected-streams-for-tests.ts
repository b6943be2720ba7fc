import { ffprobe, hasFfprobe, normaliseFfprobeCodec } from './ffprobe-for-tests.js';
import { containerFixturePath } from './fixture-files-for-tests.js';

export interface ExpectedStream {
  kind: 'video' | 'audio' | 'other';
  codec: string;
  width?: number;
  height?: number;
  frameRate?: number;
  sampleRate?: number;
  channels?: number;
}

export interface ExpectedFile {
  streams: ExpectedStream[];
  durationSeconds: number | null;
  /** Where the expectation came from, for failure messages. */
  source: 'ffprobe' | 'encoder settings';
}

const v = (codec: string, frameRate = 15, width = 160, height = 90): ExpectedStream => ({ kind: 'video', codec, width, height, frameRate });
const a = (codec: string, sampleRate: number, channels: number): ExpectedStream => ({ kind: 'audio', codec, sampleRate, channels });

/** What fixtures/make-container-fixtures.sh asked ffmpeg for: used when ffprobe is not installed. */
const encoderSettings: Record<string, Omit<ExpectedFile, 'source'>> = {
  'vp9-opus.webm': { streams: [v('vp9'), a('opus', 48000, 2)], durationSeconds: 1 },
  'vp9-opus-live.webm': { streams: [v('vp9'), a('opus', 48000, 2)], durationSeconds: null },
  'vp8-vorbis.webm': { streams: [v('vp8'), a('vorbis', 48000, 2)], durationSeconds: 1 },
  'av1-opus.webm': { streams: [v('av1'), a('opus', 48000, 2)], durationSeconds: 1 },
  'h264-aac.mkv': { streams: [v('h264'), a('aac', 44100, 2)], durationSeconds: 1 },
  'hevc-aac.mkv': { streams: [v('hevc'), a('aac', 44100, 1)], durationSeconds: 1 },
  'mpeg4-mp3.avi': { streams: [v('mpeg4'), a('mp3', 44100, 2)], durationSeconds: 1 },
  'h264-pcm.avi': { streams: [v('h264'), a('pcm', 22050, 1)], durationSeconds: 1 },
  'h264-aac.ts': { streams: [v('h264'), a('aac', 48000, 2)], durationSeconds: 1 },
  'h264-aac.m2ts': { streams: [v('h264'), a('aac', 48000, 2)], durationSeconds: 1 },
  'h264-mp2.ts': { streams: [v('h264'), a('mp2', 48000, 2)], durationSeconds: 1 },
};

/** How far a duration may differ when it comes from the encoder settings (muxers pad by a frame or two). */
export const ENCODER_SETTINGS_DURATION_TOLERANCE = 0.1;

function rate(fraction: string | undefined): number | undefined {
  if (!fraction) return undefined;
  const [n, d] = fraction.split('/').map(Number);
  return n && d ? n / d : undefined;
}

export function expectedFor(name: string): ExpectedFile {
  if (!hasFfprobe()) {
    const settings = encoderSettings[name];
    if (!settings) throw new Error(`no encoder settings recorded for ${name}`);
    return { ...settings, source: 'encoder settings' };
  }
  const probe = ffprobe(containerFixturePath(name));
  const streams = probe.streams.map((s): ExpectedStream => {
    const kind = s.codec_type === 'video' ? 'video' : s.codec_type === 'audio' ? 'audio' : 'other';
    const codec = normaliseFfprobeCodec(s.codec_name) ?? 'unknown';
    if (kind === 'video') return { kind, codec, width: s.width, height: s.height, frameRate: rate(s.r_frame_rate) };
    if (kind === 'audio') return { kind, codec, sampleRate: Number(s.sample_rate), channels: s.channels };
    return { kind, codec };
  });
  const duration = Number(probe.format.duration);
  return { streams, durationSeconds: Number.isFinite(duration) ? duration : null, source: 'ffprobe' };
}
