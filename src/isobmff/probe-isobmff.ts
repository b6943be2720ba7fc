import { lookupSampleEntry } from '../codecs/sample-entry-codecs.js';
import type { AudioTrack, ContainerInfo, OtherTrack, Track, Unreadable, VideoTrack } from '../probe/media-info.js';
import { audioCodecFacts } from './audio-codec-facts.js';
import { child, children, parseBoxTree, path, type BoxNode } from './box-tree.js';
import { classifyEditList } from './edit-list.js';
import { extrapolateSkipped, sumFragments, readTrexDefaults, type FragmentTotals } from './fragments.js';
import { readFtyp } from './ftyp.js';
import { parseMoovWithMp4box, type Mp4boxTrack } from './mp4box-moov.js';
import { readRawSampleEntry } from './raw-sample-entry.js';
import type { ReadCache } from './read-cache.js';
import { rotationFromMatrix } from './rotation.js';
import { computeGopStats, computeSampleStats, type GopStats, type SampleStats } from './sample-stats.js';
import { readSampleTables } from './sample-tables.js';
import { walkTopLevel, type TopLevelWalk } from './top-level-walk.js';
import { videoCodecFacts } from './video-codec-facts.js';

export type IsobmffProbe = {
  container: Omit<ContainerInfo, 'format' | 'formatName' | 'mimeType'>;
  tracks: Track[];
  durationSeconds: number | null;
  notes: string[];
  unreadable: Unreadable | null;
};

const LAYOUT_CAP = 64;

/** Probes an MP4/MOV/M4A/3GP file: top-level walk, gated sample tables, mp4box on the moov. */
export async function probeIsobmff(cache: ReadCache): Promise<IsobmffProbe> {
  const walk = await walkTopLevel(cache);
  const notes = [...walk.notes];
  const moovTree = walk.moov ? parseBoxTree(walk.moov.bytes, walk.moov.offset) : null;
  const container = containerFacts(walk, cache, moovTree && !('message' in moovTree) ? moovTree : null);
  if (walk.boxes.length > LAYOUT_CAP) notes.push(`${walk.boxes.length - LAYOUT_CAP} more top-level boxes not listed`);
  const result: IsobmffProbe = { container, tracks: [], durationSeconds: null, notes, unreadable: null };

  if (!walk.moov) {
    const damage = walk.damage;
    result.unreadable = damage
      ? { reason: damage.kind === 'truncated' ? 'truncated' : damage.kind, message: `${damage.message}; no complete moov box (the index that makes the file playable)`, offset: damage.offset }
      : { reason: 'no-moov', message: 'the file has no moov box (the index that makes it playable)', offset: null };
    return result;
  }
  // walk.moov is set here, so moovTree was parsed.
  if (moovTree === null || 'message' in moovTree) {
    if (moovTree === null) return result;
    result.unreadable = { reason: moovTree.kind, message: `moov: ${moovTree.message}`, offset: moovTree.offset };
    return result;
  }
  const parsed = parseMoovWithMp4box(walk.moov.bytes, moovTree);
  if ('error' in parsed) {
    result.unreadable = { reason: 'corrupt-box', message: parsed.error, offset: walk.moov.offset };
    return result;
  }

  const fragmented = container.fragmented;
  const fragments = fragmented ? sumFragments(walk.moofs, readTrexDefaults(moovTree)) : null;
  if (fragments?.problem) notes.push(`fragment headers: ${fragments.problem}`);

  const traks = children(moovTree, 'trak');
  let dataEnd = 0;
  for (let i = 0; i < traks.length && i < parsed.tracks.length; i++) {
    const trak = traks[i]!;
    const meta = parsed.tracks[i]!;
    let frag = fragments?.totals.get(meta.trackId) ?? null;
    if (frag && walk.fragmentIndex) frag = extrapolateSkipped(frag, walk.fragmentIndex.times.get(meta.trackId));
    const built = buildTrack(trak, meta, parsed.movieTimescale, cache.size, frag);
    if ('unreadable' in built) {
      result.unreadable = { ...built.unreadable, offset: walk.moov.offset + built.unreadable.offset };
      return result;
    }
    if (built.note) notes.push(built.note);
    dataEnd = Math.max(dataEnd, built.dataEnd);
    result.tracks.push(built.track);
  }

  const durations = result.tracks.map((t) => t.durationSeconds ?? 0);
  const movieSeconds = parsed.movieTimescale > 0 ? parsed.movieDuration / parsed.movieTimescale : 0;
  const fragmentSeconds = parsed.fragmentDuration && parsed.movieTimescale > 0 ? parsed.fragmentDuration / parsed.movieTimescale : 0;
  const longest = Math.max(0, ...durations);
  result.durationSeconds = fragmented ? Math.max(longest, fragmentSeconds) || null : movieSeconds || longest || null;

  if (walk.damage) {
    result.unreadable = { reason: walk.damage.kind, message: walk.damage.message, offset: walk.damage.offset };
  } else if (dataEnd > cache.size) {
    result.unreadable = {
      reason: 'truncated',
      message: `sample data runs to byte ${dataEnd} but the file ends at ${cache.size}: the file was cut short`,
      offset: cache.size,
    };
  } else if (!result.tracks.some((t) => (t.sampleCount ?? 0) > 0)) {
    result.unreadable = { reason: 'no-tracks', message: 'the file has no track with samples', offset: null };
  }
  return result;
}

function containerFacts(walk: TopLevelWalk, cache: ReadCache, moovTree: BoxNode | null): IsobmffProbe['container'] {
  const ftypBox = walk.boxes.find((b) => b.type === 'ftyp');
  const ftypBytes = ftypBox ? cache.peek(ftypBox.offset + ftypBox.headerSize, Math.min(ftypBox.sizeBytes - ftypBox.headerSize, 512)) : undefined;
  const moovBox = walk.boxes.find((b) => b.type === 'moov');
  const firstMdat = walk.boxes.find((b) => b.type === 'mdat');
  const hasMvex = Boolean(child(moovTree ?? undefined, 'mvex'));
  return {
    brands: ftypBytes ? readFtyp(ftypBytes) : null,
    faststart: moovBox ? !firstMdat || moovBox.offset < firstMdat.offset : null,
    fragmented: hasMvex || walk.boxes.some((b) => b.type === 'moof'),
    moov: moovBox ? { offset: moovBox.offset, sizeBytes: moovBox.sizeBytes } : null,
    layout: walk.boxes.slice(0, LAYOUT_CAP).map(({ headerSize: _h, ...b }) => b),
  };
}

type Built = { track: Track; dataEnd: number; note: string | null } | { unreadable: Unreadable & { offset: number } };

function buildTrack(trak: BoxNode, meta: Mp4boxTrack, movieTimescale: number, fileSize: number, frag: FragmentTotals | null): Built {
  const stbl = path(trak, 'mdia', 'minf', 'stbl');
  if (!stbl) return { unreadable: { reason: 'corrupt-box', message: `track ${meta.trackId} has no sample table`, offset: trak.start } };
  const tables = readSampleTables(stbl, fileSize);
  if ('message' in tables) return { unreadable: { reason: 'corrupt-box', message: tables.message, offset: tables.offsetInMoov } };
  const stats = mergeFragments(computeSampleStats(tables), frag);
  const timescale = meta.timescale;
  const seconds = (t: number) => (timescale > 0 ? t / timescale : null);
  const mediaSeconds = seconds(stats.mediaDuration);
  const frameSeconds = timescale > 0 ? stats.maxDelta / timescale : 0;
  const editList = classifyEditList(meta.edits, timescale, movieTimescale, frameSeconds);
  const durationSeconds = presentedDuration(meta, movieTimescale, mediaSeconds);
  const bitrate = durationSeconds && durationSeconds > 0 ? (stats.totalBytes * 8) / durationSeconds : null;
  const note = stats.countMismatch ? `track ${meta.trackId}: stts and stsz disagree on the sample count` : null;
  const raw = readRawSampleEntry(stbl, meta.handler);
  const entryType = meta.entry?.type || raw?.type || '';
  const known = lookupSampleEntry(entryType);
  const common = {
    id: meta.trackId,
    codecString: meta.entry?.codecString || entryType,
    sampleEntry: entryType || null,
    durationSeconds,
    bitrateBitsPerSecond: bitrate,
    sizeBytes: stats.totalBytes,
    sampleCount: stats.sampleCount,
    editList,
    language: meta.language,
  };
  if (meta.handler === 'vide') {
    const codec = known?.codec ?? entryType;
    const gop = frag ? fragmentGop(frag) : computeGopStats(tables, stats.mediaDuration);
    return { track: videoTrack(codec, common, meta, raw, stats, gop, timescale), dataEnd: stats.dataEnd, note };
  }
  if (meta.handler === 'soun') {
    const a = audioCodecFacts(meta.entry, raw);
    const track: AudioTrack = { ...common, kind: 'audio', codec: a.codec, profile: a.profile, sampleRate: a.sampleRate, channels: a.channels, bitDepth: a.bitDepth };
    return { track, dataEnd: stats.dataEnd, note };
  }
  const other: OtherTrack = { ...common, kind: 'other', codec: known?.codec ?? entryType, handler: meta.handler };
  return { track: other, dataEnd: stats.dataEnd, note };
}

/**
 * The duration a player shows: the span of the edit list's non-empty segments when it has one
 * (an empty edit only delays the start, as ffprobe's start_time shows), else the media's.
 */
function presentedDuration(meta: Mp4boxTrack, movieTimescale: number, mediaSeconds: number | null): number | null {
  const edits = (meta.edits ?? []).filter((e) => e.mediaTime !== -1);
  const span = edits.reduce((sum, e) => sum + e.segmentDuration, 0);
  if (span > 0 && movieTimescale > 0) {
    const editSeconds = span / movieTimescale;
    // Fragmented files write a zero or stale edit; trust media time when it is clearly longer.
    return mediaSeconds !== null && mediaSeconds > editSeconds * 1.5 ? mediaSeconds : editSeconds;
  }
  return mediaSeconds;
}

function mergeFragments(stats: SampleStats, frag: FragmentTotals | null): SampleStats {
  if (!frag) return stats;
  return {
    ...stats,
    sampleCount: stats.sampleCount + frag.sampleCount,
    mediaDuration: stats.mediaDuration + frag.duration,
    totalBytes: stats.totalBytes + frag.totalBytes,
    minDelta: stats.sampleCount > 0 ? Math.min(stats.minDelta, frag.minDelta) : frag.minDelta,
    maxDelta: Math.max(stats.maxDelta, frag.maxDelta),
  };
}

function fragmentGop(frag: FragmentTotals): GopStats {
  return {
    keyframeCount: frag.keyframeCount,
    maxKeyframeGap: frag.maxKeyframeGap ?? (frag.keyframeCount === 1 ? frag.duration : null),
    averageKeyframeGap: frag.keyframeCount > 0 ? frag.duration / frag.keyframeCount : null,
    openGopCount: null,
    allIntra: frag.keyframeCount === frag.sampleCount && frag.sampleCount > 0,
  };
}

function videoTrack(
  codec: string,
  common: Omit<VideoTrack, 'kind' | 'codec' | 'profile' | 'level' | 'width' | 'height' | 'displayWidth' | 'displayHeight' | 'sampleAspectRatio' | 'rotation' | 'frameRate' | 'frameRateMode' | 'minFrameRate' | 'maxFrameRate' | 'chromaSubsampling' | 'bitDepth' | 'interlaced' | 'colour' | 'keyframes'>,
  meta: Mp4boxTrack,
  raw: ReturnType<typeof readRawSampleEntry>,
  stats: SampleStats,
  gop: GopStats,
  timescale: number,
): VideoTrack {
  const facts = videoCodecFacts(codec, meta.entry);
  const width = facts.width ?? meta.entry?.width ?? raw?.width ?? Math.round(meta.tkhdWidth);
  const height = facts.height ?? meta.entry?.height ?? raw?.height ?? Math.round(meta.tkhdHeight);
  const sar = meta.entry?.pasp ? { num: meta.entry.pasp.h, den: meta.entry.pasp.v } : facts.sampleAspectRatio;
  const rotation = rotationFromMatrix(meta.matrix);
  const shownWidth = sar && sar.den > 0 ? Math.round((width * sar.num) / sar.den) : width;
  const [displayWidth, displayHeight] = rotation % 180 === 90 ? [height, shownWidth] : [shownWidth, height];
  const mediaSeconds = timescale > 0 ? stats.mediaDuration / timescale : 0;
  const frameRate = mediaSeconds > 0 && stats.sampleCount > 0 ? stats.sampleCount / mediaSeconds : null;
  const variable = stats.maxDelta > 0 && (stats.maxDelta - stats.minDelta) / stats.maxDelta > 0.01;
  const toSeconds = (t: number | null) => (t === null || timescale <= 0 ? null : t / timescale);
  return {
    ...common,
    kind: 'video',
    codec,
    profile: facts.profile,
    level: facts.level,
    width,
    height,
    displayWidth,
    displayHeight,
    sampleAspectRatio: sar,
    rotation,
    frameRate,
    frameRateMode: frameRate === null ? null : variable ? 'variable' : 'constant',
    minFrameRate: stats.maxDelta > 0 ? timescale / stats.maxDelta : null,
    maxFrameRate: stats.minDelta > 0 ? timescale / stats.minDelta : null,
    chromaSubsampling: facts.chromaSubsampling,
    bitDepth: facts.bitDepth,
    interlaced: facts.interlaced,
    colour: facts.colour,
    keyframes: stats.sampleCount > 0
      ? {
          count: gop.keyframeCount,
          maxIntervalSeconds: toSeconds(gop.maxKeyframeGap),
          averageIntervalSeconds: toSeconds(gop.averageKeyframeGap),
          openGopCount: gop.openGopCount,
          allIntra: gop.allIntra,
        }
      : null,
  };
}
