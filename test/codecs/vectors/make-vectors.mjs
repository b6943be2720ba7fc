// Regenerates the codec test vectors in this folder from Debian's ffmpeg/ffprobe.
// Each vector keeps the raw header bytes we parse (SPS, avcC, hvcC fields, AudioSpecificConfig,
// sample-entry 4CC and esds object type) next to the facts ffprobe reported for the same file,
// so the tests compare our parsers with ffprobe, never with our own earlier output.
// Run via make-vectors.sh.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'codec-vectors-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const ffmpegVersion = execFileSync('ffmpeg', ['-version'], { encoding: 'utf8' }).split('\n')[0];

function ffmpeg(args) {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** ffprobe's first stream of the given type, with extradata as hex. */
function probeStream(file, type) {
  const out = execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-show_data', '-of', 'json', file], { encoding: 'utf8' });
  const stream = JSON.parse(out).streams.find((s) => s.codec_type === type);
  if (!stream) throw new Error(`no ${type} stream in ${file}`);
  return { ...stream, extradata: stream.extradata ? hexFromHexdump(stream.extradata) : undefined };
}

/** ffprobe -show_data prints "00000000: 0164 001f ...  ascii"; the hex part is the 39 columns after "xxxxxxxx: ". */
function hexFromHexdump(dump) {
  return dump
    .split('\n')
    .filter((line) => /^[0-9a-f]{8}: /.test(line))
    .map((line) => line.slice(10, 49).replace(/ /g, ''))
    .join('');
}

const pick = (obj, keys) => Object.fromEntries(keys.filter((k) => obj[k] !== undefined).map((k) => [k, obj[k]]));

// ---------------------------------------------------------------- H.264

const H264_FACTS = [
  'profile', 'level', 'pix_fmt', 'width', 'height', 'coded_width', 'coded_height', 'field_order',
  'sample_aspect_ratio', 'color_range', 'color_space', 'color_transfer', 'color_primaries', 'r_frame_rate',
];

const h264Cases = [
  { name: 'baseline-320x240', size: '320x240', args: ['-profile:v', 'baseline'] },
  { name: 'main-320x240-level31', size: '320x240', args: ['-profile:v', 'main', '-level', '3.1'] },
  { name: 'high-200x120-sar4-3', size: '200x120', args: ['-profile:v', 'high', '-vf', 'setsar=4/3'] },
  { name: 'high-176x144-sar5-7-extended', size: '176x144', args: ['-profile:v', 'high', '-vf', 'setsar=5/7'] },
  {
    name: 'high-1920x1080-bt709',
    size: '1920x1080',
    frames: 1,
    args: ['-profile:v', 'high', '-preset', 'veryfast', '-color_primaries', 'bt709', '-color_trc', 'bt709', '-colorspace', 'bt709'],
  },
  {
    name: 'high-320x240-fullrange-bt601',
    size: '320x240',
    args: ['-profile:v', 'high', '-color_range', 'pc', '-color_primaries', 'bt470bg', '-color_trc', 'smpte170m', '-colorspace', 'bt470bg'],
  },
  { name: 'high-320x240-ntsc-rate', size: '320x240', rate: '30000/1001', args: ['-profile:v', 'high'] },
  { name: 'high10-320x240', size: '320x240', args: ['-pix_fmt', 'yuv420p10le', '-profile:v', 'high10'] },
  { name: 'high10-intra-320x240', size: '320x240', args: ['-pix_fmt', 'yuv420p10le', '-profile:v', 'high10', '-g', '1'] },
  { name: 'high422-320x238', size: '320x238', args: ['-pix_fmt', 'yuv422p', '-profile:v', 'high422'] },
  { name: 'high422-intra-10bit-320x240', size: '320x240', args: ['-pix_fmt', 'yuv422p10le', '-profile:v', 'high422', '-g', '1'] },
  // testsrc2 rounds odd sizes down, so scale to the odd size instead.
  { name: 'high444-201x121', size: '320x240', args: ['-vf', 'scale=201:121', '-pix_fmt', 'yuv444p', '-profile:v', 'high444'] },
  { name: 'high444-intra-lossless-160x120', size: '160x120', args: ['-pix_fmt', 'yuv444p', '-profile:v', 'high444', '-qp', '0', '-g', '1'] },
  { name: 'gray-high-160x120', size: '160x120', args: ['-pix_fmt', 'gray', '-profile:v', 'high'] },
  {
    name: 'interlaced-tff-1920x1080',
    size: '1920x1080',
    frames: 1,
    args: ['-profile:v', 'high', '-preset', 'veryfast', '-flags', '+ildct+ilme', '-x264opts', 'tff=1'],
  },
  { name: 'interlaced-bff-720x480', size: '720x480', args: ['-profile:v', 'main', '-flags', '+ildct+ilme', '-x264opts', 'bff=1'] },
  { name: 'baseline-level1b-128x96', size: '128x96', args: ['-profile:v', 'baseline', '-level', '1b'] },
  { name: 'high-level1b-128x96', size: '128x96', args: ['-profile:v', 'high', '-level', '1b'] },
];

/** The first SPS from an avcC, read here with plain byte offsets so the test's oracle does not depend on our parser. */
function firstSpsFromAvcC(hex) {
  const b = Buffer.from(hex, 'hex');
  const len = b.readUInt16BE(6);
  return b.subarray(8, 8 + len).toString('hex');
}

const h264Vectors = h264Cases.map((c) => {
  const file = join(work, `${c.name}.mp4`);
  ffmpeg([
    '-f', 'lavfi', '-i', `testsrc2=s=${c.size}:r=${c.rate ?? 25}`,
    '-frames:v', String(c.frames ?? 2), '-c:v', 'libx264', ...c.args, file,
  ]);
  const s = probeStream(file, 'video');
  return {
    name: c.name,
    ffmpegArgs: c.args.join(' '),
    size: c.size,
    rate: c.rate ?? '25',
    avcC: s.extradata,
    sps: firstSpsFromAvcC(s.extradata),
    ffprobe: pick(s, H264_FACTS),
  };
});

// Derived SPS vectors. x264 never writes SPS scaling lists (it sends custom matrices in the PPS) and
// never uses pic_order_cnt_type 1, so these rewrite the SPS of a real Annex-B encode at the bit level,
// leave every slice untouched, and let ffprobe report on the rewritten stream.

/** Bits of an RBSP as a '0'/'1' string, and back (with the stop bit and zero padding re-added by the caller). */
const toBitString = (bytes) => [...bytes].map((b) => b.toString(2).padStart(8, '0')).join('');
const ue = (v) => {
  const code = (v + 1).toString(2);
  return '0'.repeat(code.length - 1) + code;
};
const se = (v) => ue(v > 0 ? 2 * v - 1 : -2 * v);

/** Reads ue(v) fields from a bit string, remembering where it is. */
function bitCursor(bitString, start) {
  let pos = start;
  return {
    get pos() { return pos; },
    bit() { return Number(bitString[pos++]); },
    skip(n) { pos += n; },
    ue() {
      let zeros = 0;
      while (bitString[pos] === '0') { zeros++; pos++; }
      pos++;
      const suffix = zeros ? parseInt(bitString.slice(pos, pos + zeros), 2) : 0;
      pos += zeros;
      return 2 ** zeros - 1 + suffix;
    },
  };
}

function unescapeRbsp(nal) {
  const out = [];
  let zeros = 0;
  for (const b of nal) {
    if (zeros >= 2 && b === 3) { zeros = 0; continue; }
    zeros = b === 0 ? zeros + 1 : 0;
    out.push(b);
  }
  return Buffer.from(out);
}

function escapeRbsp(rbsp) {
  const out = [];
  let zeros = 0;
  for (const b of rbsp) {
    if (zeros >= 2 && b <= 3) { out.push(3); zeros = 0; }
    zeros = b === 0 ? zeros + 1 : 0;
    out.push(b);
  }
  return Buffer.from(out);
}

/** Replaces the bits [from, to) of an SPS NAL's RBSP with `insert`, then rebuilds the NAL unit. */
function spliceSps(nal, from, to, insert) {
  const header = nal.subarray(0, 1);
  let bitString = toBitString(unescapeRbsp(nal.subarray(1)));
  bitString = bitString.replace(/10*$/, ''); // rbsp_stop_one_bit and trailing zeros
  bitString = bitString.slice(0, from) + insert + bitString.slice(to) + '1';
  bitString = bitString.padEnd(Math.ceil(bitString.length / 8) * 8, '0');
  const rbsp = Buffer.from(bitString.match(/.{8}/g).map((b) => parseInt(b, 2)));
  return Buffer.concat([header, escapeRbsp(rbsp)]);
}

/** Scaling lists for a 4:2:0 High SPS: explicit deltas, an absent list, and a "use the default" list (delta to 0 at j = 0). */
function scalingListBits() {
  const explicit4x4 = Array.from({ length: 16 }, () => se(1)).join(''); // 9, 10, ..., 24
  const useDefault = se(-8); // nextScale = (8 - 8) % 256 = 0 → default matrix
  const explicit8x8 = Array.from({ length: 64 }, (_, j) => se(j % 2 ? -1 : 2)).join('');
  return ['1' + explicit4x4, '0', '1' + useDefault, '0', '0', '1' + explicit4x4, '1' + explicit8x8, '0'].join('');
}

const derivedSpsCases = [
  {
    name: 'derived-scaling-lists-high-200x120',
    size: '200x120',
    args: ['-profile:v', 'high', '-vf', 'setsar=4/3'],
    description: 'seq_scaling_matrix_present_flag set, with explicit, absent and use-default scaling lists',
    rewrite(nal) {
      const c = bitCursor(toBitString(unescapeRbsp(nal.subarray(1))), 24);
      c.ue(); // seq_parameter_set_id
      c.ue(); // chroma_format_idc (1)
      c.ue(); // bit_depth_luma_minus8
      c.ue(); // bit_depth_chroma_minus8
      c.skip(1); // qpprime_y_zero_transform_bypass_flag
      const flagAt = c.pos;
      if (c.bit() !== 0) throw new Error('expected no scaling matrix in the x264 SPS');
      return spliceSps(nal, flagAt, flagAt + 1, '1' + scalingListBits());
    },
  },
  {
    name: 'derived-poc-type1-baseline-320x240',
    size: '320x240',
    args: ['-profile:v', 'baseline'],
    description: 'pic_order_cnt_type 2 replaced by type 1 with delta_pic_order_always_zero_flag set (slice headers unchanged), offset_for_top_to_bottom_field 0 so frames stay progressive, and a 3-entry ref-frame cycle',
    rewrite(nal) {
      const c = bitCursor(toBitString(unescapeRbsp(nal.subarray(1))), 24);
      c.ue(); // seq_parameter_set_id
      c.ue(); // log2_max_frame_num_minus4
      const pocAt = c.pos;
      if (c.ue() !== 2) throw new Error('expected pic_order_cnt_type 2 from x264 baseline');
      const type1 = ue(1) + '1' + se(-2) + se(0) + ue(3) + se(2) + se(-3) + se(4);
      return spliceSps(nal, pocAt, c.pos, type1);
    },
  },
];

/** NAL units of an Annex-B stream as [start, end) offsets of their payloads. */
function annexBUnits(b) {
  const starts = [];
  for (let i = 0; i + 3 <= b.length; i++) {
    if (b[i] === 0 && b[i + 1] === 0 && b[i + 2] === 1) { starts.push(i + 3); i += 2; }
  }
  return starts.map((start, k) => {
    let end = k + 1 < starts.length ? starts[k + 1] - 3 : b.length;
    while (end > start && b[end - 1] === 0) end--; // zero_byte of the next 4-byte start code
    return [start, end];
  });
}

for (const c of derivedSpsCases) {
  const file = join(work, `${c.name}.h264`);
  ffmpeg(['-f', 'lavfi', '-i', `testsrc2=s=${c.size}:r=25`, '-frames:v', '2', '-c:v', 'libx264', ...c.args, '-f', 'h264', file]);
  const bytes = readFileSync(file);
  const units = annexBUnits(bytes);
  const spsUnits = units.filter(([start]) => (bytes[start] & 0x1f) === 7);
  if (spsUnits.length !== 1) throw new Error(`expected one SPS in ${c.name}`);
  const [start, end] = spsUnits[0];
  const original = bytes.subarray(start, end);
  const derived = c.rewrite(original);
  const derivedFile = join(work, `${c.name}-derived.h264`);
  writeFileSync(derivedFile, Buffer.concat([bytes.subarray(0, start), derived, bytes.subarray(end)]));
  const s = probeStream(derivedFile, 'video');
  h264Vectors.push({
    name: c.name,
    ffmpegArgs: c.args.join(' '),
    size: c.size,
    rate: '25',
    description: c.description,
    originalSps: original.toString('hex'),
    sps: derived.toString('hex'),
    ffprobe: pick(s, H264_FACTS),
  });
}

// ---------------------------------------------------------------- HEVC

const hevcCases = [
  { name: 'main-320x240', args: ['-pix_fmt', 'yuv420p', '-profile:v', 'main'] },
  { name: 'main10-320x240', args: ['-pix_fmt', 'yuv420p10le', '-profile:v', 'main10'] },
  { name: 'rext-main422-10-320x240', args: ['-pix_fmt', 'yuv422p10le', '-profile:v', 'main422-10'] },
  { name: 'rext-main444-320x240', args: ['-pix_fmt', 'yuv444p', '-profile:v', 'main444-8'] },
  { name: 'main-level41-320x240', args: ['-pix_fmt', 'yuv420p'], x265Params: 'level-idc=41' },
];

const hevcVectors = hevcCases.map((c) => {
  const file = join(work, `hevc-${c.name}.mp4`);
  ffmpeg([
    '-f', 'lavfi', '-i', 'testsrc2=s=320x240:r=25', '-frames:v', String(c.frames ?? 2),
    '-c:v', 'libx265', '-x265-params', ['log-level=error', c.x265Params].filter(Boolean).join(':'), ...c.args, file,
  ]);
  const s = probeStream(file, 'video');
  const b = Buffer.from(s.extradata, 'hex');
  // HEVCDecoderConfigurationRecord: byte 1 = profile_space(2) tier(1) profile_idc(5), bytes 2..5 = compatibility flags, byte 12 = level.
  return {
    name: c.name,
    ffmpegArgs: [...c.args, ...(c.x265Params ? ['-x265-params', c.x265Params] : [])].join(' '),
    generalProfileIdc: b[1] & 0x1f,
    generalProfileCompatibilityFlags: b.readUInt32BE(2),
    generalLevelIdc: b[12],
    ffprobe: pick(s, ['profile', 'level', 'pix_fmt', 'width', 'height']),
  };
});

// ---------------------------------------------------------------- AAC

const AAC_FACTS = ['profile', 'sample_rate', 'channels', 'channel_layout'];

const aacCases = [
  { name: 'lc-mono-44100', rate: 44100, layout: 'mono' },
  { name: 'lc-stereo-44100', rate: 44100, layout: 'stereo' },
  { name: 'lc-stereo-48000', rate: 48000, layout: 'stereo' },
  { name: 'lc-5.1-48000', rate: 48000, layout: '5.1' },
  { name: 'lc-5.1-44100', rate: 44100, layout: '5.1' },
  { name: 'lc-7.1-48000', rate: 48000, layout: '7.1' },
  { name: 'lc-stereo-96000', rate: 96000, layout: 'stereo' },
  { name: 'lc-mono-22050', rate: 22050, layout: 'mono' },
  { name: 'lc-stereo-8000', rate: 8000, layout: 'stereo' },
  { name: 'lc-stereo-7350', rate: 7350, layout: 'stereo' },
  { name: 'main-stereo-48000', rate: 48000, layout: 'stereo', args: ['-profile:a', 'aac_main'] },
  { name: 'ltp-stereo-44100', rate: 44100, layout: 'stereo', args: ['-profile:a', 'aac_ltp', '-strict', 'experimental'] },
  { name: 'mpeg2-lc-stereo-44100', rate: 44100, layout: 'stereo', args: ['-profile:a', 'mpeg2_aac_low'] },
  { name: 'pce-quad-48000', rate: 48000, layout: 'quad', args: ['-aac_pce', '1'] },
  { name: 'pce-hexagonal-48000', rate: 48000, layout: 'hexagonal' },
];

function encodeAac(c) {
  const file = join(work, `aac-${c.name}.mp4`);
  ffmpeg([
    '-f', 'lavfi', '-i', `sine=f=440:r=${c.rate}`, '-t', '0.2',
    '-af', `aformat=channel_layouts=${c.layout}`, '-c:a', 'aac', ...(c.args ?? []), file,
  ]);
  return file;
}

const aacVectors = aacCases.map((c) => {
  const file = encodeAac(c);
  const s = probeStream(file, 'audio');
  return { name: c.name, ffmpegArgs: `-ar ${c.rate} -channel_layout ${c.layout} ${(c.args ?? []).join(' ')}`.trim(), asc: s.extradata, ffprobe: pick(s, AAC_FACTS) };
});

/** MSB-first bit packer for the derived configs below, padded with zero bits to `bytes`. */
function packBits(fields, bytes) {
  let bits = fields.map(([value, width]) => value.toString(2).padStart(width, '0')).join('');
  if (bits.length > bytes * 8) throw new Error('derived config too long');
  bits = bits.padEnd(bytes * 8, '0');
  return Buffer.from(bits.match(/.{8}/g).map((byte) => parseInt(byte, 2)));
}

// Debian's ffmpeg has no HE-AAC encoder and never writes an explicit sample rate or an escaped object
// type, so these vectors are derived from real LC encodes: the 5-byte AudioSpecificConfig ffmpeg wrote
// is replaced in place (same length, so no box size changes) and ffprobe reports on the damaged file.
const derivedAacCases = [
  {
    name: 'derived-he-aac-hierarchical-22050-to-44100',
    base: { rate: 22050, layout: 'stereo' },
    description: 'AOT 5, core rate index 7 (22050), stereo, extension rate index 4 (44100), core AOT 2',
    fields: [[5, 5], [7, 4], [2, 4], [4, 4], [2, 5], [0, 3]],
    signalled: { objectType: 5, sbr: true, ps: false },
  },
  {
    name: 'derived-he-aac-backward-compatible-22050-to-44100',
    base: { rate: 22050, layout: 'stereo' },
    description: 'AOT 2, 22050, stereo, GASpecificConfig, sync extension 0x2b7 AOT 5 sbrPresent=1 extension rate index 4 (44100)',
    fields: [[2, 5], [7, 4], [2, 4], [0, 3], [0x2b7, 11], [5, 5], [1, 1], [4, 4]],
    signalled: { objectType: 5, sbr: true, ps: false },
  },
  {
    name: 'derived-he-aacv2-hierarchical-mono-24000-to-48000',
    base: { rate: 24000, layout: 'mono' },
    description: 'AOT 29, core rate index 6 (24000), mono, extension rate index 3 (48000), core AOT 2',
    fields: [[29, 5], [6, 4], [1, 4], [3, 4], [2, 5], [0, 3]],
    signalled: { objectType: 29, sbr: true, ps: true },
  },
  {
    name: 'derived-explicit-rate-44100',
    base: { rate: 44100, layout: 'stereo' },
    description: 'AOT 2, rate index 15 with explicit 24-bit rate 44100, stereo (ffmpeg\'s decoder rejects index 15, so no ffprobe facts)',
    fields: [[2, 5], [15, 4], [44100, 24], [2, 4], [0, 3]],
    signalled: { objectType: 2, sbr: false, ps: false },
    expected: { sampleRate: 44100, channels: 2 },
  },
  {
    name: 'derived-escaped-object-type-eld-48000',
    base: { rate: 48000, layout: 'stereo' },
    description: 'AOT 31 escape + 6 bits = 39 (ER AAC ELD), 48000, stereo, ELDSpecificConfig without SBR, epConfig 0',
    fields: [[31, 5], [7, 6], [3, 4], [2, 4], [0, 5], [0, 4], [0, 2]],
    signalled: { objectType: 39, sbr: false, ps: false },
  },
];

for (const c of derivedAacCases) {
  const file = encodeAac({ name: c.name, ...c.base });
  const original = Buffer.from(probeStream(file, 'audio').extradata, 'hex');
  const replacement = packBits(c.fields, original.length);
  const bytes = readFileSync(file);
  const at = bytes.indexOf(original);
  if (at < 0 || bytes.indexOf(original, at + 1) >= 0) throw new Error(`AudioSpecificConfig not unique in ${c.name}`);
  replacement.copy(bytes, at);
  const derivedFile = join(work, `aac-${c.name}-derived.mp4`);
  writeFileSync(derivedFile, bytes);
  // ffprobe's profile for these reflects the (LC) frames, not the config, so the signalled type is recorded from the construction.
  const vector = {
    name: c.name, derivedFrom: `-ar ${c.base.rate} -channel_layout ${c.base.layout}`, description: c.description,
    asc: replacement.toString('hex'), signalled: c.signalled,
  };
  if (c.expected) {
    // ffprobe cannot open this one; the expected values are the ones written into the config.
    aacVectors.push({ ...vector, ffprobe: null, expected: c.expected });
    continue;
  }
  const s = probeStream(derivedFile, 'audio');
  if (s.extradata !== vector.asc) throw new Error(`ffprobe did not read the derived config in ${c.name}`);
  aacVectors.push({ ...vector, ffprobe: pick(s, AAC_FACTS) });
}

// ---------------------------------------------------------------- sample entries

/** objectTypeIndication from the first esds box, walking the ES_Descriptor by hand. */
function esdsObjectType(file) {
  const b = readFileSync(file);
  const at = b.indexOf('esds');
  if (at < 0) return undefined;
  let o = at + 8; // 'esds' + version/flags
  const readDescriptorHeader = () => {
    const tag = b[o++];
    let len = 0;
    for (let i = 0; i < 4; i++) {
      const byte = b[o++];
      len = (len << 7) | (byte & 0x7f);
      if ((byte & 0x80) === 0) break;
    }
    return { tag, len };
  };
  if (readDescriptorHeader().tag !== 0x03) return undefined;
  o += 2; // ES_ID
  const flags = b[o++];
  if (flags & 0x80) o += 2;
  if (flags & 0x40) o += 1 + b[o];
  if (flags & 0x20) o += 2;
  if (readDescriptorHeader().tag !== 0x04) return undefined;
  return b[o];
}

/** QuickTime's 'enda' atom (u16 flag after its type) says whether in24/in32/fl32/fl64 samples are little-endian. */
function endaFlag(file) {
  const b = readFileSync(file);
  const at = b.indexOf('enda');
  return at < 0 ? {} : { endaLittleEndian: b.readUInt16BE(at + 4) === 1 };
}

const videoSource = ['-f', 'lavfi', '-i', 'testsrc2=s=256x144:r=25', '-frames:v', '2'];
const audioSource = ['-f', 'lavfi', '-i', 'sine=f=440:r=48000', '-t', '0.2', '-ac', '2'];

const sampleEntryCases = [
  ...['avc1', 'hvc1', 'hev1'].map((tag) => ({
    name: `video-${tag}`, ext: 'mp4', args: [...videoSource, '-c:v', tag === 'avc1' ? 'libx264' : 'libx265', ...(tag === 'avc1' ? [] : ['-x265-params', 'log-level=error']), '-tag:v', tag],
  })),
  { name: 'video-av01', ext: 'mp4', args: [...videoSource, '-c:v', 'libaom-av1', '-cpu-used', '8', '-crf', '50'] },
  { name: 'video-vp09', ext: 'mp4', args: [...videoSource, '-c:v', 'libvpx-vp9', '-deadline', 'realtime'] },
  { name: 'video-mp4v', ext: 'mp4', args: [...videoSource, '-c:v', 'mpeg4'] },
  { name: 'video-h263', ext: 'mov', args: ['-f', 'lavfi', '-i', 'testsrc2=s=176x144:r=25', '-frames:v', '2', '-c:v', 'h263'] },
  { name: 'video-s263', ext: '3gp', args: ['-f', 'lavfi', '-i', 'testsrc2=s=176x144:r=25', '-frames:v', '2', '-c:v', 'h263'] },
  { name: 'video-jpeg', ext: 'mov', args: [...videoSource, '-c:v', 'mjpeg', '-pix_fmt', 'yuvj420p'] },
  ...['0', '1', '2', '3', '4', '5'].map((p) => ({
    name: `video-prores-profile-${p}`, ext: 'mov',
    args: [...videoSource, '-c:v', 'prores_ks', '-profile:v', p, '-pix_fmt', Number(p) >= 4 ? 'yuva444p10le' : 'yuv422p10le'],
  })),
  { name: 'video-dnxhr', ext: 'mov', args: [...videoSource, '-c:v', 'dnxhd', '-profile:v', 'dnxhr_lb', '-pix_fmt', 'yuv422p'] },
  { name: 'video-dnxhd', ext: 'mov', args: ['-f', 'lavfi', '-i', 'testsrc2=s=1280x720:r=25', '-frames:v', '1', '-c:v', 'dnxhd', '-b:v', '90M', '-pix_fmt', 'yuv422p'] },
  { name: 'audio-mp4a-aac', ext: 'mp4', args: [...audioSource, '-c:a', 'aac'] },
  { name: 'audio-mp4a-mp3', ext: 'mp4', args: [...audioSource, '-c:a', 'libmp3lame'] },
  { name: 'audio-dot-mp3', ext: 'mov', args: [...audioSource, '-c:a', 'libmp3lame'] },
  { name: 'audio-opus', ext: 'mp4', args: [...audioSource, '-c:a', 'libopus'] },
  { name: 'audio-flac', ext: 'mp4', args: [...audioSource, '-c:a', 'flac'] },
  { name: 'audio-alac', ext: 'm4a', args: [...audioSource, '-c:a', 'alac'] },
  { name: 'audio-ac3', ext: 'mp4', args: [...audioSource, '-c:a', 'ac3'] },
  { name: 'audio-eac3', ext: 'mp4', args: [...audioSource, '-c:a', 'eac3'] },
  ...['pcm_s16le', 'pcm_s16be', 'pcm_s24be', 'pcm_s32be', 'pcm_f32be', 'pcm_f64be', 'pcm_u8', 'pcm_mulaw', 'pcm_alaw', 'pcm_s8'].map((codec) => ({
    name: `audio-mov-${codec}`, ext: 'mov', args: [...audioSource, '-c:a', codec],
  })),
  { name: 'audio-mov-pcm_s24le-6ch', ext: 'mov', args: ['-f', 'lavfi', '-i', 'sine=f=440:r=48000', '-t', '0.2', '-af', 'aformat=channel_layouts=5.1', '-c:a', 'pcm_s24le'] },
];

const sampleEntryVectors = sampleEntryCases.map((c) => {
  const file = join(work, `${c.name}.${c.ext}`);
  ffmpeg([...c.args, ...(c.ext === 'mp4' ? ['-strict', 'experimental'] : []), file]);
  const type = c.name.startsWith('video') ? 'video' : 'audio';
  const s = probeStream(file, type);
  const oti = s.codec_tag_string === 'mp4a' || s.codec_tag_string === 'mp4v' ? esdsObjectType(file) : undefined;
  return {
    name: c.name,
    fourcc: s.codec_tag_string,
    ...(oti === undefined ? {} : { esdsObjectTypeIndication: oti }),
    ...endaFlag(file),
    ffprobe: pick(s, ['codec_type', 'codec_name', 'profile', 'bits_per_sample', 'bits_per_coded_sample', 'sample_fmt']),
  };
});

// ---------------------------------------------------------------- write

const provenance = { generator: 'test/codecs/vectors/make-vectors.sh', ffmpeg: ffmpegVersion };
const write = (file, vectors) => writeFileSync(join(here, file), JSON.stringify({ ...provenance, vectors }, null, 2) + '\n');
write('h264.json', h264Vectors);
write('hevc.json', hevcVectors);
write('aac.json', aacVectors);
write('sample-entries.json', sampleEntryVectors);
