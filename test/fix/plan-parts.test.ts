import { describe, expect, it } from 'vitest';
import { chooseAudioEncoding } from '../../src/fix/plan-audio.js';
import { frameRateArg, pickFrameRate } from '../../src/fix/plan-frame-rate.js';
import { fitGeometry } from '../../src/fix/plan-geometry.js';
import { h264Level } from '../../src/fix/plan-h264-level.js';
import { sizeBudgetBitrate } from '../../src/fix/plan-size-budget.js';
import { copyTrimPoint } from '../../src/fix/plan-trim.js';
import { probe } from '../../src/probe/probe.js';
import { resolveTarget } from '../../src/targets/targets.js';
import { fixture } from './fix-test-helpers.js';

describe('pickFrameRate', () => {
  const range = { min: 23, max: 60 };
  it('keeps a rate in range and moves one outside it to the nearest common rate inside', () => {
    expect(pickFrameRate(30, range, false)).toBeNull();
    expect(pickFrameRate(29.97, range, false)).toBeNull();
    expect(pickFrameRate(120, range, false)).toBe(60);
    expect(pickFrameRate(15, range, false)).toBe(24);
    expect(pickFrameRate(1, range, false)).toBe(24);
    expect(pickFrameRate(30, { max: 25 }, false)).toBe(25);
  });

  it('keeps NTSC input on NTSC rates', () => {
    expect(frameRateArg(pickFrameRate(120000 / 1001, range, false)!)).toBe('60000/1001');
  });

  it('makes a variable rate constant, and picks 30 when nothing is known', () => {
    expect(pickFrameRate(23.5, range, true)).toBe(24);
    expect(pickFrameRate(null, range, false)).toBe(30);
  });
});

describe('h264Level (ITU-T H.264 Table A-1, never below 4.1)', () => {
  it('names 4.1 up to 1080p30, 4.2 for 1080p60, 5.1/5.2 for 2160p30/60', () => {
    expect(h264Level(320, 180, 30, null)?.name).toBe('4.1');
    expect(h264Level(1920, 1080, 30, null)?.name).toBe('4.1');
    expect(h264Level(1920, 1080, 60, null)?.name).toBe('4.2');
    expect(h264Level(3840, 2160, 30, null)?.name).toBe('5.1');
    expect(h264Level(3840, 2160, 60, null)?.name).toBe('5.2');
  });

  it('rises for a bitrate above the level maximum (High: 1.25 × MaxBR)', () => {
    expect(h264Level(1920, 1080, 30, 62_500_000)?.name).toBe('4.1');
    expect(h264Level(1920, 1080, 30, 62_500_001)?.name).toBe('5');
  });
});

describe('fitGeometry', () => {
  it('scales down into a maximum width keeping the aspect ratio', () => {
    expect(fitGeometry(2560, 1440, { width: { max: 1920 } }, true)).toMatchObject({ width: 1920, height: 1080, scaled: true, padded: false });
  });

  it('leaves a picture inside every limit alone', () => {
    expect(fitGeometry(1080, 1920, { width: { max: 1920 } }, true)).toMatchObject({ width: 1080, height: 1920, scaled: false });
  });

  it('rounds odd sides to even for 4:2:0 video', () => {
    expect(fitGeometry(321, 181, {}, true)).toMatchObject({ width: 320, height: 180 });
  });

  it('scales up to a minimum short side', () => {
    expect(fitGeometry(320, 180, { shortSide: { min: 540 } }, true)).toMatchObject({ width: 960, height: 540 });
  });

  it('pads into the aspect-ratio range', () => {
    const g = fitGeometry(300, 100, { aspectRatio: { max: 1 } }, true);
    expect(g).toMatchObject({ width: 300, height: 100, frameWidth: 300, frameHeight: 300, padded: true });
  });
});

describe('copyTrimPoint', () => {
  it('aims short by four frames plus one AAC frame', async () => {
    const media = await probe(fixture('isobmff/h264-aac.mp4'));
    const margin = 4 / 30 + 1024 / 48_000 + 0.01;
    expect(copyTrimPoint(media, 300)).toBe(Math.floor((300 - margin) * 1000) / 1000);
  });

  it('gives up on a copy cut when the margin is too costly', async () => {
    expect(copyTrimPoint(await probe(fixture('isobmff/h264-aac.mp4')), 1.5)).toBeNull();
    // 1 fps: four frames are four seconds.
    expect(copyTrimPoint(await probe(fixture('isobmff/h264-301s.mp4')), 300)).toBeNull();
  });
});

describe('audio and size budgets', () => {
  it('writes 48 kHz AAC, stereo for anything wider than mono', () => {
    const rules = resolveTarget('threads').video;
    expect(chooseAudioEncoding(null, rules)).toEqual({ sampleRate: 48_000, channels: 2, bitrate: 128_000 });
    expect(chooseAudioEncoding({ channels: 6 } as never, rules).channels).toBe(2);
    expect(chooseAudioEncoding({ channels: 1 } as never, rules).channels).toBe(1);
    // Facebook asks for stereo.
    expect(chooseAudioEncoding({ channels: 1 } as never, resolveTarget('facebook-reels').video).channels).toBe(2);
  });

  it('spends 90% of the byte budget, less the audio and 2% for the container', () => {
    const bits = (100_000_000 * 8 * 0.9 * 0.98) / 60 - 128_000;
    expect(sizeBudgetBitrate(100_000_000, 60, 128_000)).toBe(Math.floor(bits / 1000) * 1000);
    expect(sizeBudgetBitrate(100_000_000, 60, 128_000, 0.5)).toBe(Math.floor((bits * 0.5) / 1000) * 1000);
  });
});
