/**
 * Cheap facts about a non-MP4 container: enough to say "this is WebM with VP9/Opus, 160x90".
 * The container probes return a failure object for bad bytes instead of throwing.
 */

export interface ContainerTrackFacts {
  kind: 'video' | 'audio' | 'other';
  /** Normalised codec name (h264, hevc, vp9, opus, pcm, ...), or "unknown". */
  codec: string;
  /** The container's own codec identifier: Matroska CodecID, AVI FourCC or format tag, TS stream_type. */
  codecId: string;
  width?: number;
  height?: number;
  frameRate?: number;
  sampleRate?: number;
  channels?: number;
}

export interface ContainerFactsFound {
  durationSeconds: number | null;
  tracks: ContainerTrackFacts[];
  /** Non-fatal findings: truncation, caps reached, fields we could not read. */
  notes: string[];
}

export interface ContainerFactsFailure {
  failure: {
    reason: 'truncated' | 'corrupt' | 'limit-exceeded';
    message: string;
    /** Byte where the damage starts, when known. */
    offset: number | null;
  };
}

export type ContainerFacts = ContainerFactsFound | ContainerFactsFailure;

export function isContainerFactsFailure(facts: ContainerFacts): facts is ContainerFactsFailure {
  return 'failure' in facts;
}

export function containerFailure(
  reason: ContainerFactsFailure['failure']['reason'],
  message: string,
  offset: number | null,
): ContainerFactsFailure {
  return { failure: { reason, message, offset } };
}

/** No real file has more tracks than this; a count above it means damage. */
export const MAX_CONTAINER_TRACKS = 128;
