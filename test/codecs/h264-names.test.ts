import { describe, expect, it } from 'vitest';
import { H264_LEVEL_1B, h264Level, h264LevelName, h264ProfileName } from '../../src/codecs/h264-names.js';
import { parseH264Sps } from '../../src/codecs/h264-sps.js';
import { fromHex, h264Vectors } from './vectors/load-vectors.js';

const vectors = h264Vectors().map((v) => ({ ...v, parsed: parseH264Sps(fromHex(v.sps))! }));
const byName = (name: string) => vectors.find((v) => v.name === name)!;

describe('h264ProfileName', () => {
  it('matches ffprobe on every real vector', () => {
    for (const v of vectors) expect(h264ProfileName(v.parsed.profileIdc, v.parsed.constraintFlags), v.name).toBe(v.ffprobe.profile);
  });

  it('covers the constrained and intra variants ffprobe distinguishes', () => {
    const names = new Set(vectors.map((v) => v.ffprobe.profile));
    for (const name of ['Constrained Baseline', 'Main', 'High', 'High 10', 'High 10 Intra', 'High 4:2:2', 'High 4:2:2 Intra', 'High 4:4:4 Predictive', 'High 4:4:4 Intra']) {
      expect(names, name).toContain(name);
    }
  });

  it('names Baseline only without constraint_set1 (x264 always sets it, so ffmpeg\'s rule is checked on the real byte)', () => {
    const baseline = byName('baseline-320x240').parsed;
    expect(baseline.constraintFlags & 0x40).toBe(0x40);
    expect(h264ProfileName(66, baseline.constraintFlags & ~0x40)).toBe('Baseline');
  });

  it('keeps High as High when constraint_set3 is set (only High 10/4:2:2/4:4:4 have intra variants)', () => {
    expect(h264ProfileName(100, 0x10)).toBe('High');
    expect(h264ProfileName(77, 0x10)).toBe('Main');
  });

  it('returns null where ffprobe prints "unknown"', () => {
    expect(h264ProfileName(83, 0)).toBeNull(); // Scalable Baseline
    expect(h264ProfileName(0, 0)).toBeNull();
    expect(h264ProfileName(255, 0xff)).toBeNull();
  });
});

describe('h264Level', () => {
  it('is level_idc / 10 except for 1b, on every real vector', () => {
    for (const v of vectors) {
      const level = h264Level(v.parsed.levelIdc, v.parsed.constraintFlags, v.parsed.profileIdc);
      if (v.name.includes('level1b')) continue; // checked below
      expect(level, v.name).toBe(v.ffprobe.level / 10);
    }
  });

  it('reads the level the encoder was told to use', () => {
    const main = byName('main-320x240-level31').parsed; // -level 3.1
    expect(h264Level(main.levelIdc, main.constraintFlags, main.profileIdc)).toBe(3.1);
    expect(h264LevelName(main.levelIdc, main.constraintFlags, main.profileIdc)).toBe('3.1');
  });

  it('reads -level 1b in both encodings: Baseline (11 + constraint_set3) and High (9)', () => {
    const baseline = byName('baseline-level1b-128x96');
    const high = byName('high-level1b-128x96');
    expect([baseline.ffprobe.level, high.ffprobe.level]).toEqual([11, 9]);
    for (const { parsed } of [baseline, high]) {
      expect(h264Level(parsed.levelIdc, parsed.constraintFlags, parsed.profileIdc)).toBe(H264_LEVEL_1B);
      expect(h264LevelName(parsed.levelIdc, parsed.constraintFlags, parsed.profileIdc)).toBe('1b');
    }
    expect(H264_LEVEL_1B).toBeGreaterThan(1);
    expect(H264_LEVEL_1B).toBeLessThan(1.1);
  });

  it('does not read constraint_set3 as 1b in intra profiles', () => {
    const intra = byName('high10-intra-320x240').parsed;
    expect(intra.constraintFlags & 0x10).toBe(0x10);
    expect(h264Level(11, intra.constraintFlags, intra.profileIdc)).toBe(1.1);
  });

  it('returns null when no level is signalled', () => {
    expect(h264Level(0, 0)).toBeNull();
    expect(h264LevelName(0, 0)).toBeNull();
  });
});
