import { isBoxHeaderProblem, printable, readBoxHeader } from './box-header.js';
import { isobmffLimits } from './limits.js';
import type { ReadCache } from './read-cache.js';
import { readFragmentIndex, type FragmentIndex } from './fragment-index.js';
import type { BoxSummary } from '../probe/media-info.js';

export type TopLevelBox = BoxSummary & { headerSize: number };

export type TopLevelWalk = {
  boxes: TopLevelBox[];
  /** The moov's bytes (whole box, header included) when it is complete. */
  moov: { offset: number; bytes: Uint8Array } | null;
  /** moof boxes' bytes, in file order, when the file is fragmented (bounded by limits). */
  moofs: Array<{ offset: number; bytes: Uint8Array }>;
  /** The mfra index, when the walk used it to jump from the first fragment to the last ones. */
  fragmentIndex: FragmentIndex | null;
  /** Bytes of fragments jumped over thanks to the index (their moofs were not read). */
  skippedFragmentBytes: number;
  /** Structural damage that stops the walk: offset and message. */
  damage: { kind: 'corrupt-box' | 'truncated' | 'limit-exceeded'; offset: number; message: string } | null;
  notes: string[];
};

/**
 * Walks the top-level boxes header by header, reading only headers, the moov and moof boxes.
 * Box payloads (mdat) are skipped by offset, so a 10-minute file costs a few reads.
 */
export async function walkTopLevel(cache: ReadCache): Promise<TopLevelWalk> {
  const size = cache.size;
  const walk: TopLevelWalk = { boxes: [], moov: null, moofs: [], fragmentIndex: null, skippedFragmentBytes: 0, damage: null, notes: [] };
  let indexTried = false;
  let pos = 0;
  let fragmentBytes = 0;
  while (pos < size) {
    if (walk.boxes.length >= isobmffLimits.maxTopLevelBoxes) {
      walk.damage = { kind: 'limit-exceeded', offset: pos, message: `more than ${isobmffLimits.maxTopLevelBoxes} top-level boxes` };
      break;
    }
    const readAhead = walk.moov ? isobmffLimits.smallHopReadBytes : isobmffLimits.hopReadBytes;
    const head = await cache.get(pos, 16, readAhead);
    if (head.length < 8) {
      // A few stray bytes after the last box: harmless padding, but worth a note.
      walk.notes.push(`${head.length} trailing bytes after the last box at offset ${pos}`);
      break;
    }
    const h = readBoxHeader(head, 0, pos, size);
    if (isBoxHeaderProblem(h)) {
      walk.damage = { kind: h.problem === 'short' ? 'truncated' : 'corrupt-box', offset: pos, message: h.message };
      break;
    }
    const truncated = h.offset + h.size > size;
    walk.boxes.push({ type: printable(h.type), offset: h.offset, sizeBytes: h.size, truncated, headerSize: h.headerSize });
    if (h.type === 'moov' && !walk.moov) {
      if (truncated) {
        walk.damage = { kind: 'truncated', offset: h.offset, message: `moov box at offset ${h.offset} needs ${h.size} bytes but the file ends after ${size - h.offset}` };
        break;
      }
      if (h.size > isobmffLimits.maxMoovBytes) {
        walk.damage = { kind: 'limit-exceeded', offset: h.offset, message: `moov box of ${h.size} bytes is over the ${isobmffLimits.maxMoovBytes}-byte limit` };
        break;
      }
      // Read the moov plus the next box header in one go.
      const bytes = await cache.get(h.offset, h.size + 16);
      walk.moov = { offset: h.offset, bytes: bytes.subarray(0, h.size) };
    } else if (h.type === 'moof' && !truncated) {
      if (h.size > isobmffLimits.maxMoofBytes || fragmentBytes + h.size > isobmffLimits.maxFragmentBytes) {
        walk.notes.push(`fragment headers beyond offset ${h.offset} were not read (size limit)`);
      } else {
        fragmentBytes += h.size;
        const bytes = await cache.get(h.offset, h.size + 16, isobmffLimits.smallHopReadBytes);
        walk.moofs.push({ offset: h.offset, bytes: bytes.subarray(0, h.size) });
      }
    }
    if (truncated) {
      walk.damage = {
        kind: 'truncated',
        offset: h.offset,
        message: `box '${printable(h.type)}' at offset ${h.offset} needs ${h.size} bytes but the file ends after ${size - h.offset}`,
      };
      break;
    }
    pos = h.offset + h.size;
    if (h.type === 'moof' && !indexTried) {
      indexTried = true;
      pos = await jumpToLastFragments(cache, walk, pos);
    }
  }
  return walk;
}

/**
 * After the first fragment, jumps to the last random-access fragment the mfra index names, when
 * the file has one and a moof really starts there: a long fragmented file then costs a few reads,
 * not one per fragment. Returns where the walk goes on.
 */
async function jumpToLastFragments(cache: ReadCache, walk: TopLevelWalk, pos: number): Promise<number> {
  const index = await readFragmentIndex(cache);
  if (!index || index.lastMoofOffset <= pos || index.lastMoofOffset >= cache.size) return pos;
  const head = await cache.get(index.lastMoofOffset, 16, isobmffLimits.smallHopReadBytes);
  const h = readBoxHeader(head, 0, index.lastMoofOffset, cache.size);
  if (isBoxHeaderProblem(h) || h.type !== 'moof') return pos;
  walk.fragmentIndex = index;
  walk.skippedFragmentBytes = index.lastMoofOffset - pos;
  walk.notes.push(`used the mfra index to skip ${index.lastMoofOffset - pos} bytes of fragments; sample counts and sizes are estimated from the fragments read`);
  return index.lastMoofOffset;
}
