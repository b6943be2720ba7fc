import { describe, expect, it } from 'vitest';
import { probe } from '../../src/index.js';
import { MediaInfoSchema, type MediaInfo } from '../../src/probe/media-info.js';
import { box, concat, findBox, fixture, getU32, prng, setU32 } from '../helpers/isobmff-edit.js';

/** Every damaged input gives a typed result fast; none throws or hangs. */
async function probeTimed(bytes: Uint8Array): Promise<{ info: MediaInfo; ms: number }> {
  const start = performance.now();
  const info = await probe(bytes);
  const ms = performance.now() - start;
  MediaInfoSchema.parse(info);
  return { info, ms };
}

const ftyp = box('ftyp', new Uint8Array([0x69, 0x73, 0x6f, 0x6d, 0, 0, 2, 0, 0x69, 0x73, 0x6f, 0x6d]));

describe('damaged and hostile inputs', () => {
  it('empty input is unreadable: empty', async () => {
    const { info } = await probeTimed(new Uint8Array(0));
    expect(info.unreadable?.reason).toBe('empty');
    expect(info.io.reads).toBe(0);
  });

  it('1 MiB of random bytes is unsupported, read once', async () => {
    const rand = prng(7);
    const bytes = Uint8Array.from({ length: 1 << 20 }, () => Math.floor(rand() * 256));
    const { info, ms } = await probeTimed(bytes);
    expect(info.unreadable?.reason).toBe('unsupported');
    expect(info.io.reads).toBe(1);
    expect(ms).toBeLessThan(1000);
  });

  it('a faststart file cut inside the mdat is truncated, with the tracks still described', async () => {
    const whole = fixture('h264-aac.mp4');
    const { info } = await probeTimed(whole.subarray(0, Math.floor(whole.length * 0.7)));
    expect(info.unreadable?.reason).toBe('truncated');
    expect(info.unreadable?.offset).toBe(findBox(whole, 'mdat'));
    expect(info.video?.codec).toBe('h264');
  });

  it('a file cut inside the moov is truncated at the moov', async () => {
    const whole = fixture('h264-aac.mp4');
    const moov = findBox(whole, 'moov');
    const { info } = await probeTimed(whole.subarray(0, moov + Math.floor(getU32(whole, moov) / 2)));
    expect(info.unreadable?.reason).toBe('truncated');
    expect(info.unreadable?.offset).toBe(moov);
    expect(info.video).toBeNull();
  });

  it('a moov-at-end file cut in half has no moov and says it was truncated', async () => {
    const whole = fixture('h264-moov-end.mp4');
    const { info } = await probeTimed(whole.subarray(0, whole.length >> 1));
    expect(info.unreadable?.reason).toBe('truncated');
    expect(info.unreadable?.message).toMatch(/no complete moov/);
  });

  it('an mdat whose declared size is intact but whose chunks point past the end is truncated', async () => {
    const whole = fixture('h264-aac.mp4');
    const mdat = findBox(whole, 'mdat');
    const cut = whole.slice(0, whole.length - 4000);
    setU32(cut, mdat, cut.length - mdat); // the box now ends at the file's end, but the stco offsets do not
    const { info } = await probeTimed(cut);
    expect(info.unreadable?.reason).toBe('truncated');
    expect(info.unreadable?.message).toMatch(/cut short/);
  });

  it('an stsz bomb (sample_size=1, sample_count=0x7FFFFFFF) is a corrupt box, quickly', async () => {
    const bytes = fixture('h264-aac.mp4').slice();
    const stsz = findBox(bytes, 'stsz');
    setU32(bytes, stsz + 12, 1);
    setU32(bytes, stsz + 16, 0x7fffffff);
    const { info, ms } = await probeTimed(bytes);
    expect(info.unreadable?.reason).toBe('corrupt-box');
    expect(info.unreadable?.message).toMatch(/stsz/);
    expect(info.unreadable?.offset).toBe(stsz);
    expect(ms).toBeLessThan(1000);
  });

  it('a huge ctts entry count is a corrupt box', async () => {
    const bytes = fixture('h264-aac.mp4').slice();
    const ctts = findBox(bytes, 'ctts');
    setU32(bytes, ctts + 12, 0xa5a5a5a4);
    const { info, ms } = await probeTimed(bytes);
    expect(info.unreadable?.reason).toBe('corrupt-box');
    expect(info.unreadable?.message).toMatch(/ctts/);
    expect(ms).toBeLessThan(1000);
  });

  it('boxes nested 1000 deep hit the depth limit', async () => {
    let inner = box('free', new Uint8Array(4));
    for (let i = 0; i < 1000; i++) inner = box('trak', inner);
    const { info, ms } = await probeTimed(concat(ftyp, box('moov', inner)));
    expect(info.unreadable?.reason).toBe('limit-exceeded');
    expect(ms).toBeLessThan(1000);
  });

  it('a top-level box of size 1 with a 64-bit size past the end is truncated', async () => {
    const large = new Uint8Array(16);
    setU32(large, 0, 1);
    large.set([0x6d, 0x64, 0x61, 0x74], 4);
    setU32(large, 8, 0x10);
    const { info } = await probeTimed(concat(ftyp, large, new Uint8Array(100)));
    expect(info.unreadable?.reason).toBe('truncated');
    expect(info.unreadable?.offset).toBe(ftyp.length);
  });

  it('a top-level size smaller than a header is a corrupt box', async () => {
    const bad = new Uint8Array(16);
    setU32(bad, 0, 3);
    bad.set([0x6d, 0x6f, 0x6f, 0x76], 4);
    const { info } = await probeTimed(concat(ftyp, bad));
    expect(info.unreadable?.reason).toBe('corrupt-box');
  });

  it('a top-level box of size 0 runs to the end of the file (valid for a last mdat)', async () => {
    const whole = fixture('h264-aac.mp4').slice();
    const mdat = findBox(whole, 'mdat');
    setU32(whole, mdat, 0);
    const { info } = await probeTimed(whole);
    expect(info.unreadable).toBeNull();
    expect(info.container.layout.at(-1)).toMatchObject({ type: 'mdat', sizeBytes: whole.length - mdat, truncated: false });
  });

  it('a child box that runs past its parent is a corrupt box at its offset', async () => {
    const bytes = fixture('h264-aac.mp4').slice();
    const tkhd = findBox(bytes, 'tkhd');
    setU32(bytes, tkhd, 0x00ffffff);
    const { info } = await probeTimed(bytes);
    expect(info.unreadable?.reason).toBe('corrupt-box');
    expect(info.unreadable?.offset).toBe(tkhd);
  });

  it('a moov with no tracks is no-tracks', async () => {
    const mvhd = box('mvhd', new Uint8Array(100));
    const { info } = await probeTimed(concat(ftyp, box('moov', mvhd), box('mdat', new Uint8Array(10))));
    expect(info.unreadable?.reason).toBe('no-tracks');
  });

  it('an ftyp with nothing after it has no moov', async () => {
    const { info } = await probeTimed(ftyp);
    expect(info.unreadable?.reason).toBe('no-moov');
  });
});
