import { describe, expect, it } from 'vitest';
import { isContainerFactsFailure } from '../../src/containers/container-facts.js';
import { MatroskaId as Id } from '../../src/containers/matroska-ids.js';
import { probeMatroska } from '../../src/containers/matroska.js';
import { concatBytes, element, splitMatroska, uint8Bytes, unknownSizeElement, idBytes, type RawElement } from './ebml-writer-for-tests.js';
import { ENCODER_SETTINGS_DURATION_TOLERANCE, expectedFor } from './expected-streams-for-tests.js';
import { loadContainerFixture } from './fixture-files-for-tests.js';
import { expectTracksMatch, found, probeContainerBytes } from './container-test-helpers.js';

const matroskaFixtures = ['vp9-opus.webm', 'vp8-vorbis.webm', 'av1-opus.webm', 'h264-aac.mkv', 'hevc-aac.mkv', 'vp9-opus-live.webm'];

const probeBytes = (bytes: Uint8Array, headLength?: number) => probeContainerBytes(probeMatroska, bytes, headLength);

describe('probeMatroska on real encoder output', () => {
  for (const name of matroskaFixtures) {
    it(`${name}: codecs, sizes, rates and duration match ${expectedFor(name).source}`, async () => {
      const expected = expectedFor(name);
      const facts = found((await probeBytes(loadContainerFixture(name))).facts);
      expectTracksMatch(facts, expected);
      if (expected.durationSeconds === null) expect(facts.durationSeconds).toBeNull();
      else {
        const tolerance = expected.source === 'ffprobe' ? 0.0005 : ENCODER_SETTINGS_DURATION_TOLERANCE;
        expect(Math.abs(facts.durationSeconds! - expected.durationSeconds)).toBeLessThanOrEqual(tolerance);
      }
    });
  }

  it('keeps the Matroska CodecID alongside the normalised name', async () => {
    const facts = found((await probeBytes(loadContainerFixture('h264-aac.mkv'))).facts);
    expect(facts.tracks.map((t) => t.codecId)).toEqual(['V_MPEG4/ISO/AVC', 'A_AAC']);
  });

  it('notes the unknown-size Segment of a live WebM', async () => {
    const facts = found((await probeBytes(loadContainerFixture('vp9-opus-live.webm'))).facts);
    expect(facts.notes.join(' ')).toMatch(/unknown size/);
  });

  it('reads what lies past a short head from the source, in a few reads', async () => {
    for (const name of matroskaFixtures) {
      const bytes = loadContainerFixture(name);
      const full = found((await probeBytes(bytes)).facts);
      const { facts, source } = await probeBytes(bytes, 48);
      expect(found(facts)).toEqual(full);
      expect(source.reads).toBeGreaterThan(0);
      expect(source.reads).toBeLessThanOrEqual(4);
    }
  });
});

/** Rebuilds a real WebM as [SeekHead?, Info, Cluster of unknown size holding the real clusters, Tracks]. */
function tracksAfterUnknownSizeCluster(withSeekHead: boolean, seekEntries?: (pos: { info: number; tracks: number }) => Array<[number, number]>) {
  const file = loadContainerFixture('vp9-opus.webm');
  const { ebmlHeader, segmentChildren } = splitMatroska(file);
  const pick = (id: number): RawElement[] => segmentChildren.filter((e) => e.id === id);
  const info = pick(Id.Info)[0]!.bytes;
  const tracks = pick(Id.Tracks)[0]!.bytes;
  const clusterChildren = concatBytes(...pick(Id.Cluster).map((c) => c.payload));
  const cluster = unknownSizeElement(Id.Cluster, clusterChildren);

  const seekHead = (entries: Array<[number, number]>) =>
    element(Id.SeekHead, ...entries.map(([id, pos]) => element(Id.Seek, element(Id.SeekID, idBytes(id)), element(Id.SeekPosition, uint8Bytes(pos)))));
  const entriesFor = seekEntries ?? ((p) => [[Id.Info, p.info], [Id.Tracks, p.tracks]]);
  // Entry sizes do not depend on positions (8-byte sizes and values), so measure with zeros first.
  const headLength = withSeekHead ? seekHead(entriesFor({ info: 0, tracks: 0 })).length : 0;
  const positions = { info: headLength, tracks: headLength + info.length + cluster.length };
  const children = concatBytes(withSeekHead ? seekHead(entriesFor(positions)) : new Uint8Array(0), info, cluster, tracks);
  return concatBytes(ebmlHeader, unknownSizeElement(Id.Segment, children));
}

describe('probeMatroska follows the SeekHead', () => {
  it('finds Tracks behind a Cluster of unknown size through the SeekHead', async () => {
    const expected = found((await probeBytes(loadContainerFixture('vp9-opus.webm'))).facts);
    const rebuilt = tracksAfterUnknownSizeCluster(true);
    const facts = found((await probeBytes(rebuilt, 256)).facts);
    expect(facts.tracks).toEqual(expected.tracks);
    expect(facts.durationSeconds).toBe(expected.durationSeconds);
  });

  it('fails honestly when there is no SeekHead to get past the Cluster', async () => {
    const { facts } = await probeBytes(tracksAfterUnknownSizeCluster(false));
    expect(isContainerFactsFailure(facts) && facts.failure.reason).toBe('corrupt');
  });

  it('ends when a SeekHead points at itself', async () => {
    const rebuilt = tracksAfterUnknownSizeCluster(true, () => [
      [Id.SeekHead, 0],
      [Id.Tracks, 0],
      [Id.Info, 0],
    ]);
    const started = performance.now();
    const { facts, source } = await probeBytes(rebuilt, 512);
    expect(isContainerFactsFailure(facts)).toBe(true);
    expect(source.reads).toBeLessThanOrEqual(4);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('ends when two SeekHeads point at each other', async () => {
    const file = loadContainerFixture('vp9-opus.webm');
    const { ebmlHeader, segmentChildren } = splitMatroska(file);
    const seekTo = (pos: number) => element(Id.SeekHead, element(Id.Seek, element(Id.SeekID, idBytes(Id.SeekHead)), element(Id.SeekPosition, uint8Bytes(pos))));
    const clusters = concatBytes(...segmentChildren.filter((e) => e.id === Id.Cluster).map((c) => c.payload));
    const cluster = unknownSizeElement(Id.Cluster, clusters);
    const headLength = seekTo(0).length;
    // The first SeekHead points past the Cluster at a second one, which points back at the first.
    const children = concatBytes(seekTo(headLength + cluster.length), cluster, seekTo(0));
    const { facts, source } = await probeBytes(concatBytes(ebmlHeader, unknownSizeElement(Id.Segment, children)), 256);
    expect(isContainerFactsFailure(facts)).toBe(true);
    expect(source.reads).toBeLessThanOrEqual(4);
  });
});
