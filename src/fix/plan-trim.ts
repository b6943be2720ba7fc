import type { MediaInfo } from '../probe/media-info.js';

/**
 * How to cut a file down to the target's maximum duration.
 *
 * A stream-copy cut (`-c copy -t T`) ends at a packet in decode order, so the last frames shown can
 * run past T by the reorder delay (two frames measured with x264's B-frames) plus one audio frame.
 * To stay under the maximum, the copy cut aims early by a margin of four frame periods plus one AAC
 * frame. That margin is the price of not re-encoding; when it would cost more than 1% of the allowed
 * length or more than half a second (low frame rates, short maximums: the target is "tight"), or the
 * frame rate is unknown, the cut is made frame-exactly by re-encoding instead, which ends at exactly T.
 */

const MARGIN_FRAMES = 4;
const MAX_MARGIN_SECONDS = 0.5;
const MAX_MARGIN_SHARE = 0.01;

export type TrimDecision = { seconds: number; exact: boolean };

/** Where a copy cut must aim to end at or under `max`; null when a copy cut would lose too much. */
export function copyTrimPoint(media: MediaInfo, max: number): number | null {
  const fps = media.video?.frameRate ?? null;
  if (fps === null || !(fps > 0)) return null;
  const audioFrame = media.audio && media.audio.sampleRate > 0 ? 1024 / media.audio.sampleRate : 0;
  const margin = MARGIN_FRAMES / fps + audioFrame + 0.01;
  if (margin > MAX_MARGIN_SECONDS || margin > max * MAX_MARGIN_SHARE) return null;
  return Math.floor((max - margin) * 1000) / 1000;
}

/** The cut: exact when the video is re-encoded anyway or when a copy cut would lose too much. */
export function decideTrim(media: MediaInfo, max: number, videoEncodedAnyway: boolean, forceExact: boolean): TrimDecision {
  if (videoEncodedAnyway || forceExact) return { seconds: max, exact: true };
  const at = copyTrimPoint(media, max);
  return at === null ? { seconds: max, exact: true } : { seconds: at, exact: false };
}
