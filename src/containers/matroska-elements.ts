import { MAX_CONTAINER_TRACKS, type ContainerTrackFacts } from './container-facts.js';
import { walkEbmlChildren, type EbmlWalkEnd } from './ebml-children.js';
import { readEbmlFloat, readEbmlString, readEbmlUint } from './ebml-vint.js';
import { matroskaCodecName } from './matroska-codec-names.js';
import { MatroskaId as Id } from './matroska-ids.js';

/** Parses the payloads of the Segment's Info, Tracks and SeekHead elements, already in memory. */

export interface MatroskaInfo {
  /** Nanoseconds per timestamp tick; 1 000 000 (milliseconds) by default. */
  timestampScale: number;
  /** In timestamp ticks; null when the muxer did not write it (live streams). */
  duration: number | null;
}

export interface Parsed<T> {
  value: T;
  walk: EbmlWalkEnd;
}

const DEFAULT_TIMESTAMP_SCALE = 1_000_000;
/** TimestampScale above one second per tick is not a real file. */
const MAX_TIMESTAMP_SCALE = 1_000_000_000;

export function parseMatroskaInfo(b: Uint8Array, start: number, end: number): Parsed<MatroskaInfo> {
  const value: MatroskaInfo = { timestampScale: DEFAULT_TIMESTAMP_SCALE, duration: null };
  const walk = walkEbmlChildren(b, start, end, (c) => {
    if (c.id === Id.TimestampScale) {
      const scale = readEbmlUint(b, c.dataStart, c.size);
      if (scale !== undefined && scale > 0 && scale <= MAX_TIMESTAMP_SCALE) value.timestampScale = scale;
    } else if (c.id === Id.Duration) {
      const d = readEbmlFloat(b, c.dataStart, c.size);
      if (d !== undefined && Number.isFinite(d) && d >= 0) value.duration = d;
    }
  });
  return { value, walk };
}

/** Matroska TrackType values. */
const TRACK_TYPE_VIDEO = 1;
const TRACK_TYPE_AUDIO = 2;
/** Codec IDs are short ASCII ("V_MPEG4/ISO/AVC"); longer ones are cut to this. */
const MAX_CODEC_ID_LENGTH = 64;
/** Spec defaults when an Audio element omits them. */
const DEFAULT_SAMPLING_FREQUENCY = 8000;
const DEFAULT_CHANNELS = 1;

export function parseMatroskaTracks(b: Uint8Array, start: number, end: number): Parsed<ContainerTrackFacts[]> {
  const tracks: ContainerTrackFacts[] = [];
  let innerProblem: EbmlWalkEnd | null = null;
  const walk = walkEbmlChildren(b, start, end, (entry) => {
    if (entry.id !== Id.TrackEntry || tracks.length >= MAX_CONTAINER_TRACKS) return;
    const parsed = parseTrackEntry(b, entry.dataStart, entry.dataStart + entry.size);
    if (parsed.walk.end !== 'done') innerProblem ??= parsed.walk;
    if (parsed.value) tracks.push(parsed.value);
  });
  return { value: tracks, walk: walk.end === 'done' && innerProblem ? innerProblem : walk };
}

function parseTrackEntry(b: Uint8Array, start: number, end: number): Parsed<ContainerTrackFacts | null> {
  let type: number | undefined;
  let codecId = '';
  let defaultDuration: number | undefined;
  let width: number | undefined;
  let height: number | undefined;
  let sampleRate: number | undefined;
  let channels: number | undefined;
  let nested: EbmlWalkEnd | null = null;
  const walk = walkEbmlChildren(b, start, end, (c) => {
    switch (c.id) {
      case Id.TrackType:
        type = readEbmlUint(b, c.dataStart, c.size);
        break;
      case Id.CodecID:
        codecId = readEbmlString(b, c.dataStart, c.size, MAX_CODEC_ID_LENGTH) ?? '';
        break;
      case Id.DefaultDuration:
        defaultDuration = readEbmlUint(b, c.dataStart, c.size);
        break;
      case Id.Video: {
        const w = walkEbmlChildren(b, c.dataStart, c.dataStart + c.size, (v) => {
          if (v.id === Id.PixelWidth) width = readEbmlUint(b, v.dataStart, v.size);
          else if (v.id === Id.PixelHeight) height = readEbmlUint(b, v.dataStart, v.size);
        });
        if (w.end !== 'done') nested ??= w;
        break;
      }
      case Id.Audio: {
        sampleRate = DEFAULT_SAMPLING_FREQUENCY;
        channels = DEFAULT_CHANNELS;
        const w = walkEbmlChildren(b, c.dataStart, c.dataStart + c.size, (a) => {
          if (a.id === Id.SamplingFrequency) sampleRate = readEbmlFloat(b, a.dataStart, a.size) ?? sampleRate;
          else if (a.id === Id.Channels) channels = readEbmlUint(b, a.dataStart, a.size) ?? channels;
        });
        if (w.end !== 'done') nested ??= w;
        break;
      }
    }
  });
  const kind = trackKind(type, codecId);
  const track: ContainerTrackFacts = { kind, codec: matroskaCodecName(codecId), codecId };
  if (kind === 'video') {
    if (width !== undefined && width > 0) track.width = width;
    if (height !== undefined && height > 0) track.height = height;
    // DefaultDuration is nanoseconds per frame; rounded so 66666667 ns reads as 15 fps.
    if (defaultDuration !== undefined && defaultDuration > 0) {
      track.frameRate = Math.round((1e9 / defaultDuration) * 1000) / 1000;
    }
  } else if (kind === 'audio') {
    if (sampleRate !== undefined && Number.isFinite(sampleRate) && sampleRate > 0) track.sampleRate = sampleRate;
    if (channels !== undefined && channels > 0) track.channels = channels;
  }
  return { value: codecId || type !== undefined ? track : null, walk: walk.end === 'done' && nested ? nested : walk };
}

function trackKind(type: number | undefined, codecId: string): ContainerTrackFacts['kind'] {
  if (type === TRACK_TYPE_VIDEO) return 'video';
  if (type === TRACK_TYPE_AUDIO) return 'audio';
  if (type !== undefined) return 'other';
  // TrackType is mandatory, but the CodecID prefix says the same thing when it is missing.
  if (codecId.startsWith('V_')) return 'video';
  if (codecId.startsWith('A_')) return 'audio';
  return 'other';
}

export interface SeekEntry {
  id: number;
  /** Offset of the target relative to the start of the Segment's payload. */
  position: number;
}

/** A SeekHead indexes each level-1 element at most a few times; more entries than this are damage. */
export const MAX_SEEK_ENTRIES = 256;

export function parseMatroskaSeekHead(b: Uint8Array, start: number, end: number): Parsed<SeekEntry[]> {
  const entries: SeekEntry[] = [];
  const walk = walkEbmlChildren(b, start, end, (seek) => {
    if (seek.id !== Id.Seek || entries.length >= MAX_SEEK_ENTRIES) return;
    let id: number | undefined;
    let position: number | undefined;
    walkEbmlChildren(b, seek.dataStart, seek.dataStart + seek.size, (c) => {
      // SeekID holds the target's ID bytes, marker included: read them as a plain unsigned integer.
      if (c.id === Id.SeekID && c.size <= 4) id = readEbmlUint(b, c.dataStart, c.size);
      else if (c.id === Id.SeekPosition) position = readEbmlUint(b, c.dataStart, c.size);
    });
    if (id !== undefined && position !== undefined) entries.push({ id, position });
  });
  return { value: entries, walk };
}
