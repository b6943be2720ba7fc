import type { VideoTrack } from '../../probe/media-info.js';
import type { RuleContext } from '../rule-context.js';
import { bitrate, list, range, round } from '../format.js';

const CODEC_NAMES: Record<string, string> = { h264: 'H.264', hevc: 'HEVC (H.265)', av1: 'AV1', vp9: 'VP9', vp8: 'VP8', prores: 'ProRes', mpeg4: 'MPEG-4 Part 2' };
const codecName = (c: string) => CODEC_NAMES[c] ?? c;

export function checkVideoCodec(ctx: RuleContext, v: VideoTrack): void {
  const rule = ctx.target.video?.videoCodecs;
  if (!rule || rule.value.includes(v.codec)) return;
  ctx.report({
    code: 'video-codec',
    limit: rule,
    message: `The video codec is ${codecName(v.codec)}${v.profile ? ` (${v.profile})` : ''}; ${ctx.target.platform} takes ${list(rule.value.map(codecName))}.`,
    expected: list(rule.value),
    actual: v.codec,
    remedy: 'transcode-video',
    fix: 'Re-encode the video as H.264.',
    trackId: v.id,
  });
}

export function checkH264Profile(ctx: RuleContext, v: VideoTrack): void {
  const rule = ctx.target.video?.h264Profiles;
  if (!rule || v.codec !== 'h264' || !v.profile || rule.value.includes(v.profile)) return;
  ctx.report({
    code: 'h264-profile',
    limit: rule,
    message: `H.264 profile ${v.profile} is outside what ${ctx.target.platform} recommends (${list(rule.value)}).`,
    expected: list(rule.value),
    actual: v.profile,
    remedy: 'transcode-video',
    fix: 'Re-encode as H.264 High profile, 8-bit 4:2:0.',
    trackId: v.id,
  });
}

export function checkChroma(ctx: RuleContext, v: VideoTrack): void {
  const rule = ctx.target.video?.chroma;
  if (!rule || !v.chromaSubsampling || rule.value.includes(v.chromaSubsampling)) return;
  ctx.report({
    code: 'chroma-subsampling',
    limit: rule,
    message: `Chroma subsampling is ${v.chromaSubsampling}; ${ctx.target.platform} needs ${list(rule.value)}.`,
    expected: list(rule.value),
    actual: v.chromaSubsampling,
    remedy: 'transcode-video',
    fix: 'Re-encode with -pix_fmt yuv420p.',
    trackId: v.id,
  });
}

export function checkBitDepth(ctx: RuleContext, v: VideoTrack): void {
  const rule = ctx.target.video?.maxBitDepth;
  if (!rule || v.bitDepth === null || v.bitDepth <= rule.value) return;
  ctx.report({
    code: 'bit-depth',
    limit: rule,
    message: `The video is ${v.bitDepth}-bit; ${ctx.target.platform} takes at most ${rule.value}-bit.`,
    expected: `≤ ${rule.value}-bit`,
    actual: `${v.bitDepth}-bit`,
    remedy: 'transcode-video',
    fix: 'Re-encode as 8-bit 4:2:0 (-pix_fmt yuv420p).',
    trackId: v.id,
  });
}

export function checkProgressive(ctx: RuleContext, v: VideoTrack): void {
  const rule = ctx.target.video?.progressive;
  if (!rule || v.interlaced !== true) return;
  ctx.report({
    code: 'interlaced',
    limit: rule,
    message: `The video is interlaced; ${ctx.target.platform} needs progressive scan.`,
    expected: 'progressive',
    actual: 'interlaced',
    remedy: 'transcode-video',
    fix: 'Deinterlace and re-encode (yadif, then H.264).',
    trackId: v.id,
  });
}

export function checkClosedGop(ctx: RuleContext, v: VideoTrack): void {
  const rule = ctx.target.video?.closedGop;
  const open = v.keyframes?.openGopCount ?? 0;
  if (!rule || open === 0) return;
  ctx.report({
    code: 'open-gop',
    limit: rule,
    message: `${open} of ${v.keyframes!.count} keyframes start an open GOP (pictures after them reference the previous GOP); ${ctx.target.platform} needs closed GOPs.`,
    expected: 'closed GOP',
    actual: `${open} open GOP${open === 1 ? '' : 's'}`,
    remedy: 'transcode-video',
    fix: 'Re-encode with closed GOPs (x264 does this by default; avoid open-gop=1).',
    trackId: v.id,
  });
}

export function checkKeyframeInterval(ctx: RuleContext, v: VideoTrack): void {
  const rule = ctx.target.video?.keyframeInterval;
  const gap = v.keyframes?.maxIntervalSeconds;
  if (!rule || gap === null || gap === undefined || v.keyframes?.allIntra) return;
  // A clip shorter than the minimum interval cannot have a longer one; only the maximum matters then.
  const tooLong = rule.value.max !== undefined && gap > rule.value.max + 0.05;
  if (!tooLong) return;
  ctx.report({
    code: 'keyframe-interval',
    limit: rule,
    message: `Keyframes are up to ${round(gap, 2)} s apart; ${ctx.target.platform} recommends a GOP of ${range(rule.value, ' s', 2)}.`,
    expected: range(rule.value, ' s', 2),
    actual: `${round(gap, 2)} s`,
    remedy: 'transcode-video',
    fix: 'Re-encode with a keyframe every 2 seconds (-g at twice the frame rate).',
    trackId: v.id,
  });
}

export function checkFrameRate(ctx: RuleContext, v: VideoTrack): void {
  const rule = ctx.target.video?.frameRate;
  if (!rule || v.frameRate === null) return;
  const { min, max } = rule.value;
  // 23.976 counts as 24, 59.94 as 60: allow a hair under the bound, as players round.
  const low = min !== undefined && v.frameRate < min - 0.05;
  const high = max !== undefined && v.frameRate > max + 0.05;
  if (!low && !high) return;
  ctx.report({
    code: 'frame-rate',
    limit: rule,
    message: `The frame rate is ${round(v.frameRate, 3)} fps; ${ctx.target.platform} takes ${range(rule.value, ' fps')}.`,
    expected: range(rule.value, ' fps'),
    actual: `${round(v.frameRate, 3)} fps`,
    remedy: 'transcode-video',
    fix: high ? `Re-encode at ${max} fps or lower.` : `Re-encode at ${min} fps or higher.`,
    trackId: v.id,
  });
}

export function checkConstantFrameRate(ctx: RuleContext, v: VideoTrack): void {
  const rule = ctx.target.video?.constantFrameRate;
  if (!rule || v.frameRateMode !== 'variable') return;
  ctx.report({
    code: 'variable-frame-rate',
    limit: rule,
    message: `The frame rate varies (${round(v.minFrameRate ?? 0, 2)}–${round(v.maxFrameRate ?? 0, 2)} fps); ${ctx.target.platform} needs a fixed frame rate.`,
    expected: 'constant frame rate',
    actual: 'variable frame rate',
    remedy: 'transcode-video',
    fix: 'Re-encode at a constant frame rate (-fps_mode cfr -r 30).',
    trackId: v.id,
  });
}

export function checkVideoBitrate(ctx: RuleContext, v: VideoTrack): void {
  const rule = ctx.target.video?.videoBitrate;
  const bps = v.bitrateBitsPerSecond;
  if (!rule || bps === null) return;
  const high = rule.value.max !== undefined && bps > rule.value.max;
  const low = rule.value.min !== undefined && bps < rule.value.min;
  if (!high && !low) return;
  ctx.report({
    code: 'video-bitrate',
    limit: rule,
    message: `The video bitrate is ${bitrate(bps)}; ${ctx.target.platform} takes ${high ? `at most ${bitrate(rule.value.max!)}` : `at least ${bitrate(rule.value.min!)}`}.`,
    expected: high ? `≤ ${bitrate(rule.value.max!)}` : `≥ ${bitrate(rule.value.min!)}`,
    actual: bitrate(bps),
    remedy: 'transcode-video',
    fix: high ? `Re-encode with a bitrate cap under ${bitrate(rule.value.max!)}.` : 'Re-encode at a higher bitrate.',
    trackId: v.id,
  });
}
