/**
 * H.264 sequence parameter set (ITU-T H.264 §7.3.2.1.1) and VUI (Annex E) parsing: the facts
 * mp4box does not expose (chroma format, bit depth, interlacing, cropped size, SAR, colour, timing).
 */

import { BitReader, removeEmulationPrevention } from './bit-reader.js';

export interface H264Sps {
  profileIdc: number;
  /** The raw byte after profile_idc: constraint_set0_flag is 0x80, constraint_set1_flag 0x40, ... */
  constraintFlags: number;
  levelIdc: number;
  /** 0 = monochrome, 1 = 4:2:0, 2 = 4:2:2, 3 = 4:4:4. */
  chromaFormatIdc: number;
  separateColourPlane: boolean;
  bitDepthLuma: number;
  bitDepthChroma: number;
  picOrderCntType: number;
  maxNumRefFrames: number;
  /** False for interlaced-capable streams (field or MBAFF coding). */
  frameMbsOnly: boolean;
  mbAdaptiveFrameField: boolean;
  /** Decoded size before cropping, in luma samples. */
  codedWidth: number;
  codedHeight: number;
  /** Display size after frame cropping, in luma samples. */
  width: number;
  height: number;
  sampleAspectRatio: { num: number; den: number } | null;
  colour: { primaries: number; transfer: number; matrix: number; fullRange: boolean } | null;
  timing: { numUnitsInTick: number; timeScale: number; fixedFrameRate: boolean } | null;
}

const NAL_TYPE_SPS = 7;

// Caps on ue(v) values that drive loops or sizes; the spec's own limits, or generous bounds above them.
const MAX_SPS_ID = 31;
const MAX_CHROMA_FORMAT_IDC = 3;
const MAX_BIT_DEPTH_MINUS8 = 6;
const MAX_LOG2_MINUS4 = 12;
const MAX_POC_TYPE = 2;
const MAX_REF_FRAMES_IN_POC_CYCLE = 255;
const MAX_NUM_REF_FRAMES = 16;
/** 2048 macroblocks = 32768 luma samples per dimension, far above any level's limit. */
const MAX_MBS_PER_DIMENSION = 2048;
const MAX_CHROMA_LOC_TYPE = 5;

/** Profiles whose SPS carries chroma_format_idc, bit depths and scaling matrices. */
const HIGH_PROFILE_IDCS = new Set([100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135]);

/** Table E-1: aspect_ratio_idc 1..16. */
const SAR_TABLE: ReadonlyArray<readonly [number, number]> = [
  [1, 1], [12, 11], [10, 11], [16, 11], [40, 33], [24, 11], [20, 11], [32, 11],
  [80, 33], [18, 11], [15, 11], [64, 33], [160, 99], [4, 3], [3, 2], [2, 1],
];
const EXTENDED_SAR = 255;
/** matrix_coefficients "unspecified", used when the VUI has a signal type but no colour description. */
const UNSPECIFIED = 2;

/** Parse one SPS NAL unit (1-byte NAL header included, as stored in avcC). Null when it is not a parsable SPS. */
export function parseH264Sps(nal: Uint8Array): H264Sps | null {
  if (nal.length < 4) return null;
  const header = nal[0]!;
  if ((header & 0x80) !== 0 || (header & 0x1f) !== NAL_TYPE_SPS) return null;
  const r = new BitReader(removeEmulationPrevention(nal.subarray(1)));

  const profileIdc = r.readBits(8);
  const constraintFlags = r.readBits(8);
  const levelIdc = r.readBits(8);
  if (r.readUE() > MAX_SPS_ID) return null;

  let chromaFormatIdc = 1;
  let separateColourPlane = false;
  let bitDepthLuma = 8;
  let bitDepthChroma = 8;
  if (HIGH_PROFILE_IDCS.has(profileIdc)) {
    chromaFormatIdc = r.readUE();
    if (chromaFormatIdc > MAX_CHROMA_FORMAT_IDC) return null;
    if (chromaFormatIdc === 3) separateColourPlane = r.readBit() === 1;
    const lumaMinus8 = r.readUE();
    const chromaMinus8 = r.readUE();
    if (lumaMinus8 > MAX_BIT_DEPTH_MINUS8 || chromaMinus8 > MAX_BIT_DEPTH_MINUS8) return null;
    bitDepthLuma = lumaMinus8 + 8;
    bitDepthChroma = chromaMinus8 + 8;
    r.skipBits(1); // qpprime_y_zero_transform_bypass_flag
    if (r.readBit() === 1 && !skipScalingMatrix(r, chromaFormatIdc)) return null;
  }

  if (r.readUE() > MAX_LOG2_MINUS4) return null; // log2_max_frame_num_minus4
  const picOrderCntType = r.readUE();
  if (picOrderCntType > MAX_POC_TYPE) return null;
  if (picOrderCntType === 0) {
    if (r.readUE() > MAX_LOG2_MINUS4) return null; // log2_max_pic_order_cnt_lsb_minus4
  } else if (picOrderCntType === 1) {
    r.skipBits(1); // delta_pic_order_always_zero_flag
    r.readSE(); // offset_for_non_ref_pic
    r.readSE(); // offset_for_top_to_bottom_field
    const cycle = r.readUE();
    if (cycle > MAX_REF_FRAMES_IN_POC_CYCLE) return null;
    for (let i = 0; i < cycle && !r.overrun; i++) r.readSE(); // offset_for_ref_frame[i]
  }
  const maxNumRefFrames = r.readUE();
  if (maxNumRefFrames > MAX_NUM_REF_FRAMES) return null;
  r.skipBits(1); // gaps_in_frame_num_value_allowed_flag
  const widthMbs = r.readUE() + 1;
  const heightMapUnits = r.readUE() + 1;
  if (widthMbs > MAX_MBS_PER_DIMENSION || heightMapUnits > MAX_MBS_PER_DIMENSION) return null;
  const frameMbsOnly = r.readBit() === 1;
  const mbAdaptiveFrameField = frameMbsOnly ? false : r.readBit() === 1;
  r.skipBits(1); // direct_8x8_inference_flag

  let crop = { left: 0, right: 0, top: 0, bottom: 0 };
  if (r.readBit() === 1) {
    crop = { left: r.readUE(), right: r.readUE(), top: r.readUE(), bottom: r.readUE() };
  }

  let vui: Vui = { sampleAspectRatio: null, colour: null, timing: null };
  if (r.readBit() === 1) vui = readVui(r);
  if (r.overrun) return null;

  const codedWidth = widthMbs * 16;
  const codedHeight = (frameMbsOnly ? 1 : 2) * heightMapUnits * 16;
  const { width, height } = croppedSize(codedWidth, codedHeight, crop, chromaFormatIdc, separateColourPlane, frameMbsOnly);

  return {
    profileIdc,
    constraintFlags,
    levelIdc,
    chromaFormatIdc,
    separateColourPlane,
    bitDepthLuma,
    bitDepthChroma,
    picOrderCntType,
    maxNumRefFrames,
    frameMbsOnly,
    mbAdaptiveFrameField,
    codedWidth,
    codedHeight,
    width,
    height,
    ...vui,
  };
}

/** Scaling lists only need skipping, but their length depends on every delta, so walk them (§7.3.2.1.1.1). */
function skipScalingMatrix(r: BitReader, chromaFormatIdc: number): boolean {
  const lists = chromaFormatIdc === 3 ? 12 : 8;
  for (let i = 0; i < lists; i++) {
    if (r.readBit() === 0) continue;
    const size = i < 6 ? 16 : 64;
    let lastScale = 8;
    let nextScale = 8;
    for (let j = 0; j < size; j++) {
      if (nextScale !== 0) {
        const delta = r.readSE();
        if (delta < -128 || delta > 127 || r.overrun) return false;
        nextScale = (lastScale + delta + 256) % 256;
      }
      lastScale = nextScale === 0 ? lastScale : nextScale;
    }
  }
  return !r.overrun;
}

type Vui = Pick<H264Sps, 'sampleAspectRatio' | 'colour' | 'timing'>;

/** The VUI fields up to timing_info; HRD and bitstream restrictions follow and are not needed. */
function readVui(r: BitReader): Vui {
  let sampleAspectRatio: H264Sps['sampleAspectRatio'] = null;
  if (r.readBit() === 1) {
    const idc = r.readBits(8);
    if (idc === EXTENDED_SAR) {
      const num = r.readBits(16);
      const den = r.readBits(16);
      if (num > 0 && den > 0) sampleAspectRatio = { num, den };
    } else {
      const entry = SAR_TABLE[idc - 1];
      if (entry) sampleAspectRatio = { num: entry[0], den: entry[1] };
    }
  }
  if (r.readBit() === 1) r.skipBits(1); // overscan_info_present_flag, overscan_appropriate_flag

  let colour: H264Sps['colour'] = null;
  if (r.readBit() === 1) {
    r.skipBits(3); // video_format
    const fullRange = r.readBit() === 1;
    let primaries = UNSPECIFIED;
    let transfer = UNSPECIFIED;
    let matrix = UNSPECIFIED;
    if (r.readBit() === 1) {
      primaries = r.readBits(8);
      transfer = r.readBits(8);
      matrix = r.readBits(8);
    }
    colour = { primaries, transfer, matrix, fullRange };
  }
  if (r.readBit() === 1) {
    // chroma_sample_loc_type_top_field / _bottom_field
    if (r.readUE() > MAX_CHROMA_LOC_TYPE || r.readUE() > MAX_CHROMA_LOC_TYPE) r.overrun = true;
  }

  let timing: H264Sps['timing'] = null;
  if (r.readBit() === 1) {
    const numUnitsInTick = r.readBits(32);
    const timeScale = r.readBits(32);
    const fixedFrameRate = r.readBit() === 1;
    timing = { numUnitsInTick, timeScale, fixedFrameRate };
  }
  return { sampleAspectRatio, colour, timing };
}

/**
 * Display size after frame cropping (§7.4.2.1.1): crop offsets count chroma samples, doubled
 * vertically for field-capable streams. Like ffmpeg, a crop that leaves nothing is ignored.
 */
function croppedSize(
  codedWidth: number,
  codedHeight: number,
  crop: { left: number; right: number; top: number; bottom: number },
  chromaFormatIdc: number,
  separateColourPlane: boolean,
  frameMbsOnly: boolean,
): { width: number; height: number } {
  const chromaArrayType = separateColourPlane ? 0 : chromaFormatIdc;
  const subWidthC = chromaArrayType === 1 || chromaArrayType === 2 ? 2 : 1;
  const subHeightC = chromaArrayType === 1 ? 2 : 1;
  const fieldFactor = frameMbsOnly ? 1 : 2;
  const unitX = chromaArrayType === 0 ? 1 : subWidthC;
  const unitY = (chromaArrayType === 0 ? 1 : subHeightC) * fieldFactor;
  const cropX = (crop.left + crop.right) * unitX;
  const cropY = (crop.top + crop.bottom) * unitY;
  if (cropX >= codedWidth || cropY >= codedHeight) return { width: codedWidth, height: codedHeight };
  return { width: codedWidth - cropX, height: codedHeight - cropY };
}

export interface AvcDecoderConfig {
  profileIdc: number;
  /** Same byte as the SPS constraint flags. */
  profileCompatibility: number;
  levelIdc: number;
  /** Bytes in each sample's NAL length prefix: 1, 2 or 4 (3 is not allowed by ISO/IEC 14496-15 but is reported as found). */
  nalLengthSize: number;
  sps: Uint8Array[];
  pps: Uint8Array[];
  /** The High-profile tail (chroma format and bit depths); many muxers omit it. */
  ext: { chromaFormatIdc: number; bitDepthLuma: number; bitDepthChroma: number } | null;
}

/** Profiles for which ISO/IEC 14496-15 defines the avcC extension fields. */
const AVCC_EXT_PROFILE_IDCS = new Set([100, 110, 122, 144]);
const MAX_PPS_COUNT = 255;

/**
 * Parse an avcC (AVCDecoderConfigurationRecord) payload, i.e. the box body after its 8-byte header.
 * Parameter sets are subarrays of the input; counts are bounded by the 5-/8-bit count fields and the bytes present.
 */
export function parseAvcDecoderConfig(avcC: Uint8Array): AvcDecoderConfig | null {
  if (avcC.length < 7 || avcC[0] !== 1) return null;
  const profileIdc = avcC[1]!;
  const profileCompatibility = avcC[2]!;
  const levelIdc = avcC[3]!;
  const nalLengthSize = (avcC[4]! & 0x03) + 1;

  let offset = 5;
  const sps = readParameterSets(avcC, offset, avcC[offset]! & 0x1f);
  if (!sps) return null;
  offset = sps.end;
  if (offset >= avcC.length) return null;
  const ppsCount = avcC[offset]!;
  if (ppsCount > MAX_PPS_COUNT) return null;
  const pps = readParameterSets(avcC, offset, ppsCount);
  if (!pps) return null;
  offset = pps.end;

  let ext: AvcDecoderConfig['ext'] = null;
  if (AVCC_EXT_PROFILE_IDCS.has(profileIdc) && offset + 4 <= avcC.length) {
    ext = {
      chromaFormatIdc: avcC[offset]! & 0x03,
      bitDepthLuma: (avcC[offset + 1]! & 0x07) + 8,
      bitDepthChroma: (avcC[offset + 2]! & 0x07) + 8,
    };
  }
  return { profileIdc, profileCompatibility, levelIdc, nalLengthSize, sps: sps.sets, pps: pps.sets, ext };
}

/** `count` length-prefixed units starting after the count byte at `countOffset`; null if any runs past the end. */
function readParameterSets(bytes: Uint8Array, countOffset: number, count: number): { sets: Uint8Array[]; end: number } | null {
  const sets: Uint8Array[] = [];
  let offset = countOffset + 1;
  for (let i = 0; i < count; i++) {
    if (offset + 2 > bytes.length) return null;
    const length = (bytes[offset]! << 8) | bytes[offset + 1]!;
    offset += 2;
    if (offset + length > bytes.length) return null;
    sets.push(bytes.subarray(offset, offset + length));
    offset += length;
  }
  return { sets, end: offset };
}
