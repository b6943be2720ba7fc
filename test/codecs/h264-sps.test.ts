import { describe, expect, it } from 'vitest';
import { h264ProfileName } from '../../src/codecs/h264-names.js';
import { parseAvcDecoderConfig, parseH264Sps, type H264Sps } from '../../src/codecs/h264-sps.js';
import { fromHex, h264Vectors, randomBytes, seededRandom, type H264Vector } from './vectors/load-vectors.js';

const vectors = h264Vectors();
const withAvcC = vectors.filter((v): v is H264Vector & { avcC: string } => typeof (v as { avcC?: string }).avcC === 'string');

/** ffmpeg 5.1's decoder output format for an SPS: 4:0:0 decodes as 4:2:0, 8-bit full range as yuvj*. */
function ffmpegPixFmt(sps: H264Sps): string {
  const layout = ['420', '420', '422', '444'][sps.chromaFormatIdc];
  if (sps.bitDepthLuma === 8) return `${sps.colour?.fullRange ? 'yuvj' : 'yuv'}${layout}p`;
  return `yuv${layout}p${sps.bitDepthLuma}le`;
}

// ffprobe's names for the ITU-T H.273 code points x264 can write.
const PRIMARIES: Record<number, string> = { 1: 'bt709', 4: 'bt470m', 5: 'bt470bg', 6: 'smpte170m', 7: 'smpte240m', 9: 'bt2020' };
const TRANSFER: Record<number, string> = { 1: 'bt709', 6: 'smpte170m', 7: 'smpte240m', 13: 'iec61966-2-1', 16: 'smpte2084', 18: 'arib-std-b67' };
const MATRIX: Record<number, string> = { 1: 'bt709', 5: 'bt470bg', 6: 'smpte170m', 7: 'smpte240m', 9: 'bt2020nc' };
const UNSPECIFIED = 2;

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function mustParse(hex: string): H264Sps {
  const sps = parseH264Sps(fromHex(hex));
  expect(sps).not.toBeNull();
  return sps!;
}

describe('parseH264Sps on real x264 output (expected values from ffprobe)', () => {
  it('has vectors for every profile family, interlacing, cropping and VUI case', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(20);
    expect(new Set(vectors.map((v) => v.ffprobe.profile)).size).toBeGreaterThanOrEqual(8);
  });

  for (const v of vectors) {
    describe(v.name, () => {
      it('profile, level, pixel format', () => {
        const sps = mustParse(v.sps);
        expect(h264ProfileName(sps.profileIdc, sps.constraintFlags)).toBe(v.ffprobe.profile);
        expect(sps.levelIdc).toBe(v.ffprobe.level);
        expect(ffmpegPixFmt(sps)).toBe(v.ffprobe.pix_fmt);
        expect(sps.bitDepthChroma).toBe(sps.bitDepthLuma);
      });

      it('cropped and coded size', () => {
        const sps = mustParse(v.sps);
        expect([sps.width, sps.height]).toEqual([v.ffprobe.width, v.ffprobe.height]);
        // Coded size: whole macroblocks, pairs of them vertically when fields are possible.
        const mbRows = sps.frameMbsOnly ? 16 : 32;
        expect(sps.codedWidth).toBe(Math.ceil(v.ffprobe.width / 16) * 16);
        expect(sps.codedHeight).toBe(Math.ceil(v.ffprobe.height / mbRows) * mbRows);
      });

      it('interlacing', () => {
        const sps = mustParse(v.sps);
        expect(sps.frameMbsOnly).toBe(v.ffprobe.field_order === 'progressive');
        if (!sps.frameMbsOnly) expect(sps.mbAdaptiveFrameField).toBe(true); // x264 codes interlace as MBAFF
      });

      it('sample aspect ratio', () => {
        const sps = mustParse(v.sps);
        expect(sps.sampleAspectRatio).not.toBeNull();
        const { num, den } = sps.sampleAspectRatio!;
        const g = gcd(num, den);
        expect(`${num / g}:${den / g}`).toBe(v.ffprobe.sample_aspect_ratio);
      });

      it('colour description', () => {
        const sps = mustParse(v.sps);
        if (sps.colour === null) {
          expect(v.ffprobe.color_range).toBeUndefined();
          expect(v.ffprobe.color_primaries).toBeUndefined();
          return;
        }
        expect(v.ffprobe.color_range).toBe(sps.colour.fullRange ? 'pc' : 'tv');
        const name = (table: Record<number, string>, code: number) => (code === UNSPECIFIED ? undefined : table[code]);
        expect(name(PRIMARIES, sps.colour.primaries)).toBe(v.ffprobe.color_primaries);
        expect(name(TRANSFER, sps.colour.transfer)).toBe(v.ffprobe.color_transfer);
        expect(name(MATRIX, sps.colour.matrix)).toBe(v.ffprobe.color_space);
      });

      it('timing matches the frame rate (two ticks per frame)', () => {
        const sps = mustParse(v.sps);
        expect(sps.timing).not.toBeNull();
        const [num, den] = v.ffprobe.r_frame_rate.split('/').map(Number) as [number, number];
        expect(sps.timing!.timeScale * den).toBe(2 * sps.timing!.numUnitsInTick * num);
      });
    });
  }

  it('reads the interlaced 1080 stream as 1088 coded lines cropped to 1080 in field pairs', () => {
    const sps = mustParse(vectors.find((v) => v.name === 'interlaced-tff-1920x1080')!.sps);
    expect(sps.frameMbsOnly).toBe(false);
    expect(sps.codedHeight).toBe(1088);
    expect(sps.height).toBe(1080);
  });

  it('reads the rewritten SPS with scaling lists and the one with pic_order_cnt_type 1', () => {
    const scaling = mustParse(vectors.find((v) => v.name === 'derived-scaling-lists-high-200x120')!.sps);
    expect(scaling.sampleAspectRatio).toEqual({ num: 4, den: 3 }); // fields after the lists still line up
    const poc = mustParse(vectors.find((v) => v.name === 'derived-poc-type1-baseline-320x240')!.sps);
    expect(poc.picOrderCntType).toBe(1);
  });
});

describe('parseAvcDecoderConfig on real avcC boxes', () => {
  for (const v of withAvcC) {
    it(v.name, () => {
      const config = parseAvcDecoderConfig(fromHex(v.avcC));
      expect(config).not.toBeNull();
      const sps = mustParse(v.sps);
      expect(config!.levelIdc).toBe(v.ffprobe.level);
      expect(h264ProfileName(config!.profileIdc, config!.profileCompatibility)).toBe(v.ffprobe.profile);
      expect(config!.nalLengthSize).toBe(4); // ffmpeg's mp4 muxer always writes 4-byte lengths
      expect(config!.sps.map((s) => Buffer.from(s).toString('hex'))).toEqual([v.sps]);
      expect(config!.pps).toHaveLength(1);
      expect(config!.pps[0]![0]! & 0x1f).toBe(8); // a PPS NAL unit
      if (config!.ext) {
        expect(config!.ext).toEqual({ chromaFormatIdc: sps.chromaFormatIdc, bitDepthLuma: sps.bitDepthLuma, bitDepthChroma: sps.bitDepthChroma });
      } else {
        // ISO/IEC 14496-15 only defines the tail for profiles 100, 110, 122 and 144.
        expect([100, 110, 122, 144]).not.toContain(config!.profileIdc);
      }
    });
  }

  it('has vectors with and without the High-profile tail', () => {
    const configs = withAvcC.map((v) => parseAvcDecoderConfig(fromHex(v.avcC))!);
    expect(configs.some((c) => c.ext !== null)).toBe(true);
    expect(configs.some((c) => c.ext === null)).toBe(true);
  });

  it('every prefix is null or the same record (possibly without the optional tail)', () => {
    for (const v of withAvcC) {
      const bytes = fromHex(v.avcC);
      const full = parseAvcDecoderConfig(bytes)!;
      for (let n = 0; n < bytes.length; n++) {
        const partial = parseAvcDecoderConfig(bytes.subarray(0, n));
        if (partial === null) continue;
        expect({ ...partial, ext: null }, `${v.name} prefix ${n}`).toEqual({ ...full, ext: null });
      }
    }
  });

  it('rejects other record versions and never throws on random bytes', () => {
    const real = fromHex(withAvcC[0]!.avcC);
    const wrongVersion = real.slice();
    wrongVersion[0] = 0;
    expect(parseAvcDecoderConfig(wrongVersion)).toBeNull();
    expect(parseAvcDecoderConfig(new Uint8Array())).toBeNull();
    expect(parseAvcDecoderConfig(new Uint8Array(64).fill(0xff))).toBeNull();
    const next = seededRandom(7);
    for (let i = 0; i < 3000; i++) {
      const bytes = randomBytes(next, Math.floor(next() * 80));
      if (bytes.length > 0 && next() < 0.5) bytes[0] = 1;
      const config = parseAvcDecoderConfig(bytes);
      if (config) {
        let total = 0;
        for (const unit of [...config.sps, ...config.pps]) total += unit.length + 2;
        expect(total).toBeLessThanOrEqual(bytes.length);
      }
    }
  });
});

// ---------------------------------------------------------------- hostile input

/** Sanity bounds any successful parse must respect, whatever the input. */
function expectSane(sps: H264Sps): void {
  expect(sps.width).toBeGreaterThan(0);
  expect(sps.height).toBeGreaterThan(0);
  expect(sps.codedWidth).toBeLessThanOrEqual(32768);
  expect(sps.codedHeight).toBeLessThanOrEqual(65536);
  expect(sps.chromaFormatIdc).toBeLessThanOrEqual(3);
  expect(sps.bitDepthLuma).toBeGreaterThanOrEqual(8);
  expect(sps.bitDepthLuma).toBeLessThanOrEqual(14);
  expect(sps.maxNumRefFrames).toBeLessThanOrEqual(16);
}

// Bit-level rewriting of a real SPS, to make deliberately damaged variants.
const toBits = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(2).padStart(8, '0')).join('');
const ue = (v: number) => {
  const code = (v + 1).toString(2);
  return '0'.repeat(code.length - 1) + code;
};
const se = (v: number) => ue(v > 0 ? 2 * v - 1 : -2 * v);

function unescape(nal: Uint8Array): Uint8Array {
  const out: number[] = [];
  let zeros = 0;
  for (const b of nal) {
    if (zeros >= 2 && b === 3) {
      zeros = 0;
      continue;
    }
    zeros = b === 0 ? zeros + 1 : 0;
    out.push(b);
  }
  return new Uint8Array(out);
}

/** SPS NAL from a NAL header byte and RBSP bits (stop bit, padding and emulation prevention added). */
function buildSps(header: number, rbspBits: string): Uint8Array {
  let bitString = rbspBits + '1';
  bitString = bitString.padEnd(Math.ceil(bitString.length / 8) * 8, '0');
  const out: number[] = [header];
  let zeros = 0;
  for (const byteBits of bitString.match(/.{8}/g)!) {
    const b = parseInt(byteBits, 2);
    if (zeros >= 2 && b <= 3) {
      out.push(3);
      zeros = 0;
    }
    zeros = b === 0 ? zeros + 1 : 0;
    out.push(b);
  }
  return new Uint8Array(out);
}

/** Field positions in the real x264 Baseline SPS (no High fields, pic_order_cnt_type 2). */
function baselineFields(nal: Uint8Array) {
  const bits = toBits(unescape(nal.subarray(1))).replace(/10*$/, '');
  let pos = 24;
  const readUe = () => {
    const start = pos;
    let zeros = 0;
    while (bits[pos] === '0') {
      zeros++;
      pos++;
    }
    pos += zeros + 1;
    return { start, end: pos };
  };
  const spsId = readUe();
  const log2MaxFrameNum = readUe();
  const pocType = readUe();
  const maxNumRefFrames = readUe();
  pos += 1; // gaps_in_frame_num_value_allowed_flag
  const picWidth = readUe();
  const picHeight = readUe();
  const cropFlag = { start: pos + 2, end: pos + 3 }; // after frame_mbs_only_flag (1 here) and direct_8x8_inference_flag
  return { bits, spsId, log2MaxFrameNum, pocType, maxNumRefFrames, picWidth, picHeight, cropFlag };
}

describe('parseH264Sps on hostile input', () => {
  const baseline = vectors.find((v) => v.name === 'baseline-320x240')!;
  const baselineNal = fromHex(baseline.sps);
  const f = baselineFields(baselineNal);
  const replace = (field: { start: number; end: number }, bits: string) =>
    parseH264Sps(buildSps(baselineNal[0]!, f.bits.slice(0, field.start) + bits + f.bits.slice(field.end)));

  it('the rewriting helper reproduces the real SPS when nothing changes', () => {
    expect(Buffer.from(buildSps(baselineNal[0]!, f.bits)).toString('hex')).toBe(baseline.sps);
    expect(replace(f.picWidth, ue(19))?.width).toBe(320);
  });

  it('returns null for empty, tiny, all-0xFF and all-zero input', () => {
    expect(parseH264Sps(new Uint8Array())).toBeNull();
    expect(parseH264Sps(new Uint8Array([0x67]))).toBeNull();
    for (const length of [4, 16, 64, 1024]) {
      expect(parseH264Sps(new Uint8Array(length).fill(0xff))).toBeNull();
      expect(parseH264Sps(new Uint8Array(length))).toBeNull();
    }
    // After a valid header, all-ones bits are a legal SPS: every ue(v) is 0, so one 16x16 macroblock.
    const allOnesAfterHeader = new Uint8Array(64).fill(0xff);
    allOnesAfterHeader[0] = 0x67;
    const smallest = parseH264Sps(allOnesAfterHeader);
    expect([smallest?.width, smallest?.height]).toEqual([16, 16]);
  });

  it('rejects NAL units that are not an SPS', () => {
    const pps = baselineNal.slice();
    pps[0] = (pps[0]! & 0xe0) | 8;
    expect(parseH264Sps(pps)).toBeNull();
    const forbidden = baselineNal.slice();
    forbidden[0] = forbidden[0]! | 0x80;
    expect(parseH264Sps(forbidden)).toBeNull();
  });

  it('every prefix of every real SPS is null or the full result', () => {
    for (const v of vectors) {
      const nal = fromHex(v.sps);
      const full = parseH264Sps(nal);
      for (let n = 0; n < nal.length; n++) {
        const partial = parseH264Sps(nal.subarray(0, n));
        if (partial !== null) expect(partial, `${v.name} prefix ${n}`).toEqual(full);
      }
    }
  });

  it('survives single-bit damage to every real SPS', () => {
    for (const v of vectors) {
      const nal = fromHex(v.sps);
      for (let bit = 8; bit < nal.length * 8; bit++) {
        const damaged = nal.slice();
        damaged[bit >> 3]! ^= 0x80 >> (bit & 7);
        const sps = parseH264Sps(damaged);
        if (sps) expectSane(sps);
      }
    }
  });

  it('survives thousands of random inputs (seeded)', () => {
    const next = seededRandom(42);
    let parsed = 0;
    for (let i = 0; i < 4000; i++) {
      const bytes = randomBytes(next, 2 + Math.floor(next() * 48));
      bytes[0] = 0x67; // get past the NAL header check
      if (next() < 0.5) bytes.set([[66, 77, 100, 110, 122, 244][i % 6]!], 1);
      const sps = parseH264Sps(bytes);
      if (sps) {
        parsed++;
        expectSane(sps);
      }
    }
    expect(parsed).toBeGreaterThan(0); // the fuzz reaches the end of the parser, not just its first check
  });

  it('caps seq_parameter_set_id, log2_max_frame_num and max_num_ref_frames', () => {
    expect(replace(f.spsId, ue(31))?.width).toBe(320);
    expect(replace(f.spsId, ue(32))).toBeNull();
    expect(replace(f.spsId, ue(2 ** 31))).toBeNull();
    expect(replace(f.log2MaxFrameNum, ue(12))?.width).toBe(320);
    expect(replace(f.log2MaxFrameNum, ue(13))).toBeNull();
    expect(replace(f.maxNumRefFrames, ue(16))?.maxNumRefFrames).toBe(16);
    expect(replace(f.maxNumRefFrames, ue(17))).toBeNull();
    expect(replace(f.maxNumRefFrames, ue(2 ** 32 - 2))).toBeNull();
  });

  it('rejects exp-Golomb codes with more than 31 leading zeros', () => {
    expect(replace(f.spsId, '0'.repeat(32) + '1' + '0'.repeat(32))).toBeNull();
    expect(replace(f.picWidth, '0'.repeat(200) + '1')).toBeNull();
  });

  it('caps the picture size', () => {
    expect(replace(f.picWidth, ue(2047))?.width).toBe(32768);
    expect(replace(f.picWidth, ue(2048))).toBeNull();
    expect(replace(f.picHeight, ue(2 ** 32 - 2))).toBeNull();
  });

  it('bounds the pic_order_cnt_type 1 cycle at 255 entries', () => {
    const type1 = (cycle: number, entries: number) => ue(1) + '1' + se(-2) + se(0) + ue(cycle) + se(1).repeat(entries);
    expect(replace(f.pocType, type1(255, 255))?.picOrderCntType).toBe(1);
    expect(replace(f.pocType, type1(256, 256))).toBeNull();
    expect(replace(f.pocType, type1(2 ** 31, 0))).toBeNull();
    expect(replace(f.pocType, type1(200, 10))).toBeNull(); // cycle runs past the end of the data
    expect(replace(f.pocType, ue(3))).toBeNull();
  });

  it('ignores a crop larger than the picture, as ffmpeg does', () => {
    const hugeCrop = '1' + ue(2 ** 31) + ue(0) + ue(0) + ue(0);
    const sps = replace(f.cropFlag, hugeCrop);
    expect(sps).not.toBeNull();
    expect([sps!.width, sps!.height]).toEqual([320, 240]);
  });

  it('caps chroma_format_idc and bit depth in High profiles', () => {
    const high = vectors.find((v) => v.name === 'high10-320x240')!;
    const nal = fromHex(high.sps);
    const bits = toBits(unescape(nal.subarray(1))).replace(/10*$/, '');
    // x264's High 10 SPS starts: profile, flags, level, ue(0) sps id, ue(1) chroma, ue(2) luma-8, ue(2) chroma-8.
    expect(bits.slice(24, 24 + 1 + 3 + 3 + 3)).toBe(ue(0) + ue(1) + ue(2) + ue(2));
    const rest = bits.slice(34);
    const build = (chroma: number, luma: number) => parseH264Sps(buildSps(nal[0]!, bits.slice(0, 24) + ue(0) + ue(chroma) + ue(luma) + ue(2) + rest));
    expect(build(1, 2)?.bitDepthLuma).toBe(10);
    expect(build(4, 2)).toBeNull();
    expect(build(1, 7)).toBeNull();
  });
});
