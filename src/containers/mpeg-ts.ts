import type { MediaSource } from '../sources/source.js';
import { sniffTsPacketLayout, type TsPacketLayout } from '../sniff/sniff-mpeg-ts.js';
import { u16be, u8 } from '../util/bytes.js';
import { BoundedReader, READ_LIMIT_EXCEEDED } from './bounded-reader.js';
import { containerFailure, MAX_CONTAINER_TRACKS, type ContainerFacts, type ContainerTrackFacts } from './container-facts.js';
import { MAX_PSI_SECTION_LENGTH, psiSectionCrcOk } from './mpeg-psi-section.js';
import { codecFromPesStart } from './mpeg-ts-payload-codec.js';
import { findRegistration, tsStreamCodec } from './mpeg-ts-stream-types.js';

/**
 * Bytes scanned for the PAT, the PMT and the first PES of streams the PMT leaves vague; muxers
 * repeat the tables every 100 ms or so, so they come early.
 */
export const MAX_TS_SCAN_BYTES = 2 * 1024 * 1024;
/** Size of each read past the head while scanning. */
const TS_SCAN_CHUNK = 64 * 1024;
/** Times we look for the sync byte again after losing it, before giving up. */
export const MAX_TS_RESYNCS = 16;

/** Enough bytes for three M2TS packets, which is what the layout check looks at. */
const LAYOUT_PROBE_BYTES = 3 * 192 + 4;
const PAT_PID = 0x0000;
const TABLE_PAT = 0x00;
const TABLE_PMT = 0x02;
const SYNC = 0x47;

interface SectionBuffer {
  bytes: number[];
}

interface ScanState {
  pmtPid: number | null;
  /** Elementary PIDs whose codec the PMT left vague → index in `tracks`, refined from their first PES. */
  vague: Map<number, number>;
  programCount: number;
  sections: Map<number, SectionBuffer>;
  tracks: ContainerTrackFacts[] | null;
  notes: string[];
  crcFailures: number;
}

/**
 * Names the streams of an MPEG transport stream from its PAT and PMT (first program only),
 * refining private and MPEG-audio streams from the first bytes of their first PES packet.
 * Duration and picture size live in the elementary streams and are not read here.
 * Never throws on bad bytes; rejects only when the source does.
 */
export async function probeMpegTs(source: MediaSource, head: Uint8Array, signal?: AbortSignal): Promise<ContainerFacts> {
  const reader = new BoundedReader(source, head, signal);
  const start = await reader.read(0, LAYOUT_PROBE_BYTES);
  if (start === READ_LIMIT_EXCEEDED) return containerFailure('limit-exceeded', 'Reading the first packets needed too much I/O.', 0);
  const layout = sniffTsPacketLayout(start, reader.size);
  if (!layout) return containerFailure('corrupt', 'No MPEG-TS sync bytes at the start of the file.', 0);
  const state: ScanState = { pmtPid: null, vague: new Map(), programCount: 0, sections: new Map(), tracks: null, notes: [], crcFailures: 0 };

  const scanEnd = Math.min(reader.size, MAX_TS_SCAN_BYTES);
  let packetStart = layout.firstSync - (layout.packetSize - 188);
  let resyncs = 0;
  let window: { offset: number; bytes: Uint8Array } = { offset: 0, bytes: head.length >= start.length ? head : start };

  while ((state.tracks === null || state.vague.size > 0) && packetStart + layout.packetSize <= scanEnd) {
    const syncAt = packetStart + (layout.packetSize - 188);
    if (syncAt + 188 > window.offset + window.bytes.length) {
      const next = await reader.read(packetStart, TS_SCAN_CHUNK);
      if (next === READ_LIMIT_EXCEEDED) {
        if (state.tracks !== null) break; // only the refinement of vague streams is cut short
        return containerFailure('limit-exceeded', 'Finding the PMT needed more I/O than allowed.', packetStart);
      }
      if (next.length < layout.packetSize) break;
      window = { offset: packetStart, bytes: next };
    }
    const o = syncAt - window.offset;
    if (u8(window.bytes, o) !== SYNC) {
      const found = resync(window.bytes, o, layout);
      if (found === null || ++resyncs > MAX_TS_RESYNCS) {
        state.notes.push(`Lost packet sync at byte ${syncAt}.`);
        break;
      }
      packetStart = window.offset + found - (layout.packetSize - 188);
      continue;
    }
    readPacket(window.bytes, o, state);
    packetStart += layout.packetSize;
  }

  if (state.tracks === null) {
    const where = state.pmtPid === null ? 'PAT' : 'PMT';
    if (state.crcFailures > 0) return containerFailure('corrupt', `The ${where} failed its CRC check.`, null);
    if (scanEnd === reader.size) {
      // A section begun but not finished means the file was cut; none at all means it never had one.
      return state.sections.size > 0
        ? containerFailure('truncated', `The file ends inside the ${where}.`, reader.size)
        : containerFailure('corrupt', `The file has no complete ${where}.`, null);
    }
    return containerFailure('limit-exceeded', `No ${where} in the first ${MAX_TS_SCAN_BYTES} bytes.`, scanEnd);
  }
  if (state.programCount > 1) state.notes.push(`${state.programCount} programs; only the first is described.`);
  return { durationSeconds: null, tracks: state.tracks, notes: state.notes };
}

/** Finds the next offset (within one packet) where three sync bytes line up at the packet pitch. */
function resync(b: Uint8Array, from: number, layout: TsPacketLayout): number | null {
  for (let o = from + 1; o < from + layout.packetSize && o + 2 * layout.packetSize < b.length; o++) {
    if (b[o] === SYNC && b[o + layout.packetSize] === SYNC && b[o + 2 * layout.packetSize] === SYNC) return o;
  }
  return null;
}

/** Feeds the payload of one 188-byte packet at `o` to the section assembler of its PID. */
function readPacket(b: Uint8Array, o: number, state: ScanState): void {
  const b1 = u8(b, o + 1)!;
  const b3 = u8(b, o + 3)!;
  if (b1 & 0x80) return; // transport_error_indicator: the packet is known damaged
  const pid = ((b1 & 0x1f) << 8) | u8(b, o + 2)!;
  const vagueTrack = state.vague.get(pid);
  if (pid !== PAT_PID && pid !== state.pmtPid && vagueTrack === undefined) return;
  const unitStart = (b1 & 0x40) !== 0;
  const adaptation = (b3 >> 4) & 3;
  if ((adaptation & 1) === 0) return; // no payload
  let p = o + 4;
  if (adaptation & 2) p += 1 + u8(b, p)!;
  const end = o + 188;
  if (p >= end) return;

  if (vagueTrack !== undefined) {
    if (!unitStart) return;
    state.vague.delete(pid);
    const found = codecFromPesStart(b, p, end);
    const track = state.tracks?.[vagueTrack];
    if (found && track) {
      track.kind = found.kind;
      track.codec = found.codec;
    }
    return;
  }

  let buffer = state.sections.get(pid);
  if (unitStart) {
    const pointer = u8(b, p)!;
    p += 1 + pointer;
    if (p >= end) return;
    buffer = { bytes: [] };
    state.sections.set(pid, buffer);
  } else if (!buffer) {
    return; // the middle of a section whose start we did not see
  }
  for (let i = p; i < end && buffer.bytes.length < 3 + MAX_PSI_SECTION_LENGTH; i++) buffer.bytes.push(b[i]!);
  if (buffer.bytes.length < 3) return;
  const sectionLength = ((buffer.bytes[1]! & 0x0f) << 8) | buffer.bytes[2]!;
  if (sectionLength > MAX_PSI_SECTION_LENGTH || sectionLength < 9) {
    state.sections.delete(pid);
    return;
  }
  if (buffer.bytes.length < 3 + sectionLength) return;
  state.sections.delete(pid);
  const section = Uint8Array.from(buffer.bytes.slice(0, 3 + sectionLength));
  if (!psiSectionCrcOk(section)) {
    state.crcFailures++;
    return;
  }
  // Tables repeat through the stream; the first complete copy is the one described.
  if (pid === PAT_PID && section[0] === TABLE_PAT && state.pmtPid === null) readPat(section, state);
  else if (pid === state.pmtPid && section[0] === TABLE_PMT && state.tracks === null) readPmt(section, state);
}

function readPat(s: Uint8Array, state: ScanState): void {
  const end = s.length - 4; // CRC_32
  let programs = 0;
  let first: number | null = null;
  for (let o = 8; o + 4 <= end; o += 4) {
    const programNumber = u16be(s, o)!;
    if (programNumber === 0) continue; // the network information table, not a program
    programs++;
    first ??= u16be(s, o + 2)! & 0x1fff;
  }
  state.programCount = programs;
  state.pmtPid = first;
}

function readPmt(s: Uint8Array, state: ScanState): void {
  const end = s.length - 4;
  const programInfoLength = u16be(s, 10)! & 0x0fff;
  const programRegistration = findRegistration(s, 12, Math.min(end, 12 + programInfoLength));
  const tracks: ContainerTrackFacts[] = [];
  let o = 12 + programInfoLength;
  while (o + 5 <= end && tracks.length < MAX_CONTAINER_TRACKS) {
    const streamType = s[o]!;
    const esInfoLength = u16be(s, o + 3)! & 0x0fff;
    const descriptors = { b: s, start: o + 5, end: Math.min(end, o + 5 + esInfoLength) };
    const { kind, codec } = tsStreamCodec(streamType, descriptors, programRegistration);
    const pid = u16be(s, o + 1)! & 0x1fff;
    if (codec === 'unknown' || streamType === 0x03 || streamType === 0x04) state.vague.set(pid, tracks.length);
    tracks.push({ kind, codec, codecId: `0x${streamType.toString(16).padStart(2, '0')}` });
    o += 5 + esInfoLength;
  }
  state.tracks = tracks;
}
