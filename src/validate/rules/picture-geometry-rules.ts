import type { VideoTrack } from '../../probe/media-info.js';
import type { RuleContext } from '../rule-context.js';
import { aspect, inRange, range, round } from '../format.js';

/** Width, height, long and short side, all of the picture as displayed (SAR and rotation applied). */
export function checkResolution(ctx: RuleContext, v: VideoTrack): void {
  const rules = ctx.target.video;
  if (!rules) return;
  const w = v.displayWidth;
  const h = v.displayHeight;
  const sides: Array<[string, number, typeof rules.width]> = [
    ['width', w, rules.width],
    ['height', h, rules.height],
    ['long side', Math.max(w, h), rules.longSide],
    ['short side', Math.min(w, h), rules.shortSide],
  ];
  for (const [name, value, rule] of sides) {
    if (!rule || value <= 0 || inRange(value, rule.value)) continue;
    const tooBig = rule.value.max !== undefined && value > rule.value.max;
    ctx.report({
      code: 'resolution',
      limit: rule,
      message: `The ${name} is ${value} px (${w}x${h} as displayed); ${ctx.target.platform} takes ${range(rule.value, ' px', 0)}.`,
      expected: `${name} ${range(rule.value, ' px', 0)}`,
      actual: `${w}x${h}`,
      remedy: 'scale',
      fix: tooBig ? `Scale down so the ${name} is at most ${rule.value.max} px, keeping the aspect ratio.` : `Scale up so the ${name} is at least ${rule.value.min} px.`,
      trackId: v.id,
    });
  }
}

export function checkAspectRatio(ctx: RuleContext, v: VideoTrack): void {
  const rules = ctx.target.video;
  if (!rules || v.displayWidth <= 0 || v.displayHeight <= 0) return;
  const ratio = v.displayWidth / v.displayHeight;
  if (rules.aspectRatio && !inRange(ratio, rules.aspectRatio.value)) {
    ctx.report({
      code: 'aspect-ratio',
      limit: rules.aspectRatio,
      message: `The aspect ratio is ${aspect(ratio)} (${v.displayWidth}x${v.displayHeight}); ${ctx.target.platform} takes ${range(rules.aspectRatio.value, ':1', 4)}.`,
      expected: range(rules.aspectRatio.value, ':1', 4),
      actual: aspect(ratio),
      remedy: 'pad',
      fix: 'Crop or pad the picture into the allowed aspect ratio.',
      trackId: v.id,
    });
    return;
  }
  const want = rules.recommendedAspectRatio;
  if (want && Math.abs(ratio - want.value) / want.value > 0.02) {
    ctx.report({
      code: 'recommended-aspect-ratio',
      limit: want,
      message: `The aspect ratio is ${aspect(ratio)}; ${ctx.target.platform} recommends ${aspect(want.value)} to avoid cropping or blank space.`,
      expected: aspect(want.value),
      actual: aspect(ratio),
      remedy: null,
      fix: 'Optional: frame the video vertically (9:16) for full-screen playback.',
      trackId: v.id,
    });
  }
}

export function checkSquarePixels(ctx: RuleContext, v: VideoTrack): void {
  const rule = ctx.target.video?.squarePixels;
  const sar = v.sampleAspectRatio;
  if (!rule || !sar || sar.num === sar.den || sar.num === 0) return;
  ctx.report({
    code: 'non-square-pixels',
    limit: rule,
    message: `Pixels are not square (sample aspect ratio ${sar.num}:${sar.den}); ${ctx.target.platform} requires 1:1.`,
    expected: '1:1',
    actual: `${sar.num}:${sar.den} (${round(sar.num / sar.den, 3)})`,
    remedy: 'scale',
    fix: 'Scale to square pixels (scale=iw*sar:ih,setsar=1).',
    trackId: v.id,
  });
}
