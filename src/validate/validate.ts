import type { MediaInfo } from '../probe/media-info.js';
import { resolveTarget, type TargetInput } from '../targets/targets.js';
import type { TargetProfile } from '../targets/target-profile.js';
import type { Issue } from './issue.js';
import { toIssue, type RuleContext } from './rule-context.js';
import { checkContainer, checkEditLists, checkFaststart } from './rules/container-rules.js';
import {
  checkBitDepth, checkChroma, checkClosedGop, checkConstantFrameRate, checkFrameRate, checkH264Profile,
  checkKeyframeInterval, checkProgressive, checkVideoBitrate, checkVideoCodec,
} from './rules/video-stream-rules.js';
import { checkAspectRatio, checkResolution, checkSquarePixels } from './rules/picture-geometry-rules.js';
import { checkAacProfile, checkAudioBitrate, checkAudioCodec, checkAudioPresent, checkChannels, checkSampleRate } from './rules/audio-rules.js';
import { checkDuration, checkFileSize } from './rules/duration-size-rules.js';
import { checkImageAnimation, checkImageFormat, checkImageGeometry } from './rules/image-rules.js';

/** The result of a check: `ok` is true when no issue is an error. */
export type ValidationResult = { ok: boolean; issues: Issue[] };

/**
 * Checks probed media against a target's published limits. Returns issues; never throws for
 * anything about the media (an unknown target id or an invalid custom profile does throw).
 *
 * @example
 * const { ok, issues } = validate(await probe(file), 'threads');
 */
export function validate(media: MediaInfo, target: TargetInput): ValidationResult {
  const profile = resolveTarget(target);
  const issues: Issue[] = [];
  const ctx: RuleContext = { media, target: profile, report: (i) => issues.push(toIssue(i, profile)) };
  if (media.unreadable && media.unreadable.reason !== 'unsupported') {
    reportUnreadable(ctx);
  } else if (media.kind === 'image' && media.image) {
    validateImage(ctx, profile);
  } else {
    validateVideo(ctx, profile);
  }
  // Errors first, then warnings; within each, the order the rules ran (container → video → audio).
  issues.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return { ok: !issues.some((i) => i.severity === 'error'), issues };
}

function reportUnreadable(ctx: RuleContext): void {
  const u = ctx.media.unreadable!;
  ctx.report({
    code: 'file-unreadable',
    limit: null,
    severity: 'error',
    message: `The file cannot be read: ${u.message}.`,
    expected: 'a complete, parsable media file',
    actual: `${u.reason}${u.offset !== null ? ` at byte ${u.offset}` : ''}`,
    remedy: u.reason === 'truncated' || u.reason === 'empty' ? null : 'transcode-video',
    fix: u.reason === 'truncated' || u.reason === 'empty' ? 'Upload the complete file again; it was cut short.' : 'Re-export the file from its source; it is damaged.',
  });
}

function validateVideo(ctx: RuleContext, profile: TargetProfile): void {
  const { media } = ctx;
  if (!profile.accepts.includes('video')) {
    ctx.report({
      code: 'image-format',
      limit: null,
      severity: 'error',
      message: `${profile.name} takes images only; this is ${media.video ? 'a video' : `a ${media.container.formatName} file`}.`,
      expected: 'an image',
      actual: media.container.format,
      documentedError: null,
      remedy: null,
      fix: 'Choose a video target, or post an image.',
    });
    return;
  }
  const v = media.video;
  if (!v) {
    ctx.report({
      code: 'video-format',
      limit: null,
      severity: 'error',
      message: media.unreadable
        ? `This is not a media file ${profile.platform} can take (${media.unreadable.message}).`
        : `${media.container.formatName} with no video track is not a video ${profile.platform} can publish.`,
      expected: 'an MP4/MOV with a video track',
      actual: media.kind === 'audio' ? `${media.container.format} (audio only)` : media.container.format,
      remedy: null,
      fix: 'Upload a video file (MP4, H.264 + AAC).',
    });
    return;
  }
  const rules = profile.video;
  if (!rules) return;
  checkContainer(ctx);
  checkFaststart(ctx);
  checkEditLists(ctx);
  checkVideoCodec(ctx, v);
  checkH264Profile(ctx, v);
  checkChroma(ctx, v);
  checkBitDepth(ctx, v);
  checkProgressive(ctx, v);
  checkClosedGop(ctx, v);
  checkKeyframeInterval(ctx, v);
  checkFrameRate(ctx, v);
  checkConstantFrameRate(ctx, v);
  checkResolution(ctx, v);
  checkAspectRatio(ctx, v);
  checkSquarePixels(ctx, v);
  checkVideoBitrate(ctx, v);
  checkAudioPresent(ctx, media.audio);
  if (media.audio) {
    checkAudioCodec(ctx, media.audio);
    checkAacProfile(ctx, media.audio);
    checkSampleRate(ctx, media.audio);
    checkChannels(ctx, media.audio);
    checkAudioBitrate(ctx, media.audio);
  }
  checkDuration(ctx);
  checkFileSize(ctx, rules);
}

function validateImage(ctx: RuleContext, profile: TargetProfile): void {
  const img = ctx.media.image!;
  if (!profile.accepts.includes('image')) {
    ctx.report({
      code: 'video-format',
      limit: null,
      severity: 'error',
      message: `${profile.name} takes video only; this is a ${img.format.toUpperCase()} image.`,
      expected: 'an MP4/MOV with a video track',
      actual: img.format,
      remedy: null,
      fix: 'Choose an image target, or post a video.',
    });
    return;
  }
  if (!checkImageFormat(ctx, img)) {
    checkFileSize(ctx, profile.image);
    return;
  }
  checkImageGeometry(ctx, img);
  checkImageAnimation(ctx, img);
  checkFileSize(ctx, profile.image);
}
