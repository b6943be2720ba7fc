// The reference facts for the correctness check, straight from Debian's ffprobe.
import { spawnSync } from 'node:child_process';

export type FfprobeFacts = {
  durationSeconds: number | null;
  videoCodec: string | null;
  width: number | null;
  height: number | null;
  /** Frames per second of the first video stream, for the one-frame duration tolerance. */
  frameRate: number | null;
};

type FfprobeJson = {
  format?: { duration?: string };
  streams?: Array<{ codec_type?: string; codec_name?: string; width?: number; height?: number; avg_frame_rate?: string; r_frame_rate?: string }>;
};

function rate(text: string | undefined): number | null {
  const [num, den] = (text ?? '').split('/').map(Number);
  return num && den ? num / den : null;
}

export function ffprobeFacts(path: string): FfprobeFacts {
  const r = spawnSync('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', path], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`ffprobe failed on ${path}: ${r.stderr}`);
  const json = JSON.parse(r.stdout) as FfprobeJson;
  const video = json.streams?.find((s) => s.codec_type === 'video');
  const duration = Number(json.format?.duration);
  return {
    durationSeconds: Number.isFinite(duration) ? duration : null,
    videoCodec: video?.codec_name ?? null,
    width: video?.width ?? null,
    height: video?.height ?? null,
    frameRate: rate(video?.avg_frame_rate) ?? rate(video?.r_frame_rate),
  };
}
