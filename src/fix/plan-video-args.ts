import { kbps } from './plan-audio.js';
import { frameRateArg } from './plan-frame-rate.js';
import type { X264Preset } from './plan-types.js';
import type { VideoDecisions } from './plan-video.js';

export type EncodeSettings = { preset: X264Preset; crf: number; threads: number };

/**
 * ffmpeg arguments for a video file's decisions. Every output is an MP4 with the index at the front;
 * every video encode is H.264 High, 8-bit 4:2:0, closed GOPs, at a level that fits; every audio encode
 * is AAC-LC. `-loglevel info` is explicit: a reused wasm core keeps the previous run's level, and
 * the log tail in error reports needs info lines.
 *
 * Edit lists: copied streams from an ISO-BMFF source keep their one-segment priming/B-frame edit,
 * which is benign. A real edit list (empty edit, cut, several segments) is never dropped with
 * `-ignore_editlist 1`, since that would show frames the edit hides or shift the audio against the
 * video; the track is re-encoded instead, the decoder applying the edit, so the output needs none.
 * Copies out of Matroska, WebM, MPEG-TS, FLV or AVI start their streams a few milliseconds apart
 * (the audio priming), which MP4 can only express as an empty edit: those outputs are written with
 * no edit list (`-use_editlist 0`) and negative composition offsets, so B-frame delay stays exact and
 * only the few-millisecond start offset is dropped, well under the ~45 ms at which lip-sync errors
 * become noticeable. Re-encoded streams start at zero: the video by constant-rate output, the audio
 * by `aresample=async=1:first_pts=0`, which pads a late start with silence.
 */
export function videoArgs(d: VideoDecisions, s: EncodeSettings): string[] {
  const args = ['-loglevel', 'info', '-i', '{input}'];
  const silence = d.audio === 'add';
  if (silence) {
    const seconds = d.outputSeconds ? `,atrim=duration=${d.outputSeconds}` : '';
    const layout = d.audioEncoding.channels === 1 ? 'mono' : 'stereo';
    args.push('-filter_complex', `anullsrc=r=${d.audioEncoding.sampleRate}:cl=${layout}${seconds}[silence]`);
  }
  // The first real video stream (not cover art), the first audio stream if any; no subtitles, data or chapters.
  args.push('-map', '0:V:0');
  if (silence) args.push('-map', '[silence]');
  else if (d.audio !== 'none') args.push('-map', '0:a:0?');
  args.push('-map_chapters', '-1');

  if (d.video === 'copy') args.push('-c:v', 'copy');
  else args.push(...videoEncodeArgs(d, s));

  if (d.audio === 'copy') args.push('-c:a', 'copy');
  else if (d.audio === 'encode' || d.audio === 'add') {
    const e = d.audioEncoding;
    // A decoder's delay (WMA: 70 ms) would start the audio late, which MP4 can only write as an
    // empty edit: pad the start with silence instead, as the video's constant-rate output pads with frames.
    if (d.audio === 'encode') args.push('-af', 'aresample=async=1:first_pts=0');
    args.push('-c:a', 'aac', '-b:a', kbps(e.bitrate), '-ar', String(e.sampleRate), '-ac', String(e.channels));
  }
  if (d.trim) args.push('-t', String(d.trim.seconds));
  if (silence && !d.outputSeconds) args.push('-shortest');
  args.push('-threads', String(s.threads));
  if (d.noEditList) args.push('-use_editlist', '0', '-movflags', '+faststart+negative_cts_offsets');
  else args.push('-movflags', '+faststart');
  args.push('-f', 'mp4', '{output}');
  return args;
}

function videoEncodeArgs(d: VideoDecisions, s: EncodeSettings): string[] {
  const args = ['-c:v', 'libx264', '-preset', s.preset];
  if (d.targetBitrate !== null) args.push('-b:v', String(d.targetBitrate));
  else args.push('-crf', String(s.crf));
  if (d.maxBitrate !== null && d.bufferBits !== null) args.push('-maxrate', String(d.maxBitrate), '-bufsize', String(d.bufferBits));
  args.push('-profile:v', 'high');
  if (d.level) args.push('-level:v', d.level.name);
  args.push('-pix_fmt', 'yuv420p', '-g', String(d.gopFrames), '-x264-params', 'open-gop=0');
  const filters = videoFilters(d);
  if (filters.length > 0) args.push('-vf', filters.join(','));
  if (d.frameRate !== null) args.push('-r', frameRateArg(d.frameRate), '-fps_mode', 'cfr');
  return args;
}

/** Deinterlace first (fields are still whole), then scale and pad; square pixels always. */
function videoFilters(d: VideoDecisions): string[] {
  const f: string[] = [];
  if (d.deinterlace) f.push('yadif');
  if (d.scaleTo) {
    f.push(`scale=${d.scaleTo.width}:${d.scaleTo.height}`);
  } else if (!d.inputSize) {
    f.push(unknownSizeScale(d));
  }
  f.push('setsar=1');
  const g = d.geometry;
  if (g?.padded) f.push(`pad=${g.frameWidth}:${g.frameHeight}:(ow-iw)/2:(oh-ih)/2:black`);
  return f;
}

/**
 * Size unknown to the probe (MPEG-TS, FLV...): ffmpeg's own expressions apply the pixel aspect ratio,
 * shrink (never grow) into the maximums, and round to even sides.
 */
function unknownSizeScale(d: VideoDecisions): string {
  const l = d.sizeLimits;
  const maxW = Math.min(l.width?.max ?? Infinity, l.longSide?.max ?? Infinity);
  const maxH = Math.min(l.height?.max ?? Infinity, l.longSide?.max ?? Infinity);
  if (maxW === Infinity && maxH === Infinity) return 'scale=trunc(iw*sar/2)*2:trunc(ih/2)*2';
  const w = maxW === Infinity ? 'iw*sar' : `min(iw*sar\\,${maxW})`;
  const h = maxH === Infinity ? 'ih' : `min(ih\\,${maxH})`;
  return `scale=w=${w}:h=${h}:force_original_aspect_ratio=decrease:force_divisible_by=2`;
}
