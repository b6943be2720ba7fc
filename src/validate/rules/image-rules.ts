import type { ImageInfo } from '../../probe/media-info.js';
import type { RuleContext } from '../rule-context.js';
import { aspect, inRange, list, range } from '../format.js';

/** Shown size: EXIF orientations 5–8 swap width and height. */
function shownSize(img: ImageInfo): [number, number] {
  return img.orientation !== null && img.orientation >= 5 ? [img.height, img.width] : [img.width, img.height];
}

export function checkImageFormat(ctx: RuleContext, img: ImageInfo): boolean {
  const rule = ctx.target.image?.formats;
  if (!rule || rule.value.includes(img.format)) return true;
  ctx.report({
    code: 'image-format',
    limit: rule,
    message: `${img.format.toUpperCase()} images are not accepted by ${ctx.target.platform}; it takes ${list(rule.value.map((f) => f.toUpperCase()))}.`,
    expected: list(rule.value),
    actual: img.format,
    documentedError: null,
    remedy: 'convert-image',
    fix: `Convert the image to ${rule.value[0]!.toUpperCase()}.`,
  });
  return false;
}

export function checkImageGeometry(ctx: RuleContext, img: ImageInfo): void {
  const rules = ctx.target.image;
  if (!rules) return;
  const [w, h] = shownSize(img);
  for (const [name, value, rule] of [['width', w, rules.width], ['height', h, rules.height]] as const) {
    if (!rule || inRange(value, rule.value)) continue;
    ctx.report({
      code: 'resolution',
      limit: rule,
      message: `The image ${name} is ${value} px; ${ctx.target.platform} takes ${range(rule.value, ' px', 0)}.`,
      expected: `${name} ${range(rule.value, ' px', 0)}`,
      actual: `${w}x${h}`,
      documentedError: null,
      remedy: 'convert-image',
      fix: `Resize the image so its ${name} is ${range(rule.value, ' px', 0)}.`,
    });
  }
  const ar = rules.aspectRatio;
  if (ar && w > 0 && h > 0 && !inRange(w / h, ar.value)) {
    ctx.report({
      code: 'aspect-ratio',
      limit: ar,
      message: `The image aspect ratio is ${aspect(w / h)}; ${ctx.target.platform} takes ${range(ar.value, ':1', 4)}.`,
      expected: range(ar.value, ':1', 4),
      actual: aspect(w / h),
      documentedError: null,
      remedy: 'pad',
      fix: 'Crop or pad the image into the allowed aspect ratio.',
    });
  }
}

export function checkImageAnimation(ctx: RuleContext, img: ImageInfo): void {
  const rule = ctx.target.image?.animated;
  if (!rule || !img.animated) return;
  ctx.report({
    code: 'image-animated',
    limit: rule,
    message: `The image is animated; ${ctx.target.platform} takes still images only.`,
    expected: 'a still image',
    actual: `animated ${img.format}${img.frameCount ? ` (${img.frameCount} frames)` : ''}`,
    documentedError: null,
    remedy: 'convert-image',
    fix: 'Use the first frame as a still JPEG, or post it as a video.',
  });
}
