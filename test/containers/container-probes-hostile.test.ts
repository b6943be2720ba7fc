import { describe, expect, it } from 'vitest';
import { probeAvi } from '../../src/containers/avi.js';
import { isContainerFactsFailure, type ContainerFacts } from '../../src/containers/container-facts.js';
import { MatroskaId as Id } from '../../src/containers/matroska-ids.js';
import { probeMatroska } from '../../src/containers/matroska.js';
import { probeMpegTs } from '../../src/containers/mpeg-ts.js';
import type { MediaSource } from '../../src/sources/source.js';
import { sniffContainer } from '../../src/sniff/sniff-container.js';
import { BytesSourceForTests, headOf } from './bytes-source-for-tests.js';
import { concatBytes, element, idBytes, size8, splitMatroska, unknownSizeElement } from './ebml-writer-for-tests.js';
import { loadContainerFixture } from './fixture-files-for-tests.js';

type Probe = (source: MediaSource, head: Uint8Array, signal?: AbortSignal) => Promise<ContainerFacts>;
const probes: Record<string, Probe> = { matroska: probeMatroska, avi: probeAvi, mpegts: probeMpegTs };

async function run(probe: Probe, bytes: Uint8Array, headLength = 64 * 1024): Promise<ContainerFacts> {
  return probe(new BytesSourceForTests(bytes), headOf(bytes, headLength));
}

/** A result is either facts with an array of tracks, or a failure with a known reason. */
function expectWellFormed(facts: ContainerFacts): void {
  if (isContainerFactsFailure(facts)) {
    expect(['truncated', 'corrupt', 'limit-exceeded']).toContain(facts.failure.reason);
    expect(typeof facts.failure.message).toBe('string');
  } else {
    expect(Array.isArray(facts.tracks)).toBe(true);
    expect(Array.isArray(facts.notes)).toBe(true);
  }
}

/** xorshift32: the same "random" bytes on every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>>= 0);
  };
}

describe('container probes on empty and random input', () => {
  for (const [name, probe] of Object.entries(probes)) {
    it(`${name}: empty input is a failure, not an exception`, async () => {
      const facts = await run(probe, new Uint8Array(0));
      expect(isContainerFactsFailure(facts)).toBe(true);
    });

    it(`${name}: thousands of random inputs, some behind a real header, never throw`, async () => {
      const next = prng(0x9e3779b9 ^ name.length);
      const realHead = loadContainerFixture(name === 'matroska' ? 'vp9-opus.webm' : name === 'avi' ? 'h264-pcm.avi' : 'h264-aac.ts');
      const started = performance.now();
      for (let i = 0; i < 2000; i++) {
        const random = new Uint8Array(next() % 4096);
        for (let j = 0; j < random.length; j++) random[j] = next() & 0xff;
        // Every other input keeps a real prefix so the parsers get past their first checks.
        const keep = i % 2 === 0 ? 0 : next() % 600;
        const bytes = concatBytes(realHead.subarray(0, keep), random);
        if (name === 'mpegts') for (let o = 0; o < bytes.length; o += 188) if (next() % 8) bytes[o] = 0x47;
        expectWellFormed(await run(probe, bytes));
      }
      expect(performance.now() - started).toBeLessThan(10_000);
    });
  }
});

/** Offset where the Tracks element of a real Matroska file ends. */
function tracksEnd(file: Uint8Array): number {
  const { segmentChildren } = splitMatroska(file);
  const tracks = segmentChildren.find((e) => e.id === Id.Tracks)!;
  return tracks.offset + tracks.bytes.length;
}

/** Offset where the hdrl list of a real AVI ends. */
function hdrlEnd(file: Uint8Array): number {
  return 12 + 8 + new DataView(file.buffer, file.byteOffset).getUint32(16, true);
}

describe('every truncation of real files', () => {
  const cases: Array<[string, Probe, (f: Uint8Array) => number]> = [
    ['vp9-opus.webm', probeMatroska, tracksEnd],
    ['vp8-vorbis.webm', probeMatroska, tracksEnd],
    ['av1-opus.webm', probeMatroska, tracksEnd],
    ['h264-aac.mkv', probeMatroska, tracksEnd],
    ['hevc-aac.mkv', probeMatroska, tracksEnd],
    ['mpeg4-mp3.avi', probeAvi, hdrlEnd],
    ['h264-pcm.avi', probeAvi, hdrlEnd],
  ];
  for (const [name, probe, headerEnd] of cases) {
    it(`${name}: cut inside the header is 'truncated', cut after it gives the full file's tracks`, async () => {
      const file = loadContainerFixture(name);
      const full = await run(probe, file);
      if (isContainerFactsFailure(full)) throw new Error(full.failure.message);
      const end = headerEnd(file);
      const started = performance.now();
      for (let n = 0; n <= file.length; n++) {
        const facts = await run(probe, file.subarray(0, n));
        if (n < end) {
          expect([n, isContainerFactsFailure(facts) && facts.failure.reason]).toEqual([n, 'truncated']);
        } else {
          expect([n, isContainerFactsFailure(facts) ? facts.failure.message : facts.tracks]).toEqual([n, full.tracks]);
          if (!isContainerFactsFailure(facts) && n < file.length) expect(facts.notes.join(' ')).toMatch(/truncated/);
        }
      }
      expect(performance.now() - started).toBeLessThan(20_000);
    });
  }

  it('h264-aac.ts: every cut of the first 8 KiB is handled', async () => {
    const file = loadContainerFixture('h264-aac.ts');
    for (let n = 0; n <= 8192; n++) expectWellFormed(await run(probeMpegTs, file.subarray(0, n)));
  });
});

describe('hostile EBML', () => {
  const webm = loadContainerFixture('vp9-opus.webm');
  const { ebmlHeader, segmentChildren } = splitMatroska(webm);
  const child = (id: number) => segmentChildren.find((e) => e.id === id)!;

  it('an EBML header whose 8-byte size is 2^56-1 (unknown) is corrupt', async () => {
    const header = concatBytes(idBytes(Id.EBML), size8(null), ebmlHeader.subarray(5));
    const bytes = concatBytes(header, webm.subarray(ebmlHeader.length));
    const facts = await run(probeMatroska, bytes);
    expect(isContainerFactsFailure(facts) && facts.failure.reason).toBe('corrupt');
    expect(sniffContainer(bytes, bytes.length).format).not.toBe('webm');
  });

  it('a Tracks element with a size of 2^56-1 is corrupt, and 2^56-2 is over the cap', async () => {
    const tracks = child(Id.Tracks).payload;
    const unknown = concatBytes(ebmlHeader, unknownSizeElement(Id.Segment, child(Id.Info).bytes, unknownSizeElement(Id.Tracks, tracks)));
    const facts = await run(probeMatroska, unknown);
    expect(isContainerFactsFailure(facts) && facts.failure.reason).toBe('corrupt');

    const hugeSize = new Uint8Array([0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe]);
    const huge = concatBytes(ebmlHeader, unknownSizeElement(Id.Segment, child(Id.Info).bytes, idBytes(Id.Tracks), hugeSize, tracks));
    const source = new BytesSourceForTests(huge);
    const hugeFacts = await probeMatroska(source, headOf(huge, 64));
    expect(isContainerFactsFailure(hugeFacts) && hugeFacts.failure.reason).toBe('limit-exceeded');
    expect(source.bytesRead).toBeLessThan(64 * 1024);
  });

  it('a Cluster whose size is 2^56-2 is skipped without reading it', async () => {
    const hugeSize = new Uint8Array([0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe]);
    const bytes = concatBytes(
      ebmlHeader,
      unknownSizeElement(Id.Segment, idBytes(Id.Cluster), hugeSize, child(Id.Info).bytes, child(Id.Tracks).bytes),
    );
    const source = new BytesSourceForTests(bytes);
    const facts = await probeMatroska(source, headOf(bytes, 64));
    // Skipping it lands past the end of the file, so Info and Tracks are out of reach.
    expect(isContainerFactsFailure(facts) && facts.failure.reason).toBe('truncated');
    expect(source.bytesRead).toBeLessThan(8192);
  });

  it('1000 levels of nested master elements end fast', async () => {
    const cases: Array<[string, (inner: Uint8Array) => Uint8Array, Uint8Array]> = [
      ['TrackEntry in TrackEntry', (inner) => element(Id.TrackEntry, inner), new Uint8Array(0)],
      ['Video in Video', (inner) => element(Id.Video, inner), element(Id.PixelWidth, new Uint8Array([160]))],
      ['Segment in Segment', (inner) => unknownSizeElement(Id.Segment, inner), new Uint8Array(0)],
      ['Tracks in Tracks', (inner) => element(Id.Tracks, inner), child(Id.Tracks).bytes],
    ];
    for (const [label, wrap, core] of cases) {
      let nested: Uint8Array = core;
      for (let i = 0; i < 1000; i++) nested = wrap(nested);
      const body = label === 'Segment in Segment' ? nested : unknownSizeElement(Id.Segment, child(Id.Info).bytes, element(Id.Tracks, nested));
      const bytes = concatBytes(ebmlHeader, body);
      const started = performance.now();
      const facts = await run(probeMatroska, bytes);
      expectWellFormed(facts);
      expect([label, performance.now() - started < 500]).toEqual([label, true]);
      expect(sniffContainer(headOf(bytes), bytes.length).format).toBe('webm');
    }
    // And inside the EBML header itself: the sniffer walks it flat.
    let deep: Uint8Array = new Uint8Array(0);
    for (let i = 0; i < 1000; i++) deep = element(Id.EBML, deep);
    expect(sniffContainer(deep, deep.length).format).toBe('matroska');
  });

  it('stops at the top-level element cap on a file of countless tiny elements', async () => {
    const voids = new Uint8Array(4 * 20_000);
    for (let o = 0; o < voids.length; o += 4) voids.set([0xec, 0x82, 0, 0], o); // Void elements of 2 bytes
    const bytes = concatBytes(ebmlHeader, unknownSizeElement(Id.Segment, voids, child(Id.Tracks).bytes));
    const source = new BytesSourceForTests(bytes);
    const facts = await probeMatroska(source, headOf(bytes));
    expectWellFormed(facts);
    expect(source.reads).toBeLessThanOrEqual(32);
  });
});

describe('aborts', () => {
  for (const [name, probe] of Object.entries(probes)) {
    it(`${name}: an aborted signal rejects a read instead of being swallowed`, async () => {
      const file = loadContainerFixture(name === 'matroska' ? 'vp9-opus.webm' : name === 'avi' ? 'h264-pcm.avi' : 'h264-aac.ts');
      const controller = new AbortController();
      controller.abort();
      // A head too short to decide forces a read.
      await expect(probe(new BytesSourceForTests(file), headOf(file, 8), controller.signal)).rejects.toThrow();
    });
  }
});
