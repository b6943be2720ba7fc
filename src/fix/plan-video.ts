import type { MediaInfo } from '../probe/media-info.js';
import type { TargetProfile } from '../targets/target-profile.js';
import type { Issue, IssueCode } from '../validate/issue.js';
import { chooseAudioEncoding, type AudioEncoding } from './plan-audio.js';
import { pickFrameRate } from './plan-frame-rate.js';
import { fitGeometry, plannedRange, type Geometry, type SizeLimits } from './plan-geometry.js';
import { h264Level, type H264Level } from './plan-h264-level.js';
import { isBlindVideo } from './plan-refusal.js';
import { MIN_VIDEO_BITRATE, sizeBudgetBitrate } from './plan-size-budget.js';
import { decideTrim, type TrimDecision } from './plan-trim.js';
import type { PlanRetry, StreamTreatment } from './plan-types.js';

/**
 * Decides, for a video file, what happens to each stream: the least work that clears the errors.
 * A stream is copied unless an error needs it re-encoded; once a stream is re-encoded, the encode
 * also meets every limit of the target for that stream (warnings included), since that is free.
 */

/** Codecs the MP4 muxer stores; anything else is re-encoded even when the target would not mind. */
const MP4_VIDEO = new Set(['h264', 'hevc', 'av1', 'vp9', 'mpeg4']);
const MP4_AUDIO = new Set(['aac', 'mp3', 'ac3', 'eac3', 'alac', 'opus']);
const ISOBMFF = new Set(['mp4', 'mov', 'm4a', '3gp']);

/** Video codes a re-encode clears, directly or through its own step (scale, pad, frame rate, deinterlace, cap). */
const VIDEO_ENCODE_CODES = new Set<IssueCode>([
  'video-codec', 'h264-profile', 'chroma-subsampling', 'bit-depth', 'interlaced', 'open-gop', 'keyframe-interval',
  'frame-rate', 'variable-frame-rate', 'resolution', 'aspect-ratio', 'non-square-pixels', 'video-bitrate',
]);
const AUDIO_ENCODE_CODES = new Set<IssueCode>(['audio-codec', 'audio-profile', 'audio-sample-rate', 'audio-channels', 'audio-bitrate']);
/** Keyframe spacing x264 is given: 2 s, the common platform recommendation (Facebook: 2–5 s). */
const GOP_SECONDS = 2;

export type VideoDecisions = {
  blind: boolean;
  video: StreamTreatment;
  audio: StreamTreatment;
  deinterlace: boolean;
  /** `-r`, when the rate changes or must become constant. */
  frameRate: number | null;
  /** Output frames per second, for the GOP length and the level. */
  outputFps: number;
  /** Known input size: the output picture; null when the probe did not learn the size. */
  geometry: Geometry | null;
  /** Input display size (for the step text). */
  inputSize: { width: number; height: number } | null;
  /** The size to scale the decoded (auto-rotated) frames to; null when they keep their size. */
  scaleTo: { width: number; height: number } | null;
  /** Size limits, for inputs of unknown size (filter expressions). */
  sizeLimits: SizeLimits;
  gopFrames: number;
  level: H264Level | null;
  /** Average bitrate to aim at (a file-size budget), bits per second. */
  targetBitrate: number | null;
  /** VBV cap, bits per second, and the VBV buffer in bits. */
  maxBitrate: number | null;
  bufferBits: number | null;
  /** The target caps the bitrate (so the cap step is worth showing). */
  capped: boolean;
  audioEncoding: AudioEncoding;
  trim: TrimDecision | null;
  /** Copied streams from a non-ISO-BMFF source: write no edit list (see plan-video-args). */
  noEditList: boolean;
  outputSeconds: number | null;
  /** Why each part happens, for the steps. */
  why: {
    container: IssueCode[];
    video: IssueCode[];
    audio: IssueCode[];
    frameRate: IssueCode[];
    scale: IssueCode[];
    pad: IssueCode[];
    bitrate: IssueCode[];
    trim: IssueCode[];
  };
  /** An error the decisions cannot clear (a size budget below a watchable bitrate). */
  unfixable: string | null;
};

export function decideVideo(media: MediaInfo, target: TargetProfile, errors: Issue[], warnings: Issue[], retry: PlanRetry | undefined): VideoDecisions {
  const rules = target.video ?? {};
  const v = media.video;
  const a = media.audio;
  const blind = isBlindVideo(media);
  const has = (code: IssueCode) => errors.some((i) => i.code === code);
  const codesOf = (issues: Issue[], set: Set<IssueCode>) => unique(issues.map(codeOf).filter((c) => set.has(c)));
  const editOn = (trackId: number | undefined) => trackId !== undefined && errors.some((i) => i.code === 'edit-list' && i.trackId === trackId);

  // Video: re-encoded for its own errors, for an edit list on it, or because MP4 cannot hold it.
  const videoErrors = errors.filter((i) => VIDEO_ENCODE_CODES.has(codeOf(i)));
  let encodeVideo = blind || videoErrors.length > 0 || editOn(v?.id) || (v !== null && !MP4_VIDEO.has(v.codec));

  // Trim, then the size budget, which trimming may already meet.
  const durationMax = rules.duration?.value.max;
  const inputSeconds = media.durationSeconds;
  let trim: TrimDecision | null = null;
  if (has('duration-exceed') && durationMax !== undefined) {
    trim = decideTrim(media, durationMax, encodeVideo, retry?.exactTrim === true);
    if (trim.exact) encodeVideo = true;
  }
  const outputSeconds = trim ? trim.seconds : inputSeconds;
  const audioEncoding = chooseAudioEncoding(a, rules);

  let targetBitrate: number | null = null;
  let unfixable: string | null = null;
  const sizeMax = rules.fileSize?.value.max;
  if (has('file-size') && sizeMax !== undefined && media.sizeBytes > sizeMax) {
    const trimmedBytes = trim && inputSeconds ? (media.sizeBytes * trim.seconds) / inputSeconds : media.sizeBytes;
    if (trimmedBytes > sizeMax * 0.95 || (retry?.shrink ?? 1) < 1) {
      if (outputSeconds && outputSeconds > 0) {
        const audioBits = a ? audioEncoding.bitrate : 0;
        targetBitrate = sizeBudgetBitrate(sizeMax, outputSeconds, audioBits, retry?.shrink ?? 1);
        if (targetBitrate < MIN_VIDEO_BITRATE) {
          unfixable = `Fitting ${(sizeMax / 1e6).toFixed(1)} MB over ${outputSeconds.toFixed(1)} s leaves ${Math.max(0, Math.round(targetBitrate / 1000))} kb/s for the video; trim the video first.`;
        }
        encodeVideo = true;
      } else {
        unfixable = 'The file is too big and its duration is unknown, so no bitrate can be planned.';
      }
    }
  }

  // Audio: re-encoded for its own errors, an edit list, MP4's codec list, or a frame-exact trim.
  const audioErrors = errors.filter((i) => AUDIO_ENCODE_CODES.has(codeOf(i)));
  let audio: StreamTreatment = 'none';
  if (blind) audio = 'encode';
  else if (a) {
    audio = audioErrors.length > 0 || editOn(a.id) || !MP4_AUDIO.has(a.codec) || trim?.exact === true ? 'encode' : 'copy';
  } else if (has('audio-missing')) audio = 'add';

  const video: StreamTreatment = encodeVideo ? 'encode' : 'copy';

  // The encode's settings: frame rate, size, GOP, level, bitrate cap.
  const fpsRange = rules.frameRate?.value ?? {};
  const variable = v?.frameRateMode === 'variable' && rules.constantFrameRate !== undefined;
  const frameRate = encodeVideo ? pickFrameRate(v?.frameRate ?? null, fpsRange, variable) : null;
  const outputFps = frameRate ?? (v?.frameRate && v.frameRate > 0 ? v.frameRate : 30);
  const sizeLimits: SizeLimits = {
    width: plannedRange(rules.width),
    height: plannedRange(rules.height),
    longSide: plannedRange(rules.longSide),
    shortSide: plannedRange(rules.shortSide),
    aspectRatio: rules.aspectRatio?.value,
  };
  const knownSize = v !== null && v.displayWidth > 0 && v.displayHeight > 0;
  const geometry = encodeVideo && knownSize ? fitGeometry(v.displayWidth, v.displayHeight, sizeLimits, true) : null;
  // ffmpeg auto-rotates when it re-encodes, so decoded frames arrive coded size, rotated.
  const turned = v !== null && (v.rotation === 90 || v.rotation === 270);
  const decoded = v ? { width: turned ? v.height : v.width, height: turned ? v.width : v.height } : null;
  const scaleTo =
    geometry && decoded && (geometry.width !== decoded.width || geometry.height !== decoded.height)
      ? { width: geometry.width, height: geometry.height }
      : null;
  const sar = v?.sampleAspectRatio;
  const nonSquare = sar !== null && sar !== undefined && sar.num !== sar.den;
  const kf = rules.keyframeInterval?.value;
  const gopSeconds = Math.min(kf?.max ?? Infinity, Math.max(kf?.min ?? 0, GOP_SECONDS));
  const gopFrames = Math.max(1, Math.round(outputFps * gopSeconds));
  // The VBV cap: 90% of the target's cap (the validator judges the average), the budget's peak, and
  // never above what the level allows, since x264 does not enforce a level's bitrate by itself.
  const capRule = rules.videoBitrate?.value.max;
  const budgetPeak = targetBitrate !== null ? Math.floor(targetBitrate * 1.2) : null;
  const frame = geometry ? { w: geometry.frameWidth, h: geometry.frameHeight } : { w: 1920, h: 1080 };
  const level = encodeVideo ? h264Level(frame.w, frame.h, outputFps, budgetPeak) : null;
  const maxBitrate = encodeVideo
    ? minOf(minOf(capRule !== undefined ? Math.floor(capRule * 0.9) : null, budgetPeak), level?.maxBitrate ?? null)
    : null;
  const bufferBits = maxBitrate !== null ? Math.min(maxBitrate * 2, level?.maxCpbBits ?? Infinity) : null;

  const allIssues = [...errors, ...(encodeVideo || audio === 'encode' ? warnings : [])];
  const videoWarnings = encodeVideo ? warnings : [];
  const audioWarnings = audio === 'encode' ? warnings : [];
  const why: VideoDecisions['why'] = {
    container: codesOf(errors, new Set(['video-format', 'moov-not-at-front'])),
    video: encodeVideo
      ? unique([
          ...codesOf([...errors, ...videoWarnings], VIDEO_ENCODE_CODES),
          ...(editOn(v?.id) ? (['edit-list'] as IssueCode[]) : []),
          ...(targetBitrate !== null ? (['file-size'] as IssueCode[]) : []),
          ...(trim?.exact ? (['duration-exceed'] as IssueCode[]) : []),
        ])
      : [],
    audio:
      audio === 'encode'
        ? unique([...codesOf([...errors, ...audioWarnings], AUDIO_ENCODE_CODES), ...(editOn(a?.id) ? (['edit-list'] as IssueCode[]) : [])])
        : audio === 'add'
          ? ['audio-missing']
          : [],
    frameRate: frameRate !== null ? codesOf([...errors, ...videoWarnings], new Set(['frame-rate', 'variable-frame-rate'])) : [],
    scale:
      scaleTo || (encodeVideo && !knownSize)
        ? codesOf([...errors, ...videoWarnings], new Set<IssueCode>(['resolution', ...(nonSquare || !knownSize ? (['non-square-pixels'] as IssueCode[]) : [])]))
        : [],
    pad: geometry?.padded ? codesOf([...errors, ...videoWarnings], new Set(['aspect-ratio'])) : [],
    bitrate: encodeVideo ? codesOf(allIssues, new Set(['video-bitrate', ...(targetBitrate !== null ? (['file-size'] as IssueCode[]) : [])])) : [],
    trim: trim ? ['duration-exceed', ...(targetBitrate === null && has('file-size') ? (['file-size'] as IssueCode[]) : [])] : [],
  };

  return {
    blind,
    video,
    audio,
    deinterlace: encodeVideo && (v?.interlaced === true || has('interlaced')),
    frameRate,
    outputFps,
    geometry,
    inputSize: knownSize ? { width: v.displayWidth, height: v.displayHeight } : null,
    scaleTo,
    sizeLimits,
    gopFrames,
    level,
    targetBitrate,
    maxBitrate,
    bufferBits,
    capped: capRule !== undefined || targetBitrate !== null,
    audioEncoding,
    trim,
    noEditList: !ISOBMFF.has(media.container.format) && (video === 'copy' || audio === 'copy'),
    outputSeconds,
    why,
    unfixable,
  };
}

/** Issue codes are typed as strings by the schema (url- codes are open-ended). */
function codeOf(i: Issue): IssueCode {
  return i.code as IssueCode;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function minOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}
