import { describe, expect, it } from 'vitest';
import { isContainerFactsFailure } from '../../src/containers/container-facts.js';
import { probeMpegTs } from '../../src/containers/mpeg-ts.js';
import { expectedFor } from './expected-streams-for-tests.js';
import { loadContainerFixture } from './fixture-files-for-tests.js';
import { found, probeContainerBytes } from './container-test-helpers.js';

const tsFixtures = ['h264-aac.ts', 'h264-aac.m2ts', 'h264-mp2.ts'];

const probeBytes = (bytes: Uint8Array, headLength?: number) => probeContainerBytes(probeMpegTs, bytes, headLength);

describe('probeMpegTs on real encoder output', () => {
  for (const name of tsFixtures) {
    it(`${name}: stream codecs match ${expectedFor(name).source}`, async () => {
      const expected = expectedFor(name);
      const facts = found((await probeBytes(loadContainerFixture(name))).facts);
      expect(facts.tracks.map((t) => [t.kind, t.codec])).toEqual(expected.streams.map((s) => [s.kind, s.codec]));
      expect(facts.durationSeconds).toBeNull();
    });
  }

  it('keeps the PMT stream_type as the codec id', async () => {
    const facts = found((await probeBytes(loadContainerFixture('h264-aac.ts'))).facts);
    expect(facts.tracks.map((t) => t.codecId)).toEqual(['0x1b', '0x0f']);
  });

  it('reads past a short head from the source', async () => {
    const bytes = loadContainerFixture('h264-aac.m2ts');
    const full = found((await probeBytes(bytes)).facts);
    const { facts, source } = await probeBytes(bytes, 400);
    expect(found(facts)).toEqual(full);
    expect(source.reads).toBeGreaterThan(0);
    expect(source.reads).toBeLessThanOrEqual(2);
  });
});

describe('probeMpegTs on damaged copies of real files', () => {
  it('ignores a PMT whose CRC fails', async () => {
    const bytes = loadContainerFixture('h264-aac.ts').slice();
    // Damage every PMT copy (table_id 0x02 right after a pointer field of 0 in a unit start).
    let damaged = 0;
    for (let o = 0; o + 188 <= bytes.length; o += 188) {
      const pusi = (bytes[o + 1]! & 0x40) !== 0;
      if (pusi && bytes[o + 4] === 0 && bytes[o + 5] === 0x02) {
        bytes[o + 20] = bytes[o + 20]! ^ 0xff;
        damaged++;
      }
    }
    expect(damaged).toBeGreaterThan(0);
    const { facts } = await probeBytes(bytes);
    expect(isContainerFactsFailure(facts) && facts.failure.reason).toBe('corrupt');
  });

  it('skips to the next packet boundary after lost sync', async () => {
    const bytes = loadContainerFixture('h264-aac.ts');
    const damaged = bytes.slice();
    // Turn the first PAT and PMT (packets 1 and 2) into null packets so a later copy must be found...
    for (const packet of [1, 2]) {
      expect(damaged[packet * 188]).toBe(0x47);
      damaged[packet * 188 + 1] = (damaged[packet * 188 + 1]! & 0xe0) | 0x1f;
      damaged[packet * 188 + 2] = 0xff;
    }
    // ...after five stray bytes before packet 10 have broken the packet pitch.
    const cut = 10 * 188;
    const shifted = new Uint8Array(damaged.length + 5);
    shifted.set(damaged.subarray(0, cut));
    shifted.set([1, 2, 3, 4, 5], cut);
    shifted.set(damaged.subarray(cut), cut + 5);
    const expected = found((await probeBytes(bytes)).facts);
    const facts = found((await probeBytes(shifted)).facts);
    expect(facts.tracks).toEqual(expected.tracks);
    expect(isContainerFactsFailure((await probeBytes(damaged.subarray(0, cut))).facts)).toBe(true);
  });
});
