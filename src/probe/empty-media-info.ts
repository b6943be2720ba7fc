import type { SniffResult } from '../sniff/sniff-container.js';
import { formatDescriptions } from '../sniff/container-format-descriptions.js';
import type { ContainerInfo, MediaInfo, MediaKind, Unreadable } from './media-info.js';

/** What the sniffer says about a file before anything else is read; the default for unknown input. */
const UNKNOWN: SniffResult = { format: 'unknown', ...formatDescriptions.unknown };

/**
 * A MediaInfo with nothing learnt yet beyond the sniff: the probe fills it in, and callers that
 * fail before probing (a worker that ran out of time or memory) return it with `unreadable` set.
 */
export function emptyMediaInfo(size: number, sniff: SniffResult = UNKNOWN, unreadable: Unreadable | null = null): MediaInfo {
  const container: ContainerInfo = {
    format: sniff.format,
    formatName: sniff.formatName,
    mimeType: sniff.mimeType,
    brands: sniff.isobmff ? { major: sniff.isobmff.majorBrand, minorVersion: sniff.isobmff.minorVersion, compatible: sniff.isobmff.compatibleBrands } : null,
    faststart: null,
    fragmented: false,
    moov: null,
    layout: [],
  };
  return {
    kind: sniffKind(sniff),
    sizeBytes: size,
    durationSeconds: null,
    bitrateBitsPerSecond: null,
    container,
    video: null,
    audio: null,
    tracks: [],
    image: null,
    notes: [],
    unreadable,
    io: { bytesRead: 0, reads: 0 },
  };
}

function sniffKind(sniff: SniffResult): MediaKind {
  return sniff.kind === 'video' || sniff.kind === 'audio' || sniff.kind === 'image' ? sniff.kind : 'other';
}
