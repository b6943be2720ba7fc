import type { MediaSource } from '../sources/source.js';
import { ascii, fourcc, u16le, u32le } from '../util/bytes.js';
import { BoundedReader, READ_LIMIT_EXCEEDED } from './bounded-reader.js';
import {
  containerFailure,
  MAX_CONTAINER_TRACKS,
  type ContainerFacts,
  type ContainerTrackFacts,
} from './container-facts.js';
import { aviAudioCodecName, aviVideoCodecName, WAVE_FORMAT_EXTENSIBLE } from './riff-codec-names.js';
import { walkRiffChunks, type RiffWalkEnd } from './riff-chunks.js';

/** Chunks (JUNK padding, mostly) tolerated before the hdrl list. */
export const MAX_AVI_CHUNKS_BEFORE_HDRL = 16;
/** Largest hdrl list we read; real ones are a few KB (plus reserved OpenDML index space). */
export const MAX_AVI_HDRL_BYTES = 1024 * 1024;

const RIFF_HEADER = 12;

interface AviStream {
  track: ContainerTrackFacts;
  /** Stream length in its own time units (dwLength × dwScale / dwRate seconds). */
  durationSeconds: number | null;
}

/**
 * Reads the AVI header list (hdrl): the main header (avih) and each stream's header and format
 * (strl → strh + strf). Never throws on bad bytes; rejects only when the source does.
 */
export async function probeAvi(source: MediaSource, head: Uint8Array, signal?: AbortSignal): Promise<ContainerFacts> {
  const reader = new BoundedReader(source, head, signal);
  const riff = await reader.read(0, RIFF_HEADER);
  if (riff === READ_LIMIT_EXCEEDED) return containerFailure('limit-exceeded', 'Reading the RIFF header needed too much I/O.', 0);
  if (riff.length < RIFF_HEADER) return containerFailure('truncated', 'The file is shorter than a RIFF header.', riff.length);
  const form = fourcc(riff, 8);
  if (ascii(riff, 0, 4) !== 'RIFF' || (form !== 'AVI ' && form !== 'AVIX')) {
    return containerFailure('corrupt', 'The file does not start with a RIFF AVI header.', 0);
  }
  const notes: string[] = [];
  // The RIFF size counts everything after the 8-byte chunk header.
  const riffEnd = 8 + u32le(riff, 4)!;
  if (riffEnd > reader.size) {
    notes.push(`The RIFF header declares ${riffEnd} bytes but the file has ${reader.size}: the file is truncated.`);
  }

  // Find LIST hdrl: normally the first chunk, sometimes after JUNK.
  let o = RIFF_HEADER;
  for (let i = 0; i < MAX_AVI_CHUNKS_BEFORE_HDRL; i++) {
    const header = await reader.read(o, 12);
    if (header === READ_LIMIT_EXCEEDED) return containerFailure('limit-exceeded', 'Finding the AVI header list needed too much I/O.', o);
    if (header.length < 12) return containerFailure('truncated', `The file ends before the AVI header list (byte ${o}).`, o);
    const id = fourcc(header, 0)!;
    const size = u32le(header, 4)!;
    if (id === 'LIST' && fourcc(header, 8) === 'hdrl') {
      if (size < 4) return containerFailure('corrupt', 'The AVI header list is empty.', o);
      return parseHdrl(reader, o + 12, size - 4, notes);
    }
    if (!/^[\x20-\x7e]{4}$/.test(id)) return containerFailure('corrupt', `A chunk at byte ${o} has a non-text id.`, o);
    o += 8 + size + (size & 1);
  }
  return containerFailure('corrupt', 'No AVI header list (hdrl) near the start of the file.', RIFF_HEADER);
}

async function parseHdrl(reader: BoundedReader, start: number, size: number, notes: string[]): Promise<ContainerFacts> {
  if (size > MAX_AVI_HDRL_BYTES) {
    return containerFailure('limit-exceeded', `The AVI header list declares ${size} bytes, more than the probe reads.`, start);
  }
  const body = await reader.read(start, size);
  if (body === READ_LIMIT_EXCEEDED) return containerFailure('limit-exceeded', 'Reading the AVI header list needed too much I/O.', start);

  let microSecPerFrame: number | undefined;
  let totalFrames: number | undefined;
  let odmlTotalFrames: number | undefined;
  const streams: AviStream[] = [];
  let problem: RiffWalkEnd | null = null;

  const walk = walkRiffChunks(body, 0, size, (chunk) => {
    if (chunk.id === 'avih') {
      microSecPerFrame = u32le(body, chunk.dataStart);
      totalFrames = u32le(body, chunk.dataStart + 16);
    } else if (chunk.id === 'LIST' && chunk.listType === 'strl') {
      if (streams.length >= MAX_CONTAINER_TRACKS) return;
      const parsed = parseStrl(body, chunk.dataStart, chunk.dataStart + chunk.size);
      if (parsed.walk.end !== 'done') problem ??= parsed.walk;
      if (parsed.stream) streams.push(parsed.stream);
    } else if (chunk.id === 'LIST' && chunk.listType === 'odml') {
      walkRiffChunks(body, chunk.dataStart, chunk.dataStart + chunk.size, (c) => {
        if (c.id === 'dmlh') odmlTotalFrames = u32le(body, c.dataStart);
      });
    }
  });
  const firstProblem: RiffWalkEnd = walk.end !== 'done' ? walk : (problem ?? walk);
  if (firstProblem.end !== 'done') {
    const offset = start + firstProblem.offset;
    if (firstProblem.end === 'short') {
      return containerFailure('truncated', `The file ends inside the AVI header list (byte ${offset}).`, offset);
    }
    if (streams.length === 0) {
      const reason = firstProblem.end === 'limit' ? 'limit-exceeded' : 'corrupt';
      return containerFailure(reason, `The AVI header list is damaged at byte ${offset}.`, offset);
    }
    notes.push(`The AVI header list is damaged at byte ${offset}; later streams may be missing.`);
  }
  if (microSecPerFrame === undefined) notes.push('The AVI main header (avih) is missing.');

  // The main header's frame count is per RIFF segment; OpenDML's dmlh counts the whole file.
  const frames = odmlTotalFrames ?? totalFrames;
  const fromMainHeader = frames && microSecPerFrame ? (frames * microSecPerFrame) / 1e6 : null;
  const streamDurations = streams.map((s) => s.durationSeconds).filter((d): d is number => d !== null);
  const durationSeconds = streamDurations.length > 0 ? Math.max(...streamDurations) : fromMainHeader;

  for (const s of streams) {
    if (s.track.kind === 'video' && s.track.frameRate === undefined && microSecPerFrame) {
      s.track.frameRate = roundRate(1e6 / microSecPerFrame);
    }
  }
  return { durationSeconds, tracks: streams.map((s) => s.track), notes };
}

interface StreamHeader {
  type: string;
  handler: string;
  scale: number;
  rate: number;
  length: number;
}

function parseStrl(b: Uint8Array, start: number, end: number): { stream: AviStream | null; walk: RiffWalkEnd } {
  const found: { header?: StreamHeader; format?: { start: number; size: number } } = {};
  const walk = walkRiffChunks(b, start, end, (c) => {
    if (c.id === 'strh' && c.size >= 36) {
      found.header = {
        type: fourcc(b, c.dataStart)!,
        handler: fourcc(b, c.dataStart + 4)!,
        scale: u32le(b, c.dataStart + 20)!,
        rate: u32le(b, c.dataStart + 24)!,
        length: u32le(b, c.dataStart + 32)!,
      };
    } else if (c.id === 'strf') {
      found.format = { start: c.dataStart, size: c.size };
    }
  });
  const { header, format } = found;
  if (!header) return { stream: null, walk };
  const durationSeconds = header.rate > 0 && header.scale > 0 ? (header.length * header.scale) / header.rate : null;

  if (header.type === 'vids') {
    // BITMAPINFOHEADER: biWidth and biHeight are signed (negative height means top-down rows).
    const compression = format && format.size >= 20 ? fourcc(b, format.start + 16)! : header.handler;
    const codecId = compression === '\0\0\0\0' ? compression : compression.replace(/\0/g, ' ');
    const track: ContainerTrackFacts = { kind: 'video', codec: aviVideoCodecName(compression), codecId };
    if (track.codec === 'unknown') track.codec = aviVideoCodecName(header.handler);
    if (format && format.size >= 12) {
      const width = Math.abs(i32le(b, format.start + 4));
      const height = Math.abs(i32le(b, format.start + 8));
      if (width > 0) track.width = width;
      if (height > 0) track.height = height;
    }
    if (header.rate > 0 && header.scale > 0) track.frameRate = roundRate(header.rate / header.scale);
    return { stream: { track, durationSeconds }, walk };
  }
  if (header.type === 'auds') {
    let tag = format && format.size >= 2 ? u16le(b, format.start)! : 0;
    if (tag === WAVE_FORMAT_EXTENSIBLE && format && format.size >= 26) tag = u16le(b, format.start + 24)!;
    const track: ContainerTrackFacts = { kind: 'audio', codec: aviAudioCodecName(tag), codecId: `0x${tag.toString(16).padStart(4, '0')}` };
    if (format && format.size >= 8) {
      const channels = u16le(b, format.start + 2)!;
      const sampleRate = u32le(b, format.start + 4)!;
      if (channels > 0) track.channels = channels;
      if (sampleRate > 0) track.sampleRate = sampleRate;
    }
    return { stream: { track, durationSeconds }, walk };
  }
  // txts (subtitles), mids (MIDI), iavs (DV): named by their stream type.
  return { stream: { track: { kind: 'other', codec: 'unknown', codecId: header.type }, durationSeconds: null }, walk };
}

function i32le(b: Uint8Array, o: number): number {
  const v = u32le(b, o);
  return v === undefined ? 0 : v | 0;
}

function roundRate(rate: number): number {
  return Math.round(rate * 1000) / 1000;
}
