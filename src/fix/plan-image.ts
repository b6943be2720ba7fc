import type { ImageInfo } from '../probe/media-info.js';
import type { TargetProfile } from '../targets/target-profile.js';
import type { Issue, IssueCode } from '../validate/issue.js';
import { fitGeometry, plannedRange } from './plan-geometry.js';
import type { FixStep, PlanRetry } from './plan-types.js';

/**
 * Images become a still JPEG or PNG the target takes: first frame, EXIF orientation applied to the
 * pixels (the output carries no EXIF), resized into the size limits, padded into the aspect range,
 * re-encoded smaller when the file is too big. Retries after a too-big output lower the quality
 * and shrink the pixel count by how far the output missed.
 */

export type ImagePlan =
  | { ok: true; args: string[]; steps: FixStep[]; outputExtension: 'jpg' | 'png' }
  | { ok: false; message: string };

/** Inputs that are graphics rather than photos: PNG keeps them sharp when the target takes PNG. */
const LOSSLESS = new Set(['png', 'gif', 'bmp']);
/** EXIF orientation → ffmpeg filters that put the pixels upright (TIFF/EXIF 2..8). */
const ORIENT: Record<number, string> = {
  2: 'hflip',
  3: 'hflip,vflip',
  4: 'vflip',
  5: 'transpose=0',
  6: 'transpose=1',
  7: 'transpose=3',
  8: 'transpose=2',
};
/** ffmpeg's mjpeg -q:v: 2 is near-transparent, 31 the worst. */
const JPEG_Q_BEST = 2;
const JPEG_Q_FIRST_SHRINK = 4;
const JPEG_Q_STEP = 4;
/** Pads are white: images are mostly shown on light feeds. */
const PAD_COLOR = 'white';

export function planImage(img: ImageInfo, target: TargetProfile, errors: Issue[], warnings: Issue[], threads: number, retry: PlanRetry | undefined): ImagePlan {
  const rules = target.image ?? {};
  const allowed = rules.formats?.value ?? ['jpeg', 'png'];
  const has = (code: IssueCode) => errors.some((i) => i.code === code);
  const all = [...errors, ...warnings];
  const codes = (...cs: IssueCode[]): IssueCode[] => [...new Set(all.map((i) => i.code as IssueCode).filter((c) => cs.includes(c)))];
  const shrink = retry?.shrink ?? 1;
  const sizeFix = has('file-size');

  const format = chooseFormat(img, allowed, sizeFix && shrink < 1);
  if (!format) return { ok: false, message: `${target.name} takes ${allowed.join(', ')}; the fixer writes JPEG or PNG only.` };

  const [shownW, shownH] = img.orientation !== null && img.orientation >= 5 ? [img.height, img.width] : [img.width, img.height];
  const limits = { width: plannedRange(rules.width), height: plannedRange(rules.height), aspectRatio: rules.aspectRatio?.value };
  const fit = fitGeometry(shownW, shownH, limits, false);
  // A too-big file shrinks its pixel count by the retry factor (size goes roughly with pixels).
  const k = shrink < 1 ? Math.sqrt(shrink) : 1;
  const width = Math.max(1, Math.round(fit.width * k));
  const height = Math.max(1, Math.round(fit.height * k));
  const frameW = Math.max(width, Math.round(fit.frameWidth * k));
  const frameH = Math.max(height, Math.round(fit.frameHeight * k));

  const steps: FixStep[] = [];
  const chain: string[] = [];
  if (img.animated) steps.push({ what: `Keep the first frame of the ${img.frameCount ?? ''} frame animation`.replace('  ', ' '), why: codes('image-animated') });
  const orient = img.orientation !== null ? ORIENT[img.orientation] : undefined;
  if (orient) {
    chain.push(orient);
    steps.push({ what: `Turn the pixels upright (EXIF orientation ${img.orientation}); the output carries no EXIF`, why: [] });
  }
  if (width !== shownW || height !== shownH) {
    chain.push(`scale=${width}:${height}:flags=lanczos`);
    steps.push({ what: `Resize from ${shownW}x${shownH} to ${width}x${height}, keeping the aspect ratio`, why: codes('resolution', ...(k < 1 ? (['file-size'] as IssueCode[]) : [])) });
  }
  const padded = frameW !== width || frameH !== height;
  if (padded) steps.push({ what: `Pad with ${PAD_COLOR} to ${frameW}x${frameH} to bring the aspect ratio into range`, why: codes('aspect-ratio') });

  const flatten = format === 'jpg' && img.hasAlpha === true;
  const args = ['-loglevel', 'info', '-noautorotate', '-i', '{input}'];
  const pre = chain.length > 0 ? `${chain.join(',')},` : '';
  if (flatten) {
    steps.push({ what: `Flatten the transparency onto ${PAD_COLOR} (JPEG has no alpha)`, why: [] });
    args.push(
      '-filter_complex',
      `[0:v]${pre}format=rgba[fg];color=c=${PAD_COLOR}:s=${frameW}x${frameH},format=rgba[bg];[bg][fg]overlay=shortest=1:x=(W-w)/2:y=(H-h)/2,format=yuvj420p[out]`,
      '-map',
      '[out]',
    );
  } else {
    const vf = [...chain];
    if (padded) vf.push(`pad=${frameW}:${frameH}:(ow-iw)/2:(oh-ih)/2:color=${PAD_COLOR}`);
    if (vf.length > 0) args.push('-vf', vf.join(','));
    args.push('-map', '0:v:0');
  }
  args.push('-frames:v', '1', '-map_metadata', '-1');

  const attempt = retry?.attempt ?? 0;
  const from = img.format.toUpperCase();
  const to = format === 'jpg' ? 'JPEG' : 'PNG';
  if (format === 'jpg') {
    const q = sizeFix ? Math.min(31, JPEG_Q_FIRST_SHRINK + JPEG_Q_STEP * attempt) : JPEG_Q_BEST;
    if (!flatten) args.push('-pix_fmt', 'yuvj420p');
    args.push('-c:v', 'mjpeg', '-q:v', String(q));
    steps.unshift({
      what: `${img.format === 'jpeg' ? 'Re-encode the JPEG' : `Convert ${from} to JPEG`} at quality ${q} (ffmpeg -q:v: 2 best, 31 worst)`,
      why: codes('image-format', ...(sizeFix ? (['file-size'] as IssueCode[]) : [])),
    });
  } else {
    args.push('-c:v', 'png', '-compression_level', sizeFix ? '9' : '6');
    steps.unshift({
      what: `${img.format === 'png' ? 'Re-encode the PNG' : `Convert ${from} to ${to}`}${sizeFix ? ' with the strongest compression' : ''}`,
      why: codes('image-format', ...(sizeFix ? (['file-size'] as IssueCode[]) : [])),
    });
  }
  args.push('-threads', String(threads), '-f', 'image2', '-update', '1', '{output}');
  return { ok: true, args, steps, outputExtension: format };
}

/**
 * The input's own format when allowed (JPEG/PNG), PNG for graphics and transparency when allowed,
 * else JPEG. A PNG still too big after a try becomes a JPEG when the target takes JPEG.
 */
function chooseFormat(img: ImageInfo, allowed: string[], tooBigBefore: boolean): 'jpg' | 'png' | null {
  const jpeg = allowed.includes('jpeg');
  const png = allowed.includes('png');
  if (tooBigBefore && jpeg) return 'jpg';
  if (img.format === 'jpeg' && jpeg) return 'jpg';
  if (img.format === 'png' && png) return 'png';
  const graphic = LOSSLESS.has(img.format) || img.lossless === true || img.hasAlpha === true;
  if (graphic && png) return 'png';
  if (jpeg) return 'jpg';
  return png ? 'png' : null;
}
