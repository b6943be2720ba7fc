import { describe, expect, it } from 'vitest';
import { aacObjectTypeName, parseAudioSpecificConfig } from '../../src/codecs/aac-audio-specific-config.js';
import { aacVectors, fromHex, randomBytes, seededRandom } from './vectors/load-vectors.js';

const vectors = aacVectors();
const encoded = vectors.filter((v) => v.signalled === undefined);
const derived = vectors.filter((v) => v.signalled !== undefined);

/** ffprobe's AAC profile names → ours. */
const PROFILE_FROM_FFPROBE: Record<string, string> = {
  LC: 'AAC-LC',
  Main: 'AAC Main',
  SSR: 'AAC SSR',
  LTP: 'AAC LTP',
  'HE-AAC': 'HE-AAC',
  'HE-AACv2': 'HE-AACv2',
  LD: 'ER AAC LD',
  ELD: 'ER AAC ELD',
};

describe('parseAudioSpecificConfig on real ffmpeg AAC encodes (expected values from ffprobe)', () => {
  for (const v of encoded) {
    it(v.name, () => {
      const asc = parseAudioSpecificConfig(fromHex(v.asc));
      expect(asc).not.toBeNull();
      expect(asc!.objectTypeName).toBe(PROFILE_FROM_FFPROBE[v.ffprobe!.profile]);
      expect(asc!.sampleRate).toBe(Number(v.ffprobe!.sample_rate));
      expect(asc!.channels).toBe(v.ffprobe!.channels);
      // ffmpeg writes an explicit "no SBR" sync extension; it must not turn into SBR.
      expect(asc!.sbr).toBe(false);
      expect(asc!.ps).toBe(false);
    });
  }

  it('covers mono to 7.1, 7350 to 96000 Hz, Main/LTP and program config elements', () => {
    const parsed = encoded.map((v) => parseAudioSpecificConfig(fromHex(v.asc))!);
    expect(new Set(parsed.map((a) => a.channels))).toEqual(new Set([1, 2, 4, 6, 8]));
    expect(Math.min(...parsed.map((a) => a.sampleRate))).toBe(7350);
    expect(Math.max(...parsed.map((a) => a.sampleRate))).toBe(96000);
    expect(new Set(parsed.map((a) => a.objectTypeName))).toEqual(new Set(['AAC-LC', 'AAC Main', 'AAC LTP']));
    expect(parsed.filter((a) => a.channelConfiguration === 0)).toHaveLength(2);
  });

  it('counts channels from the program config element when channelConfiguration is 0', () => {
    const quad = parseAudioSpecificConfig(fromHex(vectors.find((v) => v.name === 'pce-quad-48000')!.asc))!;
    expect(quad.channelConfiguration).toBe(0);
    expect(quad.channels).toBe(4); // -channel_layout quad -aac_pce 1
    const hexagonal = parseAudioSpecificConfig(fromHex(vectors.find((v) => v.name === 'pce-hexagonal-48000')!.asc))!;
    expect(hexagonal.channels).toBe(6);
  });
});

describe('parseAudioSpecificConfig on configs rewritten in real encodes', () => {
  for (const v of derived) {
    it(v.name, () => {
      const asc = parseAudioSpecificConfig(fromHex(v.asc));
      expect(asc).not.toBeNull();
      expect({ objectType: asc!.objectType, sbr: asc!.sbr, ps: asc!.ps }).toEqual(v.signalled);
      expect(asc!.objectTypeName).toBe(aacObjectTypeName(v.signalled!.objectType));
      // ffprobe reads rate and channels from the config (its profile follows the LC frames, so it is not compared).
      const sampleRate = v.ffprobe ? Number(v.ffprobe.sample_rate) : v.expected!.sampleRate;
      const channels = v.ffprobe ? v.ffprobe.channels : v.expected!.channels;
      expect(asc!.sampleRate).toBe(sampleRate);
      expect(asc!.channels).toBe(channels);
    });
  }

  it('reports the core rate and type under SBR', () => {
    const he = parseAudioSpecificConfig(fromHex(derived.find((v) => v.name.startsWith('derived-he-aac-hierarchical'))!.asc))!;
    expect([he.objectTypeName, he.coreObjectType, he.coreSampleRate, he.sampleRate]).toEqual(['HE-AAC', 2, 22050, 44100]);
    const v2 = parseAudioSpecificConfig(fromHex(derived.find((v) => v.name.startsWith('derived-he-aacv2'))!.asc))!;
    expect([v2.objectTypeName, v2.channelConfiguration, v2.channels]).toEqual(['HE-AACv2', 1, 2]);
  });

  it('reads the escaped object type (31 → 32 + 6 bits) that ffprobe calls ELD', () => {
    const eld = derived.find((v) => v.name.startsWith('derived-escaped'))!;
    expect(eld.ffprobe!.profile).toBe('ELD');
    expect(parseAudioSpecificConfig(fromHex(eld.asc))!.objectType).toBe(39);
  });
});

describe('parseAudioSpecificConfig on hostile input', () => {
  it('returns null for empty and truncated configs', () => {
    expect(parseAudioSpecificConfig(new Uint8Array())).toBeNull();
    expect(parseAudioSpecificConfig(new Uint8Array([0x12]))).toBeNull();
  });

  it('returns null for object type 0 and reserved sample-rate indexes', () => {
    expect(parseAudioSpecificConfig(new Uint8Array([0x00, 0x10]))).toBeNull();
    // AOT 2 with rate index 13 (reserved): 00010 1101 0010 000
    expect(parseAudioSpecificConfig(new Uint8Array([0b00010110, 0b10010000]))).toBeNull();
  });

  it('every prefix of every real config is null or agrees on the core fields', () => {
    for (const v of vectors) {
      const bytes = fromHex(v.asc);
      const full = parseAudioSpecificConfig(bytes)!;
      for (let n = 0; n < bytes.length; n++) {
        const partial = parseAudioSpecificConfig(bytes.subarray(0, n));
        if (partial === null) continue;
        // A cut-off backward-compatible SBR extension reads as plain AAC; everything else must agree.
        expect(partial.coreObjectType, `${v.name} prefix ${n}`).toBe(full.coreObjectType);
        expect(partial.coreSampleRate).toBe(full.coreSampleRate);
        expect(partial.channelConfiguration).toBe(full.channelConfiguration);
        if (partial.sbr) expect(partial.sampleRate).toBe(full.sampleRate);
      }
    }
  });

  it('never throws on all-0xFF or random bytes (seeded)', () => {
    for (const length of [1, 2, 5, 64]) parseAudioSpecificConfig(new Uint8Array(length).fill(0xff));
    const next = seededRandom(3);
    let parsed = 0;
    for (let i = 0; i < 4000; i++) {
      const asc = parseAudioSpecificConfig(randomBytes(next, Math.floor(next() * 24)));
      if (!asc) continue;
      parsed++;
      expect(asc.sampleRate).toBeGreaterThan(0);
      expect(asc.sampleRate).toBeLessThan(2 ** 24);
      expect(asc.channels).toBeGreaterThanOrEqual(0);
      expect(asc.channels).toBeLessThanOrEqual(15 * 2 * 3 + 3); // a PCE's front/side/back pairs plus LFEs
    }
    expect(parsed).toBeGreaterThan(0);
  });
});
