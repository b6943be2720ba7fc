import { openSource, type OpenSourceOptions, type ProbeInput } from '../sources/open-source.js';
import { CountingSource } from '../sources/counting-source.js';
import { sniffContainer } from '../sniff/sniff-container.js';
import { ReadCache } from '../isobmff/read-cache.js';
import { isobmffLimits } from '../isobmff/limits.js';
import { probeIsobmff } from '../isobmff/probe-isobmff.js';
import { probeImage } from '../images/probe-image.js';
import { probeOtherContainer } from './probe-other-container.js';
import type { MediaInfo, Track } from './media-info.js';
import { emptyMediaInfo } from './empty-media-info.js';

/** Options for {@link probe}. */
export type ProbeOptions = OpenSourceOptions & {
  /** Aborts reads and parsing; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
};

const ISOBMFF_MEDIA = new Set(['mp4', 'mov', 'm4a', '3gp']);
const IMAGE_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'heif', 'avif', 'bmp', 'tiff']);

/**
 * Reads the facts platforms judge from a File/Blob, bytes, a Node file path or an http(s) URL,
 * touching only the bytes it needs (head, moov, fragment headers). Damaged or unknown files give a
 * result with `unreadable` set, never an exception; I/O failures and aborts reject.
 *
 * @example
 * const info = await probe(file);
 * info.video?.codec; // 'h264'
 * info.io.bytesRead; // 65536
 */
export async function probe(input: ProbeInput, options: ProbeOptions = {}): Promise<MediaInfo> {
  const source = new CountingSource(await openSource(input, options));
  try {
    return await probeSource(source, options.signal);
  } finally {
    if (input !== (source as unknown)) await source.close();
  }
}

/** Probes an already-open source; the caller closes it. */
export async function probeSource(source: CountingSource, signal?: AbortSignal): Promise<MediaInfo> {
  const size = source.size;
  const head = await source.read(0, isobmffLimits.headBytes, signal);
  const sniff = sniffContainer(head, size);
  const base = emptyMediaInfo(size, sniff);
  if (size === 0) {
    return finish(base, source, { unreadable: { reason: 'empty', message: 'the file is empty (0 bytes)', offset: 0 } });
  }
  if (ISOBMFF_MEDIA.has(sniff.format)) {
    const cache = new ReadCache(source, signal);
    cache.remember(0, head);
    const r = await probeIsobmff(cache);
    const info: MediaInfo = {
      ...base,
      container: { ...base.container, ...r.container },
      tracks: r.tracks,
      durationSeconds: r.durationSeconds,
      notes: r.notes,
      unreadable: r.unreadable,
    };
    return finish(info, source, {});
  }
  if (IMAGE_FORMATS.has(sniff.format)) {
    const r = await probeImage(source, sniff.format as NonNullable<MediaInfo['image']>['format'], head, signal);
    if ('reason' in r) {
      return finish(base, source, { unreadable: { reason: r.reason === 'corrupt' ? 'corrupt-box' : r.reason, message: r.message, offset: r.offset } });
    }
    return finish({ ...base, image: r }, source, {});
  }
  const other = await probeOtherContainer(source, sniff, head, signal);
  const unreadable = sniff.format === 'unknown' && !other.unreadable
    ? { reason: 'unsupported' as const, message: 'the bytes are not a media format this tool recognises', offset: null }
    : other.unreadable;
  return finish({ ...base, ...other, unreadable }, source, {});
}

/** Picks the primary tracks, the kind and the overall bitrate, and stamps the I/O counts. */
function finish(info: MediaInfo, source: CountingSource, patch: Partial<MediaInfo>): MediaInfo {
  const merged = { ...info, ...patch };
  const video = pickVideo(merged.tracks);
  const audio = merged.tracks.find((t) => t.kind === 'audio') ?? null;
  let kind = merged.kind;
  if (merged.tracks.length > 0) kind = video ? 'video' : audio ? 'audio' : 'other';
  if (merged.image) kind = 'image';
  const duration = merged.durationSeconds;
  return {
    ...merged,
    kind,
    video,
    audio: audio?.kind === 'audio' ? audio : null,
    bitrateBitsPerSecond: duration && duration > 0 ? (merged.sizeBytes * 8) / duration : null,
    io: source.stats(),
  };
}

/** The main picture: the first video track with samples, else the first video track. */
function pickVideo(tracks: Track[]): MediaInfo['video'] {
  const videos = tracks.filter((t): t is Extract<Track, { kind: 'video' }> => t.kind === 'video');
  return videos.find((t) => (t.sampleCount ?? 0) > 0) ?? videos[0] ?? null;
}
