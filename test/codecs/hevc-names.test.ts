import { describe, expect, it } from 'vitest';
import { hevcLevel, hevcProfileName } from '../../src/codecs/hevc-names.js';
import { hevcVectors } from './vectors/load-vectors.js';

const vectors = hevcVectors();

describe('hevcProfileName', () => {
  it('matches ffprobe on real x265 output', () => {
    for (const v of vectors) {
      expect(hevcProfileName(v.generalProfileIdc, v.generalProfileCompatibilityFlags), v.name).toBe(v.ffprobe.profile);
    }
    expect(new Set(vectors.map((v) => v.ffprobe.profile))).toEqual(new Set(['Main', 'Main 10', 'Rext']));
  });

  it('falls back to the highest flagged compatible profile when profile_idc is 0, as ffmpeg does', () => {
    const main = vectors.find((v) => v.name === 'main-320x240')!;
    const flags = main.generalProfileCompatibilityFlags;
    // x265 flags a Main stream as compatible with Main (bit 1) and Main 10 (bit 2).
    expect((flags >>> 30) & 1).toBe(1);
    expect((flags >>> 29) & 1).toBe(1);
    expect(hevcProfileName(0, flags)).toBe('Main 10');
    expect(hevcProfileName(0, 1 << (31 - 3))).toBe('Main Still Picture');
    expect(hevcProfileName(0)).toBeNull();
    expect(hevcProfileName(0, 0)).toBeNull();
  });

  it('returns null where ffprobe 5.1 prints "unknown"', () => {
    expect(hevcProfileName(5)).toBeNull();
    expect(hevcProfileName(31)).toBeNull();
  });
});

describe('hevcLevel', () => {
  it('is general_level_idc / 30 on real x265 output', () => {
    for (const v of vectors) expect(hevcLevel(v.generalLevelIdc), v.name).toBeCloseTo(v.ffprobe.level / 30, 10);
  });

  it('reads the level x265 was told to use as an exact decimal', () => {
    const forced = vectors.find((v) => v.name === 'main-level41-320x240')!; // -x265-params level-idc=41
    expect(hevcLevel(forced.generalLevelIdc)).toBe(4.1);
    expect(hevcLevel(93)).toBe(3.1);
    expect(hevcLevel(186)).toBe(6.2);
  });

  it('returns null when no level is signalled', () => {
    expect(hevcLevel(0)).toBeNull();
  });
});
