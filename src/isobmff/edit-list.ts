import type { EditList } from '../probe/media-info.js';

export type EditEntry = { segmentDuration: number; mediaTime: number; rate: number };

/**
 * A skip this short is encoder delay (AAC priming, B-frame reordering), not an editing decision:
 * 0.2 s, or four frames for low-frame-rate video (B-frame delay at 1 fps is two whole seconds).
 */
const BENIGN_SKIP_SECONDS = 0.2;
const BENIGN_SKIP_FRAMES = 4;
/** A leading empty edit this short is a start offset left by remuxing, not an editing decision. */
const BENIGN_EMPTY_SECONDS = 0.05;
const BENIGN_EMPTY_FRAMES = 2;

/**
 * Sorts an edit list into none / benign / real. ffmpeg writes a one-segment list on nearly every
 * AAC or B-frame MP4 to hide priming samples; that must not raise alarms. Empty edits, several
 * segments, a rate other than 1 or a large skip change what plays and are reported as real.
 */
export function classifyEditList(
  edits: EditEntry[] | null,
  mediaTimescale: number,
  movieTimescale: number,
  /** Duration of one sample (frame) in seconds, to scale the benign-skip threshold. */
  frameSeconds = 0,
): EditList {
  if (!edits || edits.length === 0) return { kind: 'none', segments: 0, detail: null, startSkipSeconds: 0 };
  const seconds = (t: number, scale: number) => (scale > 0 ? t / scale : 0);
  const first = edits[0]!;
  const startSkipSeconds = first.mediaTime > 0 ? seconds(first.mediaTime, mediaTimescale) : 0;
  const real = (detail: string): EditList => ({ kind: 'real', segments: edits.length, detail, startSkipSeconds });
  // A leading empty edit of a frame or two is the start offset ffmpeg's concat and remuxes write
  // (21 ms on a typical file): harmless, and no reason to re-encode. Longer delays are real.
  const [lead, ...rest] = edits;
  if (lead && lead.mediaTime === -1 && rest.length === 1) {
    const delay = seconds(lead.segmentDuration, movieTimescale);
    if (delay <= Math.max(BENIGN_EMPTY_SECONDS, BENIGN_EMPTY_FRAMES * frameSeconds)) {
      const inner = classifyEditList(rest, mediaTimescale, movieTimescale, frameSeconds);
      if (inner.kind === 'benign') return { kind: 'benign', segments: edits.length, detail: `a ${round(delay)} s start offset (empty edit)`, startSkipSeconds: inner.startSkipSeconds };
    }
  }
  const empty = edits.find((e) => e.mediaTime === -1);
  if (empty) {
    return real(`an empty edit delays the start by ${round(seconds(empty.segmentDuration, movieTimescale))} s`);
  }
  if (edits.length > 1) return real(`${edits.length} edit segments rearrange or cut the timeline`);
  if (first.rate !== 1) return real(`the edit plays at rate ${first.rate}`);
  if (startSkipSeconds > Math.max(BENIGN_SKIP_SECONDS, BENIGN_SKIP_FRAMES * frameSeconds)) {
    return real(`the edit skips the first ${round(startSkipSeconds)} s of media`);
  }
  return { kind: 'benign', segments: 1, detail: null, startSkipSeconds };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
