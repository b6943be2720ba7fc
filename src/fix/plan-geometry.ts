/**
 * Output picture size: scale into the target's size limits keeping the aspect ratio, then pad into
 * its aspect-ratio range. All sizes are of the picture as displayed (rotation and pixel aspect
 * applied), since ffmpeg auto-rotates when it re-encodes and the limits apply to what is shown.
 */

export type Range = { min?: number; max?: number };

export type SizeLimits = {
  width?: Range;
  height?: Range;
  longSide?: Range;
  shortSide?: Range;
  aspectRatio?: Range;
};

export type Geometry = {
  /** The picture, scaled. */
  width: number;
  height: number;
  /** The frame after padding (equal to the picture when no padding). */
  frameWidth: number;
  frameHeight: number;
  scaled: boolean;
  padded: boolean;
};

/**
 * Fits a `w`×`h` picture into the limits. `even` rounds to even sides (4:2:0 video needs them).
 * Maximums win over minimums when both cannot hold.
 */
export function fitGeometry(w: number, h: number, limits: SizeLimits, even: boolean): Geometry {
  const ratio = w / h;
  const ar = limits.aspectRatio;
  const frameRatio = Math.min(ar?.max ?? Infinity, Math.max(ar?.min ?? 0, ratio));
  // The padded frame at the picture's own scale.
  const fw0 = frameRatio > ratio ? h * frameRatio : w;
  const fh0 = frameRatio < ratio ? w / frameRatio : h;
  const long = Math.max(fw0, fh0);
  const short = Math.min(fw0, fh0);
  const downs = [
    limits.width?.max !== undefined ? limits.width.max / fw0 : Infinity,
    limits.height?.max !== undefined ? limits.height.max / fh0 : Infinity,
    limits.longSide?.max !== undefined ? limits.longSide.max / long : Infinity,
    limits.shortSide?.max !== undefined ? limits.shortSide.max / short : Infinity,
  ];
  const ups = [
    limits.width?.min !== undefined ? limits.width.min / fw0 : 0,
    limits.height?.min !== undefined ? limits.height.min / fh0 : 0,
    limits.longSide?.min !== undefined ? limits.longSide.min / long : 0,
    limits.shortSide?.min !== undefined ? limits.shortSide.min / short : 0,
  ];
  const down = Math.min(...downs);
  const up = Math.max(...ups);
  const scale = up > 1 && up <= down ? up : Math.min(1, down);
  const round = (x: number, dir: 'up' | 'down'): number => {
    const step = even ? 2 : 1;
    const r = dir === 'up' ? Math.ceil(x / step - 1e-9) * step : Math.floor(x / step + 1e-9) * step;
    return Math.max(step, r);
  };
  const dir = scale > 1 ? 'up' : 'down';
  const width = round(w * scale, dir);
  const height = round(h * scale, dir);
  // The padded side rounds up, so rounding never pushes the frame back outside the aspect range.
  const frameWidth = fw0 > w ? Math.max(width, round(fw0 * scale, 'up')) : width;
  const frameHeight = fh0 > h ? Math.max(height, round(fh0 * scale, 'up')) : height;
  return {
    width,
    height,
    frameWidth,
    frameHeight,
    scaled: width !== w || height !== h,
    padded: frameWidth !== width || frameHeight !== height,
  };
}

type SeverityLimit = { value: Range; severity: 'error' | 'warning' } | undefined;

/**
 * A size limit as the planner applies it: maximums at any severity (shrinking saves bytes and the
 * encode happens anyway), minimums only when the platform refuses smaller (upscaling adds no detail;
 * a recommended minimum is the platform's own upscale).
 */
export function plannedRange(limit: SeverityLimit): Range | undefined {
  if (!limit) return undefined;
  return limit.severity === 'error' ? limit.value : { max: limit.value.max };
}
