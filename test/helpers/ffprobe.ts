import { execFileSync } from 'node:child_process';

/** ffprobe is the oracle. CI installs it; a CI run without it is a broken setup, not a pass. */
export function hasFfprobe(): boolean {
  try {
    execFileSync('ffprobe', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CI) throw new Error('ffprobe is missing: .ci/run must install ffmpeg for the oracle tests');
    return false;
  }
}

export type FfprobeStream = {
  index: number;
  codec_type: string;
  codec_name: string;
  profile?: string;
  width?: number;
  height?: number;
  pix_fmt?: string;
  field_order?: string;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  duration?: string;
  start_time?: string;
  sample_rate?: string;
  channels?: number;
  sample_aspect_ratio?: string;
  nb_frames?: string;
  side_data_list?: Array<{ side_data_type: string; rotation?: number }>;
};

export type FfprobeResult = { streams: FfprobeStream[]; format: { duration?: string; format_name: string; size: string } };

export function ffprobe(path: string): FfprobeResult {
  const out = execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', path], { encoding: 'utf8' });
  return JSON.parse(out) as FfprobeResult;
}

/** "30000/1001" → 29.97; "0/0" → null. */
export function ratio(r: string | undefined): number | null {
  if (!r) return null;
  const [n, d] = r.split('/').map(Number);
  return n && d ? n / d : null;
}

/** ffprobe pix_fmt → chroma subsampling and bit depth. */
export function pixFmtFacts(pixFmt: string | undefined): { chroma: string | null; bitDepth: number | null } {
  if (!pixFmt) return { chroma: null, bitDepth: null };
  const m = /^(?:yuvj?|gray)(420|422|444|)p?(\d+)?(?:le|be)?$/.exec(pixFmt);
  if (!m) return { chroma: null, bitDepth: null };
  const chroma = pixFmt.startsWith('gray') ? '4:0:0' : m[1] ? `${m[1]![0]}:${m[1]![1]}:${m[1]![2]}` : null;
  return { chroma, bitDepth: m[2] ? Number(m[2]) : 8 };
}
