/**
 * MPEG-4 AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1), the esds DecoderSpecificInfo of an mp4a
 * track: object type (profile), output sample rate and channel count, including SBR/PS signalling.
 */

import { BitReader } from './bit-reader.js';

export interface AudioSpecificConfig {
  /** The profile-defining object type: 5 (SBR) or 29 (PS) when signalled, else the core type (2 = AAC-LC). */
  objectType: number;
  objectTypeName: string;
  /** The core codec's object type (2 for HE-AAC over AAC-LC). */
  coreObjectType: number;
  /** Output sample rate: the SBR extension rate when SBR is signalled. */
  sampleRate: number;
  /** Sample rate of the core codec. */
  coreSampleRate: number;
  /** Output channels; 2 for a mono core with PS. 0 when unknown (reserved configuration). */
  channels: number;
  /** channelConfiguration as stored: 0 means the layout came from a program config element. */
  channelConfiguration: number;
  /** Explicitly signalled SBR (hierarchical AOT 5/29, or the backward-compatible 0x2b7 extension). */
  sbr: boolean;
  ps: boolean;
}

const AOT_ESCAPE = 31;
const AOT_SBR = 5;
const AOT_PS = 29;
const AOT_ER_BSAC = 22;
const SYNC_EXTENSION_SBR = 0x2b7;
const SYNC_EXTENSION_PS = 0x548;
const EXPLICIT_RATE_INDEX = 15;

const SAMPLE_RATES = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];

/** channelConfiguration → channels (1..7 as in 14496-3, 11..14 from its later amendments). */
const CHANNELS_BY_CONFIGURATION: ReadonlyMap<number, number> = new Map([
  [1, 1], [2, 2], [3, 3], [4, 4], [5, 5], [6, 6], [7, 8], [11, 7], [12, 8], [13, 24], [14, 8],
]);

/** Object types whose specific config is GASpecificConfig (where a PCE can live). */
const GA_OBJECT_TYPES = new Set([1, 2, 3, 4, 6, 7, 17, 19, 20, 21, 22, 23]);
/** Error-resilient types, which carry epConfig after their specific config. */
const ER_OBJECT_TYPES = new Set([17, 19, 20, 21, 22, 23, 24, 25, 26, 27, 39]);

const OBJECT_TYPE_NAMES: ReadonlyMap<number, string> = new Map([
  [1, 'AAC Main'], [2, 'AAC-LC'], [3, 'AAC SSR'], [4, 'AAC LTP'], [5, 'HE-AAC'], [6, 'AAC Scalable'],
  [7, 'TwinVQ'], [8, 'CELP'], [9, 'HVXC'], [12, 'TTSI'], [13, 'Main Synthetic'], [14, 'Wavetable Synthesis'],
  [15, 'General MIDI'], [16, 'Algorithmic Synthesis'], [17, 'ER AAC-LC'], [19, 'ER AAC LTP'],
  [20, 'ER AAC Scalable'], [21, 'ER TwinVQ'], [22, 'ER BSAC'], [23, 'ER AAC LD'], [24, 'ER CELP'],
  [25, 'ER HVXC'], [26, 'ER HILN'], [27, 'ER Parametric'], [28, 'SSC'], [29, 'HE-AACv2'],
  [30, 'MPEG Surround'], [32, 'MPEG-1/2 Layer 1'], [33, 'MPEG-1/2 Layer 2'], [34, 'MPEG-1/2 Layer 3'],
  [35, 'DST'], [36, 'ALS'], [37, 'SLS'], [38, 'SLS non-core'], [39, 'ER AAC ELD'], [40, 'SMR Simple'],
  [41, 'SMR Main'], [42, 'USAC'], [43, 'SAOC'], [44, 'LD MPEG Surround'], [45, 'SAOC-DE'],
]);

/** Name of an audio object type ('AAC-LC', 'HE-AAC', ...), or "Object type N" for unlisted ones. */
export function aacObjectTypeName(objectType: number): string {
  return OBJECT_TYPE_NAMES.get(objectType) ?? `Object type ${objectType}`;
}

/** Parse an AudioSpecificConfig. Null when it is truncated or uses a reserved sample rate. */
export function parseAudioSpecificConfig(bytes: Uint8Array): AudioSpecificConfig | null {
  const r = new BitReader(bytes);
  let coreObjectType = readObjectType(r);
  const coreSampleRate = readSampleRate(r);
  const channelConfiguration = r.readBits(4);
  if (r.overrun || coreObjectType === 0 || coreSampleRate === null) return null;

  let sbr = false;
  let ps = false;
  let sampleRate = coreSampleRate;
  // Hierarchical signalling: the SBR/PS type comes first, then the extension rate and the core type.
  if (coreObjectType === AOT_SBR || coreObjectType === AOT_PS) {
    sbr = true;
    ps = coreObjectType === AOT_PS;
    const extensionRate = readSampleRate(r);
    coreObjectType = readObjectType(r);
    if (r.overrun || extensionRate === null || coreObjectType === 0) return null;
    sampleRate = extensionRate;
    if (coreObjectType === AOT_ER_BSAC) r.skipBits(4); // extensionChannelConfiguration
  }

  let channels = CHANNELS_BY_CONFIGURATION.get(channelConfiguration) ?? 0;
  let specificConfigParsed = false;
  if (GA_OBJECT_TYPES.has(coreObjectType)) {
    const pceChannels = readGaSpecificConfig(r, coreObjectType, channelConfiguration);
    if (r.overrun) return null;
    if (pceChannels !== null) channels = pceChannels;
    specificConfigParsed = true;
  }
  if (specificConfigParsed && ER_OBJECT_TYPES.has(coreObjectType)) r.skipBits(2); // epConfig

  // Backward-compatible signalling: a sync extension after the core config, which old decoders ignore.
  if (specificConfigParsed && !sbr && !r.overrun && r.bitsLeft >= 16) {
    const extension = readSyncExtension(r);
    if (extension) {
      sbr = extension.sbr;
      ps = extension.ps;
      if (extension.sampleRate !== null) sampleRate = extension.sampleRate;
    }
  }

  if (ps && channels === 1) channels = 2;
  const objectType = ps ? AOT_PS : sbr ? AOT_SBR : coreObjectType;
  return {
    objectType,
    objectTypeName: aacObjectTypeName(objectType),
    coreObjectType,
    sampleRate,
    coreSampleRate,
    channels,
    channelConfiguration,
    sbr,
    ps,
  };
}

/** 5-bit object type; 31 escapes to 32 + 6 more bits. */
function readObjectType(r: BitReader): number {
  const type = r.readBits(5);
  return type === AOT_ESCAPE ? 32 + r.readBits(6) : type;
}

/** 4-bit index into the rate table, 15 = explicit 24-bit rate. Null for reserved indexes and rate 0. */
function readSampleRate(r: BitReader): number | null {
  const index = r.readBits(4);
  if (index === EXPLICIT_RATE_INDEX) {
    const rate = r.readBits(24);
    return rate > 0 ? rate : null;
  }
  return SAMPLE_RATES[index] ?? null;
}

/** GASpecificConfig (§4.4.1). Returns the channel count from its PCE when channelConfiguration is 0, else null. */
function readGaSpecificConfig(r: BitReader, objectType: number, channelConfiguration: number): number | null {
  r.skipBits(1); // frameLengthFlag
  if (r.readBit() === 1) r.skipBits(14); // dependsOnCoreCoder → coreCoderDelay
  const extensionFlag = r.readBit();
  const pceChannels = channelConfiguration === 0 ? readProgramConfigElementChannels(r) : null;
  if (objectType === 6 || objectType === 20) r.skipBits(3); // layerNr
  if (extensionFlag === 1) {
    if (objectType === AOT_ER_BSAC) r.skipBits(5 + 11); // numOfSubFrame, layer_length
    if (objectType === 17 || objectType === 19 || objectType === 20 || objectType === 23) r.skipBits(3); // resilience flags
    r.skipBits(1); // extensionFlag3
  }
  return pceChannels;
}

/**
 * program_config_element (§4.4.1.1): count the channels it places. Every count field is at most
 * 4 bits wide, so the loops are bounded by 15 elements each.
 */
function readProgramConfigElementChannels(r: BitReader): number {
  r.skipBits(4 + 2 + 4); // element_instance_tag, object_type, sampling_frequency_index
  const front = r.readBits(4);
  const side = r.readBits(4);
  const back = r.readBits(4);
  const lfe = r.readBits(2);
  const assocData = r.readBits(3);
  const validCc = r.readBits(4);
  if (r.readBit() === 1) r.skipBits(4); // mono_mixdown_element_number
  if (r.readBit() === 1) r.skipBits(4); // stereo_mixdown_element_number
  if (r.readBit() === 1) r.skipBits(3); // matrix_mixdown_idx, pseudo_surround_enable
  let channels = 0;
  for (let i = 0; i < front + side + back; i++) {
    channels += r.readBit() === 1 ? 2 : 1; // is_cpe
    r.skipBits(4); // element_tag_select
  }
  channels += lfe;
  r.skipBits(lfe * 4 + assocData * 4 + validCc * 5);
  r.byteAlign();
  const commentBytes = r.readBits(8);
  r.skipBits(commentBytes * 8);
  return channels;
}

/** The 0x2b7 sync extension that signals SBR (and then 0x548 for PS) to decoders that look for it. */
function readSyncExtension(r: BitReader): { sbr: boolean; ps: boolean; sampleRate: number | null } | null {
  if (r.readBits(11) !== SYNC_EXTENSION_SBR) return null;
  const extensionType = readObjectType(r);
  if (extensionType !== AOT_SBR) return null;
  const sbr = r.readBit() === 1;
  if (!sbr || r.overrun) return { sbr: false, ps: false, sampleRate: null };
  const sampleRate = readSampleRate(r);
  if (r.overrun || sampleRate === null) return null;
  let ps = false;
  if (r.bitsLeft >= 12 && r.readBits(11) === SYNC_EXTENSION_PS) ps = r.readBit() === 1;
  return { sbr, ps: ps && !r.overrun, sampleRate };
}
