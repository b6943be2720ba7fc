import type { RuleContext } from '../rule-context.js';
import type { VideoRules, ImageRules } from '../../targets/target-profile.js';
import { bytes, range, round } from '../format.js';

export function checkDuration(ctx: RuleContext): void {
  const rule = ctx.target.video?.duration;
  const d = ctx.media.durationSeconds;
  if (!rule || d === null) return;
  const { min, max } = rule.value;
  if (max !== undefined && d > max + 1e-3) {
    ctx.report({
      code: 'duration-exceed',
      limit: rule,
      message: `The video is ${round(d, 2)} s long; ${ctx.target.platform} takes at most ${max} s.`,
      expected: range(rule.value, ' s'),
      actual: `${round(d, 3)} s`,
      remedy: 'trim',
      fix: `Trim the video to ${max} s or less.`,
    });
  } else if (min !== undefined && d < min - 1e-3) {
    ctx.report({
      code: 'duration-too-short',
      limit: rule,
      message: `The video is ${round(d, 3)} s long; ${ctx.target.platform} needs at least ${min} s.`,
      expected: range(rule.value, ' s'),
      actual: `${round(d, 3)} s`,
      documentedError: null,
      remedy: null,
      fix: `Use a clip of at least ${min} s.`,
    });
  }
}

export function checkFileSize(ctx: RuleContext, rules: VideoRules | ImageRules | undefined): void {
  const rule = rules?.fileSize;
  const size = ctx.media.sizeBytes;
  if (!rule) return;
  const { min, max } = rule.value;
  if ((max === undefined || size <= max) && (min === undefined || size >= min)) return;
  const tooBig = max !== undefined && size > max;
  const isImage = ctx.media.kind === 'image';
  ctx.report({
    code: 'file-size',
    limit: rule,
    message: `The file is ${bytes(size)}; ${ctx.target.platform} takes ${tooBig ? `at most ${bytes(max!)}` : `at least ${bytes(min!)}`}.`,
    expected: tooBig ? `≤ ${bytes(max!)}` : `≥ ${bytes(min!)}`,
    actual: bytes(size),
    documentedError: null,
    remedy: tooBig ? (isImage ? 'convert-image' : 'transcode-video') : null,
    fix: tooBig ? (isImage ? 'Re-encode the image smaller (lower quality or size).' : 'Re-encode at a lower bitrate, or trim.') : 'Use a longer or higher-quality file.',
  });
}
