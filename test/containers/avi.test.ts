import { describe, expect, it } from 'vitest';
import { probeAvi } from '../../src/containers/avi.js';
import { isContainerFactsFailure } from '../../src/containers/container-facts.js';
import { ENCODER_SETTINGS_DURATION_TOLERANCE, expectedFor } from './expected-streams-for-tests.js';
import { loadContainerFixture } from './fixture-files-for-tests.js';
import { expectTracksMatch, found, probeContainerBytes } from './container-test-helpers.js';

const aviFixtures = ['mpeg4-mp3.avi', 'h264-pcm.avi'];

const probeBytes = (bytes: Uint8Array, headLength?: number) => probeContainerBytes(probeAvi, bytes, headLength);

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** Offset of the first occurrence of a chunk id (for patching sizes in copies of real files). */
function chunkOffset(b: Uint8Array, id: string, from = 0): number {
  const pattern = new TextEncoder().encode(id);
  for (let o = from; o + 4 <= b.length; o++) if (pattern.every((c, i) => b[o + i] === c)) return o;
  throw new Error(`no ${id}`);
}

describe('probeAvi on real encoder output', () => {
  for (const name of aviFixtures) {
    it(`${name}: codecs, sizes, rates and duration match ${expectedFor(name).source}`, async () => {
      const expected = expectedFor(name);
      const facts = found((await probeBytes(loadContainerFixture(name))).facts);
      expectTracksMatch(facts, expected);
      const tolerance = expected.source === 'ffprobe' ? 0.001 : ENCODER_SETTINGS_DURATION_TOLERANCE;
      expect(Math.abs(facts.durationSeconds! - expected.durationSeconds!)).toBeLessThanOrEqual(tolerance);
    });
  }

  it('keeps the FourCC and the WAVE format tag as codec ids', async () => {
    const facts = found((await probeBytes(loadContainerFixture('h264-pcm.avi'))).facts);
    expect(facts.tracks.map((t) => t.codecId)).toEqual(['H264', '0x0001']);
  });

  it('reads the header list past a short head in a few reads', async () => {
    for (const name of aviFixtures) {
      const bytes = loadContainerFixture(name);
      const full = found((await probeBytes(bytes)).facts);
      const { facts, source } = await probeBytes(bytes, 16);
      expect(found(facts)).toEqual(full);
      expect(source.reads).toBeLessThanOrEqual(3);
    }
  });
});

describe('probeAvi on damaged copies of real files', () => {
  it('notes a RIFF size pointing past the end but still reads the streams', async () => {
    const bytes = loadContainerFixture('h264-pcm.avi').slice();
    view(bytes).setUint32(4, 0xfffffff0, true);
    const facts = found((await probeBytes(bytes)).facts);
    expect(facts.tracks.map((t) => t.codec)).toEqual(['h264', 'pcm']);
    expect(facts.notes.join(' ')).toMatch(/truncated/);
  });

  it('reports a header list whose size points past the end as truncated, or over the cap as a limit', async () => {
    const bytes = loadContainerFixture('mpeg4-mp3.avi').slice();
    const hdrl = chunkOffset(bytes, 'hdrl') - 8;
    view(bytes).setUint32(hdrl + 4, bytes.length * 2, true);
    const { facts } = await probeBytes(bytes);
    expect(isContainerFactsFailure(facts) && facts.failure.reason).toBe('truncated');

    view(bytes).setUint32(hdrl + 4, 0xfffffff0, true);
    const { facts: huge, source } = await probeBytes(bytes);
    expect(isContainerFactsFailure(huge) && huge.failure.reason).toBe('limit-exceeded');
    expect(source.bytesRead).toBe(0);
  });

  it('keeps the streams read before a chunk that overruns its list', async () => {
    const bytes = loadContainerFixture('mpeg4-mp3.avi').slice();
    const secondStrl = chunkOffset(bytes, 'strl', chunkOffset(bytes, 'strl') + 4);
    const strh = chunkOffset(bytes, 'strh', secondStrl);
    view(bytes).setUint32(strh + 4, 0x7fff, true); // the audio strh now overruns its strl
    const facts = found((await probeBytes(bytes)).facts);
    expect(facts.tracks.map((t) => t.codec)).toEqual(['mpeg4']);
    expect(facts.notes.join(' ')).toMatch(/damaged/);
  });

  it('rejects a file that is not RIFF AVI without throwing', async () => {
    const wav = loadContainerFixture('tone.wav');
    const { facts } = await probeBytes(wav);
    expect(isContainerFactsFailure(facts) && facts.failure.reason).toBe('corrupt');
  });
});
