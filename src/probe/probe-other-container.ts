import type { MediaSource } from '../sources/source.js';
import type { SniffResult } from '../sniff/sniff-container.js';
import type { ContainerFacts, ContainerTrackFacts } from '../containers/container-facts.js';
import type { MediaInfo, Track } from './media-info.js';

type Partial = Pick<MediaInfo, 'tracks' | 'durationSeconds' | 'notes' | 'unreadable'>;

/** Loads only the parser the sniffed format needs, so the rest stay out of the bundle's hot path. */
async function factsFor(source: MediaSource, sniff: SniffResult, head: Uint8Array, signal?: AbortSignal): Promise<ContainerFacts | null> {
  switch (sniff.format) {
    case 'webm':
    case 'matroska':
      return (await import('../containers/matroska.js')).probeMatroska(source, head, signal);
    case 'avi':
      return (await import('../containers/avi.js')).probeAvi(source, head, signal);
    case 'mpegts':
      return (await import('../containers/mpeg-ts.js')).probeMpegTs(source, head, signal);
    default:
      return null;
  }
}

/**
 * Cheap facts for containers other than MP4/MOV: enough to say what the file is ("WebM with
 * VP9/Opus") so a report can name it and the fixer can plan a conversion.
 */
export async function probeOtherContainer(source: MediaSource, sniff: SniffResult, head: Uint8Array, signal?: AbortSignal): Promise<Partial> {
  const facts = await factsFor(source, sniff, head, signal);
  if (!facts) return { tracks: [], durationSeconds: null, notes: [], unreadable: null };
  if ('failure' in facts) {
    const { reason, message, offset } = facts.failure;
    return { tracks: [], durationSeconds: null, notes: [], unreadable: { reason: reason === 'corrupt' ? 'corrupt-box' : reason, message, offset } };
  }
  return {
    tracks: facts.tracks.map((t, i) => toTrack(t, i + 1, facts.durationSeconds)),
    durationSeconds: facts.durationSeconds,
    notes: facts.notes,
    unreadable: null,
  };
}

const NO_EDITS = { kind: 'none', segments: 0, detail: null, startSkipSeconds: 0 } as const;

function toTrack(t: ContainerTrackFacts, id: number, durationSeconds: number | null): Track {
  const common = {
    id,
    codec: t.codec,
    codecString: t.codecId,
    sampleEntry: null,
    durationSeconds,
    bitrateBitsPerSecond: null,
    sizeBytes: null,
    sampleCount: null,
    editList: { ...NO_EDITS },
    language: null,
  };
  if (t.kind === 'video') {
    const width = t.width ?? 0;
    const height = t.height ?? 0;
    return {
      ...common,
      kind: 'video',
      profile: null,
      level: null,
      width,
      height,
      displayWidth: width,
      displayHeight: height,
      sampleAspectRatio: null,
      rotation: 0,
      frameRate: t.frameRate ?? null,
      frameRateMode: null,
      minFrameRate: null,
      maxFrameRate: null,
      chromaSubsampling: null,
      bitDepth: null,
      interlaced: null,
      colour: null,
      keyframes: null,
    };
  }
  if (t.kind === 'audio') {
    return { ...common, kind: 'audio', profile: null, sampleRate: t.sampleRate ?? 0, channels: t.channels ?? 0, bitDepth: null };
  }
  return { ...common, kind: 'other', handler: t.codecId };
}
