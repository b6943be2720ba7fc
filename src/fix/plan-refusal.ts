import type { FixRefusal } from '../errors/fix-refused-error.js';
import type { MediaInfo } from '../probe/media-info.js';
import type { TargetProfile } from '../targets/target-profile.js';
import type { Issue } from '../validate/issue.js';
import type { Report } from '../validate/report.js';
import { wasmCanDecode, WASM_MAX_INPUT_BYTES } from './wasm-codecs.js';

export type Refusal = { reason: FixRefusal; message: string };

/** The browser cannot hold one ArrayBuffer of 2 GiB (fetchFile fails), so the wasm engine stops below it. */
export { WASM_MAX_INPUT_BYTES };

/**
 * Containers whose streams our probe does not list but ffmpeg reads: a video there is transcoded
 * "blind" (the output is probed and validated afterwards, so nothing is assumed to have worked).
 */
const BLIND_VIDEO_CONTAINERS = new Set(['flv', 'mpegps', 'ogg', 'asf', 'avi', 'mpegts', 'matroska', 'webm']);

/** Remedies the planner implements. 'rehost' (URL issues) needs a person and a server. */
const PLANNED_REMEDIES = new Set(['remux', 'trim', 'transcode-video', 'transcode-audio', 'scale', 'pad', 'convert-image']);

/** A video whose streams are unknown to the probe but which ffmpeg can demux. */
export function isBlindVideo(media: MediaInfo): boolean {
  return media.kind === 'video' && !media.video && !media.unreadable && BLIND_VIDEO_CONTAINERS.has(media.container.format);
}

/**
 * Refusals that need no plan: unreadable input, the wrong kind of media for the target, and errors
 * no automatic step can clear. Checked before any engine loads.
 */
export function earlyRefusal(report: Report, target: TargetProfile, errors: Issue[], options: { engine: 'wasm' | 'native'; maxInputBytes: number }): Refusal | null {
  const media = report.media;
  if (!media || (media.unreadable && media.unreadable.reason !== 'unsupported') || errors.some((i) => i.code === 'file-unreadable')) {
    const why = media?.unreadable?.message ?? errors.find((i) => i.code === 'file-unreadable')?.message ?? 'the input could not be opened';
    return { reason: 'unreadable', message: `The input cannot be read, so it cannot be fixed: ${why}.` };
  }
  if (media.kind === 'image' && media.image) {
    if (!target.accepts.includes('image')) {
      return { reason: 'no-video', message: `${target.name} takes video; this is a ${media.image.format.toUpperCase()} image, and turning a picture into a video is not a fix.` };
    }
  } else {
    if (!target.accepts.includes('video')) {
      return { reason: 'not-fixable', message: `${target.name} takes images only; this is not an image.` };
    }
    if (!media.video && !isBlindVideo(media)) {
      const what = media.kind === 'audio' ? 'an audio-only file' : `a ${media.container.formatName} file with no video track`;
      return { reason: 'no-video', message: `${target.name} needs a video, and this is ${what}.` };
    }
  }
  const stuck = errors.filter((i) => !canPlan(i, media));
  if (stuck.length > 0) {
    return {
      reason: 'not-fixable',
      message: `No automatic fix for: ${stuck.map((i) => `${i.code} (${i.message} ${i.fix})`).join('; ')}`,
    };
  }
  if (options.engine === 'wasm' && media.sizeBytes > options.maxInputBytes) {
    return {
      reason: 'too-large',
      message: `The input is ${(media.sizeBytes / 1024 ** 3).toFixed(2)} GiB; the wasm engine takes at most ${(options.maxInputBytes / 1024 ** 3).toFixed(2)} GiB. Use the native engine (ffmpeg on PATH) or trim the file first.`,
    };
  }
  return null;
}

/** An error the planner has a step for. The video-format error of a blind video is planned as a transcode. */
function canPlan(issue: Issue, media: MediaInfo): boolean {
  if (issue.code === 'video-format' && isBlindVideo(media)) return true;
  return issue.remedy !== null && PLANNED_REMEDIES.has(issue.remedy);
}

/**
 * Inputs the chosen engine cannot decode. The wasm core (FFmpeg 5.1) has no working AV1 decoder
 * (wasm-codecs.ts lists what it has); FFmpeg 5.1 reads no HEIF at all and no animated WebP, natively or in wasm.
 */
export function decodeRefusal(media: MediaInfo, engine: 'wasm' | 'native', decodesVideo: boolean): Refusal | null {
  const img = media.image;
  if (img) {
    if (img.format === 'heif') {
      return { reason: 'undecodable', message: 'FFmpeg 5.1 (both engines) cannot read HEIF/HEIC. Export the photo as JPEG ("Most Compatible" on iPhone) and try again.' };
    }
    if (img.format === 'webp' && img.animated) {
      return { reason: 'undecodable', message: 'FFmpeg 5.1 (both engines) cannot decode animated WebP. Export a still frame or a video instead.' };
    }
    if (img.format === 'avif' && engine === 'wasm') {
      return { reason: 'undecodable', message: 'The wasm engine has no AV1 decoder, so it cannot read AVIF. Use the native engine (ffmpeg on PATH).' };
    }
    return null;
  }
  const codec = media.video?.codec;
  if (decodesVideo && engine === 'wasm' && codec && !wasmCanDecode(codec)) {
    const name = codec === 'av1' ? 'AV1' : codec;
    return { reason: 'undecodable', message: `The video is ${name} and the wasm engine (FFmpeg 5.1 core) cannot decode ${name}. Use the native engine (ffmpeg on PATH), or re-export the video as H.264.` };
  }
  return null;
}
