import { execFileSync } from 'node:child_process';

/** True when ffprobe runs here; the tests then cross-check the parsers against it. */
export const hasFfprobe: boolean = (() => {
  try {
    execFileSync('ffprobe', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** ffprobe's view of an image file's first stream, with decoded frame count and first-frame tags. */
export interface FfprobeImage {
  codec: string;
  width: number;
  height: number;
  pixFmt: string | null;
  /** Frames decoded by -count_frames. */
  frames: number | null;
  /** The EXIF Orientation ffmpeg's JPEG decoder exports as a frame tag. */
  orientation: number | null;
}

interface FfprobeJson {
  streams?: { codec_name?: string; width?: number; height?: number; pix_fmt?: string; nb_read_frames?: string }[];
  frames?: { tags?: Record<string, string> }[];
}

export function ffprobeImage(path: string): FfprobeImage {
  const json = JSON.parse(
    execFileSync('ffprobe', ['-v', 'error', '-count_frames', '-show_streams', '-show_frames', '-of', 'json', path], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    }),
  ) as FfprobeJson;
  const stream = json.streams?.[0];
  if (!stream?.codec_name) throw new Error(`ffprobe found no stream in ${path}`);
  const orientationTag = json.frames?.[0]?.tags?.['Orientation'];
  const frames = Number(stream.nb_read_frames);
  return {
    codec: stream.codec_name,
    width: stream.width ?? 0,
    height: stream.height ?? 0,
    pixFmt: stream.pix_fmt ?? null,
    frames: Number.isFinite(frames) ? frames : null,
    orientation: orientationTag === undefined ? null : Number(orientationTag.trim()),
  };
}
