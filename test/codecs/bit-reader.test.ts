import { describe, expect, it } from 'vitest';
import { BitReader, removeEmulationPrevention } from '../../src/codecs/bit-reader.js';
import { fromHex, h264Vectors, randomBytes, seededRandom } from './vectors/load-vectors.js';

/** Bytes from a string of '0'/'1' (spaces ignored), zero-padded to whole bytes. */
function bits(pattern: string): Uint8Array {
  const clean = pattern.replace(/ /g, '').padEnd(Math.ceil(pattern.replace(/ /g, '').length / 8) * 8, '0');
  return new Uint8Array(clean.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
}

describe('BitReader', () => {
  it('reads MSB-first across byte boundaries', () => {
    const r = new BitReader(new Uint8Array([0b1010_1100, 0b0101_0011]));
    expect(r.readBit()).toBe(1);
    expect(r.readBits(3)).toBe(0b010);
    expect(r.readBits(8)).toBe(0b1100_0101);
    expect(r.bitsLeft).toBe(4);
    expect(r.readBits(4)).toBe(0b0011);
    expect(r.bitsLeft).toBe(0);
    expect(r.overrun).toBe(false);
  });

  it('returns 32-bit values unsigned', () => {
    const r = new BitReader(new Uint8Array([0xff, 0xff, 0xff, 0xfe, 0x80]));
    expect(r.readBits(32)).toBe(0xfffffffe);
    expect(r.readBits(1)).toBe(1);
  });

  it('reads the first SPS bytes of a real x264 stream as profile/constraints/level', () => {
    for (const v of h264Vectors()) {
      const r = new BitReader(fromHex(v.sps));
      r.skipBits(8); // NAL header
      r.skipBits(16); // profile_idc, constraint flags
      expect(r.readBits(8), v.name).toBe(v.ffprobe.level);
    }
  });

  it('sets a sticky overrun flag and returns 0 past the end', () => {
    const r = new BitReader(new Uint8Array([0xff]));
    expect(r.readBits(12)).toBe(0);
    expect(r.overrun).toBe(true);
    expect(r.bitsLeft).toBe(0);
    expect(r.readBit()).toBe(0);
    expect(r.overrun).toBe(true);
  });

  it('treats widths outside 0..32 as an overrun instead of throwing', () => {
    const r = new BitReader(new Uint8Array(16).fill(0xff));
    expect(r.readBits(33)).toBe(0);
    expect(r.overrun).toBe(true);
    const s = new BitReader(new Uint8Array(4));
    expect(s.readBits(-1)).toBe(0);
    expect(s.overrun).toBe(true);
  });

  it('skipBits past the end overruns', () => {
    const r = new BitReader(new Uint8Array(2));
    r.skipBits(10);
    expect(r.overrun).toBe(false);
    expect(r.bitsLeft).toBe(6);
    r.skipBits(7);
    expect(r.overrun).toBe(true);
  });

  it('decodes ue(v) and se(v) code words (H.264 Table 9-2, 9-3)', () => {
    // codeNum 0..6: 1, 010, 011, 00100, 00101, 00110, 00111
    const ue = new BitReader(bits('1 010 011 00100 00101 00110 00111'));
    expect([0, 1, 2, 3, 4, 5, 6].map(() => ue.readUE())).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(ue.overrun).toBe(false);
    const se = new BitReader(bits('1 010 011 00100 00101'));
    expect([0, 1, 2, 3, 4].map(() => se.readSE())).toEqual([0, 1, -1, 2, -2]);
  });

  it('decodes the largest 32-bit ue(v) (31 leading zeros)', () => {
    const r = new BitReader(bits('0'.repeat(31) + '1' + '1'.repeat(31)));
    expect(r.readUE()).toBe(2 ** 32 - 2);
    expect(r.overrun).toBe(false);
  });

  it('flags ue(v) with more than 31 leading zeros as an overrun', () => {
    const r = new BitReader(bits('0'.repeat(32) + '1' + '0'.repeat(32)));
    expect(r.readUE()).toBe(0);
    expect(r.overrun).toBe(true);
  });

  it('flags a ue(v) cut off in its suffix', () => {
    const r = new BitReader(bits('0001')); // needs 3 suffix bits, has 4 zero-pad bits → fine; cut at 1 byte
    expect(r.readUE()).toBe(7);
    const cut = new BitReader(new Uint8Array([0b0000_0001]));
    expect(cut.readUE()).toBe(0);
    expect(cut.overrun).toBe(true);
  });

  it('never throws on random input', () => {
    const next = seededRandom(1);
    for (let i = 0; i < 2000; i++) {
      const r = new BitReader(randomBytes(next, Math.floor(next() * 12)));
      for (let k = 0; k < 20; k++) {
        const op = Math.floor(next() * 4);
        if (op === 0) r.readUE();
        else if (op === 1) r.readSE();
        else if (op === 2) r.readBits(Math.floor(next() * 40));
        else r.skipBits(Math.floor(next() * 20));
      }
      expect(r.bitsLeft).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('removeEmulationPrevention', () => {
  it('drops the 03 in 00 00 03 and nothing else', () => {
    expect(removeEmulationPrevention(new Uint8Array([0, 0, 3, 1]))).toEqual(new Uint8Array([0, 0, 1]));
    expect(removeEmulationPrevention(new Uint8Array([0, 0, 3, 0, 0, 3]))).toEqual(new Uint8Array([0, 0, 0, 0]));
    expect(removeEmulationPrevention(new Uint8Array([0, 3, 0, 3]))).toEqual(new Uint8Array([0, 3, 0, 3]));
    expect(removeEmulationPrevention(new Uint8Array([0, 0, 0, 3]))).toEqual(new Uint8Array([0, 0, 0]));
    expect(removeEmulationPrevention(new Uint8Array([]))).toEqual(new Uint8Array([]));
  });

  it('shrinks real x264 SPS units by exactly their emulation-prevention bytes', () => {
    let sawOne = false;
    for (const v of h264Vectors()) {
      const nal = fromHex(v.sps);
      const escapes = (v.sps.match(/(?<=^(?:..)*)000003/g) ?? []).length; // byte-aligned 00 00 03
      if (escapes > 0) sawOne = true;
      expect(removeEmulationPrevention(nal).length, v.name).toBe(nal.length - escapes);
    }
    expect(sawOne).toBe(true);
  });
});
