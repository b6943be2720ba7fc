import type { MediaSource } from '../sources/source.js';
import { BoundedReader, READ_LIMIT_EXCEEDED } from './bounded-reader.js';
import {
  containerFailure,
  type ContainerFacts,
  type ContainerFactsFailure,
  type ContainerTrackFacts,
} from './container-facts.js';
import type { EbmlWalkEnd } from './ebml-children.js';
import { readEbmlElementHeader, type EbmlElementHeader } from './ebml-vint.js';
import {
  parseMatroskaInfo,
  parseMatroskaSeekHead,
  parseMatroskaTracks,
  type MatroskaInfo,
  type SeekEntry,
} from './matroska-elements.js';
import { MatroskaId as Id } from './matroska-ids.js';

/** Level-1 elements walked in file order before giving up (clusters are skipped, not read). */
export const MAX_MATROSKA_LEVEL1_ELEMENTS = 512;
/** SeekHead targets followed when Info or Tracks is not where the linear walk reached. */
export const MAX_MATROSKA_SEEK_FOLLOWS = 8;
/** Largest Info, Tracks or SeekHead payload we read into memory (codec private data included). */
export const MAX_MATROSKA_MASTER_BYTES = 2 * 1024 * 1024;
/** Elements tolerated between the EBML header and the Segment (Void padding, stray headers). */
export const MAX_ELEMENTS_BEFORE_SEGMENT = 8;
/** ID (≤ 4) plus size (≤ 8): enough bytes to read any element header. */
const MAX_HEADER_BYTES = 12;

type Problem = ContainerFactsFailure['failure'];

interface WalkState {
  segmentStart: number;
  segmentEnd: number;
  info: MatroskaInfo | null;
  tracks: ContainerTrackFacts[] | null;
  seeks: SeekEntry[];
  /** Absolute offsets of level-1 elements already parsed, so a SeekHead pointing at itself ends. */
  visited: Set<number>;
  notes: string[];
  problem: Problem | null;
  /** The walk ran into the end of the Segment (or file) rather than stopping early. */
  reachedEnd: boolean;
}

/**
 * Reads Info (duration) and Tracks (codecs, sizes, sample rates) from a Matroska or WebM file.
 * Clusters are skipped by their size; when Info or Tracks lie beyond them, the SeekHead is
 * followed. Never throws on bad bytes; rejects only when the source does (I/O error, abort).
 */
export async function probeMatroska(source: MediaSource, head: Uint8Array, signal?: AbortSignal): Promise<ContainerFacts> {
  const reader = new BoundedReader(source, head, signal);
  const ebml = await readHeaderAt(reader, 0, 'EBML header');
  if ('reason' in ebml) return { failure: ebml };
  if (ebml.header.id !== Id.EBML) return containerFailure('corrupt', 'The file does not start with an EBML header.', 0);
  if (ebml.header.size === null) return containerFailure('corrupt', 'The EBML header has an unknown size.', 0);

  const segment = await findSegment(reader, ebml.header.headerLength + ebml.header.size);
  if ('reason' in segment) return { failure: segment };

  const segmentStart = segment.offset + segment.header.headerLength;
  const state: WalkState = {
    segmentStart,
    segmentEnd: reader.size,
    info: null,
    tracks: null,
    seeks: [],
    visited: new Set(),
    notes: [],
    problem: null,
    reachedEnd: false,
  };
  const segmentCut = segment.header.size === null || segmentStart + segment.header.size > reader.size;
  if (segment.header.size === null) {
    state.notes.push('The Segment has an unknown size (a live or streamed recording).');
  } else if (segmentStart + segment.header.size > reader.size) {
    state.notes.push(
      `The Segment declares ${segment.header.size} bytes but the file ends after ${reader.size - segmentStart}: the file is truncated.`,
    );
  } else {
    state.segmentEnd = segmentStart + segment.header.size;
  }

  const stoppedAt = await walkLevel1(reader, state, segmentStart, false);
  await followSeeks(reader, state);
  // The SeekHead did not lead everywhere: go on past the Clusters by their sizes instead.
  if (stoppedAt !== null && !(state.info && state.tracks) && state.problem === null) {
    await walkLevel1(reader, state, stoppedAt, true);
  }

  if (state.tracks === null) {
    if (state.problem) return { failure: state.problem };
    // A Segment cut short by the end of the file may have held the Tracks; a complete one did not.
    return segmentCut && state.reachedEnd
      ? containerFailure('truncated', 'The file ends before the Tracks element.', reader.size)
      : containerFailure('corrupt', 'The Segment has no Tracks element.', null);
  }
  if (state.problem) state.notes.push(state.problem.message);
  const durationSeconds =
    state.info?.duration != null ? (state.info.duration * state.info.timestampScale) / 1e9 : null;
  if (state.info === null) state.notes.push('No Info element was found, so the duration is unknown.');
  return { durationSeconds, tracks: state.tracks, notes: state.notes };
}

interface Located {
  offset: number;
  header: EbmlElementHeader;
}

async function readHeaderAt(reader: BoundedReader, offset: number, what: string): Promise<Located | Problem> {
  const bytes = await reader.read(offset, MAX_HEADER_BYTES);
  if (bytes === READ_LIMIT_EXCEEDED) return limitProblem(offset);
  const r = readEbmlElementHeader(bytes, 0);
  if (!r.ok) return headerFailure(r.problem, offset, what, reader.size).failure;
  return { offset, header: r.header };
}

async function findSegment(reader: BoundedReader, from: number): Promise<Located | Problem> {
  let o = from;
  for (let i = 0; i < MAX_ELEMENTS_BEFORE_SEGMENT; i++) {
    const found = await readHeaderAt(reader, o, 'Segment header');
    if ('reason' in found) return found;
    if (found.header.id === Id.Segment) return found;
    if (found.header.size === null) break;
    o += found.header.headerLength + found.header.size;
  }
  return { reason: 'corrupt', message: 'No Segment follows the EBML header.', offset: from };
}

/**
 * Walks level-1 elements in file order from `from` until Info and Tracks are known. At the first
 * Cluster it stops in favour of the SeekHead when one can point at what is missing (unless
 * `ignoreSeeks`); otherwise it skips Clusters by their size without reading them. Returns the
 * offset to resume from, or null when the walk cannot go on.
 */
async function walkLevel1(reader: BoundedReader, state: WalkState, from: number, ignoreSeeks: boolean): Promise<number | null> {
  let o = from;
  for (let i = 0; i < MAX_MATROSKA_LEVEL1_ELEMENTS; i++) {
    if (state.info && state.tracks) return null;
    if (o >= state.segmentEnd) {
      state.reachedEnd = true;
      return null;
    }
    const el = await readHeaderAt(reader, o, 'element header');
    if ('reason' in el) {
      state.problem ??= el;
      return null;
    }
    const { id, size } = el.header;
    if (id === Id.Cluster && !ignoreSeeks && pendingSeek(state)) return o;
    if (size === null) {
      // Only a Cluster may have an unknown size here; its end is found only by reading it whole.
      if (id !== Id.Cluster) state.problem ??= { reason: 'corrupt', message: `An element at byte ${o} has an unknown size.`, offset: o };
      else state.notes.push('A Cluster of unknown size ends the walk before Info and Tracks were found.');
      return null;
    }
    if (id === Id.Info || id === Id.Tracks || id === Id.SeekHead) {
      if (!(await parseLevel1(reader, state, el))) return null;
    }
    o += el.header.headerLength + size;
  }
  state.notes.push(`Stopped after ${MAX_MATROSKA_LEVEL1_ELEMENTS} top-level elements.`);
  return null;
}

const seekable = new Set<number>([Id.Info, Id.Tracks, Id.SeekHead]);

/** The next SeekHead entry that may lead to a missing Info or Tracks, not yet visited. */
function pendingSeek(state: WalkState): SeekEntry | undefined {
  return state.seeks.find(
    (s) =>
      seekable.has(s.id) &&
      !state.visited.has(state.segmentStart + s.position) &&
      !(s.id === Id.Info && state.info) &&
      !(s.id === Id.Tracks && state.tracks),
  );
}

/** Follows SeekHead entries to Info and Tracks (and further SeekHeads) not met in the walk. */
async function followSeeks(reader: BoundedReader, state: WalkState): Promise<void> {
  for (let follows = 0; follows < MAX_MATROSKA_SEEK_FOLLOWS; follows++) {
    if (state.info && state.tracks) return;
    const next = pendingSeek(state);
    if (!next) return;
    const offset = state.segmentStart + next.position;
    state.visited.add(offset);
    if (offset >= state.segmentEnd) {
      state.notes.push(`The SeekHead points past the end of the file (byte ${offset}).`);
      continue;
    }
    const el = await readHeaderAt(reader, offset, 'element header');
    if ('reason' in el) {
      // A bad SeekHead entry is a finding, not the end: the linear walk may still get there.
      state.notes.push(`The SeekHead points at byte ${offset}, where no readable element starts.`);
      continue;
    }
    if (el.header.id !== next.id) {
      state.notes.push(`The SeekHead entry for byte ${offset} points at the wrong element.`);
      continue;
    }
    if (!(await parseLevel1(reader, state, el))) return;
  }
}

/** Reads one Info, Tracks or SeekHead payload and folds it into the state; false on a hard stop. */
async function parseLevel1(reader: BoundedReader, state: WalkState, el: Located): Promise<boolean> {
  const { id, size } = el.header;
  state.visited.add(el.offset);
  if (size === null) return false;
  const dataStart = el.offset + el.header.headerLength;
  if (size > MAX_MATROSKA_MASTER_BYTES) {
    state.problem ??= { reason: 'limit-exceeded', message: `A ${nameOf(id)} element of ${size} bytes exceeds the cap.`, offset: el.offset };
    return false;
  }
  const body = await reader.read(dataStart, size);
  if (body === READ_LIMIT_EXCEEDED) {
    state.problem ??= limitProblem(dataStart);
    return false;
  }
  if (id === Id.Info) {
    const info = parseMatroskaInfo(body, 0, size);
    state.info = info.value;
    noteWalk(state, info.walk, dataStart, 'Info');
  } else if (id === Id.Tracks) {
    const tracks = parseMatroskaTracks(body, 0, size);
    if (tracks.walk.end === 'done') state.tracks = tracks.value;
    else {
      // A cut or damaged Tracks element may hide tracks, so it is not reported as complete.
      noteWalk(state, tracks.walk, dataStart, 'Tracks');
      return false;
    }
  } else {
    const seeks = parseMatroskaSeekHead(body, 0, size);
    state.seeks.push(...seeks.value);
    noteWalk(state, seeks.walk, dataStart, 'SeekHead');
  }
  return true;
}

function noteWalk(state: WalkState, walk: EbmlWalkEnd, base: number, what: string): void {
  if (walk.end === 'done') return;
  const offset = base + walk.offset;
  const problem: Problem =
    walk.end === 'short'
      ? { reason: 'truncated', message: `The file ends inside the ${what} element (byte ${offset}).`, offset }
      : walk.end === 'limit'
        ? { reason: 'limit-exceeded', message: `The ${what} element has too many children.`, offset }
        : { reason: 'corrupt', message: `The ${what} element is damaged at byte ${offset}.`, offset };
  state.problem ??= problem;
}

function headerFailure(problem: 'short' | 'invalid', offset: number, what: string, fileSize: number): ContainerFactsFailure {
  return problem === 'short'
    ? containerFailure('truncated', `The file ends inside the ${what} (byte ${Math.min(offset, fileSize)}).`, Math.min(offset, fileSize))
    : containerFailure('corrupt', `The ${what} at byte ${offset} is not valid EBML.`, offset);
}

function limitProblem(offset: number): Problem {
  return { reason: 'limit-exceeded', message: 'Reading Info and Tracks needed more I/O than the probe allows.', offset };
}

function nameOf(id: number): string {
  return id === Id.Info ? 'Info' : id === Id.Tracks ? 'Tracks' : 'SeekHead';
}
