/**
 * A video bitrate that makes the file fit a size limit: the byte budget over the duration, less the
 * audio and 2% for the container, aiming at 90% of the limit because one-pass x264 drifts. A retry
 * after an output that was still too big passes `shrink` (how far the outputs missed, compounded).
 */

const AIM = 0.9;
const CONTAINER_SHARE = 0.02;
/** Below this a picture is mush; refuse rather than produce it. */
export const MIN_VIDEO_BITRATE = 100_000;

export function sizeBudgetBitrate(
  maxBytes: number,
  seconds: number,
  audioBitrate: number,
  shrink = 1,
): number {
  const video = ((maxBytes * 8 * AIM * (1 - CONTAINER_SHARE)) / seconds - audioBitrate) * shrink;
  return Math.floor(video / 1000) * 1000;
}
