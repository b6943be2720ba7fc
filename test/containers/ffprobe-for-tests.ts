import { execFileSync } from 'node:child_process';

export interface FfprobeStream {
  codec_name?: string;
  codec_type?: string;
  width?: number;
  height?: number;
  sample_rate?: string;
  channels?: number;
  r_frame_rate?: string;
}

export interface FfprobeResult {
  streams: FfprobeStream[];
  format: { format_name?: string; duration?: string };
}

/** True when ffprobe runs here; the tests then compare with it instead of the encoder settings. */
export function hasFfprobe(): boolean {
  try {
    execFileSync('ffprobe', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function ffprobe(path: string): FfprobeResult {
  const out = execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', path], {
    encoding: 'utf8',
  });
  return JSON.parse(out) as FfprobeResult;
}

/** ffprobe names PCM by sample layout (pcm_s16le); our facts say "pcm". */
export function normaliseFfprobeCodec(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  return name.startsWith('pcm_') ? 'pcm' : name;
}
