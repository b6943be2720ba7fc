/**
 * ISO-BMFF / QuickTime sample-entry 4CCs → normalised codec names (ffprobe's codec_name where one
 * exists), so the probe can name a track even where mp4box has no parser for it.
 */

export interface PcmLayout {
  /** Bits per coded sample when the 4CC fixes it, else null (then it comes from the sample entry). */
  bitsPerSample: number | null;
  /** Byte order the 4CC implies (QuickTime's 'enda' atom can flip in24/in32/fl32/fl64 to little). */
  endianness: 'big' | 'little' | null;
  sampleFormat: 'signed' | 'unsigned' | 'float' | 'mulaw' | 'alaw' | null;
}

export interface SampleEntryCodec {
  codec: string;
  name: string;
  kind: 'video' | 'audio';
  /** ffprobe's profile name where the 4CC fixes it (ProRes flavours). */
  profile?: string;
  pcm?: PcmLayout;
}

function video(codec: string, name: string, profile?: string): SampleEntryCodec {
  return profile === undefined ? { codec, name, kind: 'video' } : { codec, name, kind: 'video', profile };
}

function audio(codec: string, name: string): SampleEntryCodec {
  return { codec, name, kind: 'audio' };
}

function pcm(name: string, bitsPerSample: number | null, endianness: PcmLayout['endianness'], sampleFormat: PcmLayout['sampleFormat']): SampleEntryCodec {
  return { codec: 'pcm', name, kind: 'audio', pcm: { bitsPerSample, endianness, sampleFormat } };
}

const SAMPLE_ENTRIES: ReadonlyMap<string, SampleEntryCodec> = new Map([
  ['avc1', video('h264', 'H.264 / AVC')],
  ['avc2', video('h264', 'H.264 / AVC')],
  ['avc3', video('h264', 'H.264 / AVC')],
  ['avc4', video('h264', 'H.264 / AVC')],
  ['dva1', video('h264', 'H.264 / AVC (Dolby Vision)')],
  ['dvav', video('h264', 'H.264 / AVC (Dolby Vision)')],
  ['hvc1', video('hevc', 'H.265 / HEVC')],
  ['hev1', video('hevc', 'H.265 / HEVC')],
  ['dvh1', video('hevc', 'H.265 / HEVC (Dolby Vision)')],
  ['dvhe', video('hevc', 'H.265 / HEVC (Dolby Vision)')],
  ['av01', video('av1', 'AV1')],
  ['vp09', video('vp9', 'VP9')],
  ['vp08', video('vp8', 'VP8')],
  // mp4v's esds object type could also name MPEG-1/2 video or JPEG; MPEG-4 Part 2 is by far the usual one.
  ['mp4v', video('mpeg4', 'MPEG-4 Part 2')],
  ['apco', video('prores', 'ProRes 422 Proxy', 'Proxy')],
  ['apcs', video('prores', 'ProRes 422 LT', 'LT')],
  ['apcn', video('prores', 'ProRes 422', 'Standard')],
  ['apch', video('prores', 'ProRes 422 HQ', 'HQ')],
  ['ap4h', video('prores', 'ProRes 4444', '4444')],
  ['ap4x', video('prores', 'ProRes 4444 XQ', 'XQ')],
  ['AVdn', video('dnxhd', 'Avid DNxHD')],
  ['AVdh', video('dnxhd', 'Avid DNxHR')],
  ['jpeg', video('mjpeg', 'Motion JPEG')],
  ['mjpa', video('mjpeg', 'Motion JPEG-A')],
  // ffmpeg decodes mjpb with its own "mjpegb" decoder; for upload checks it is Motion JPEG all the same.
  ['mjpb', video('mjpeg', 'Motion JPEG-B')],
  ['s263', video('h263', 'H.263')],
  ['h263', video('h263', 'H.263')],

  // mp4a is usually AAC, but its esds object type decides: see codecFromMp4aObjectType.
  ['mp4a', audio('aac', 'AAC')],
  ['.mp3', audio('mp3', 'MP3')],
  ['Opus', audio('opus', 'Opus')],
  ['fLaC', audio('flac', 'FLAC')],
  ['alac', audio('alac', 'Apple Lossless')],
  ['ac-3', audio('ac3', 'Dolby Digital (AC-3)')],
  ['ec-3', audio('eac3', 'Dolby Digital Plus (E-AC-3)')],
  ['ac-4', audio('ac4', 'Dolby AC-4')],
  ['samr', audio('amr_nb', 'AMR-NB')],
  ['sawb', audio('amr_wb', 'AMR-WB')],

  // sowt/twos carry 8- or 16-bit samples (ffmpeg writes pcm_s8 as sowt); the width comes from the entry.
  ['sowt', pcm('PCM signed little-endian', null, 'little', 'signed')],
  ['twos', pcm('PCM signed big-endian', null, 'big', 'signed')],
  ['lpcm', pcm('PCM (format flags in the sound description)', null, null, null)],
  ['in24', pcm('PCM signed 24-bit', 24, 'big', 'signed')],
  ['in32', pcm('PCM signed 32-bit', 32, 'big', 'signed')],
  ['fl32', pcm('PCM 32-bit float', 32, 'big', 'float')],
  ['fl64', pcm('PCM 64-bit float', 64, 'big', 'float')],
  ['raw ', pcm('PCM unsigned 8-bit', 8, null, 'unsigned')],
  ['NONE', pcm('PCM uncompressed', null, 'big', 'signed')],
  ['ulaw', pcm('G.711 mu-law', 8, null, 'mulaw')],
  ['alaw', pcm('G.711 A-law', 8, null, 'alaw')],
  // ISO/IEC 23003-5: width and byte order live in the pcmC box.
  ['ipcm', pcm('PCM integer (ISO/IEC 23003-5)', null, null, 'signed')],
  ['fpcm', pcm('PCM float (ISO/IEC 23003-5)', null, null, 'float')],
]);

/** What a sample-entry 4CC stands for, or undefined for 4CCs we do not know. Case-sensitive, like 4CCs. */
export function lookupSampleEntry(fourcc: string): SampleEntryCodec | undefined {
  return SAMPLE_ENTRIES.get(fourcc);
}

/**
 * PCM entries store one sample per "frame" (thousands per second), so the probe must summarise
 * their sample tables instead of building an object per sample.
 */
export function isPcmSampleEntry(fourcc: string): boolean {
  return SAMPLE_ENTRIES.get(fourcc)?.codec === 'pcm';
}

/** MPEG-4 audio object types inside an AudioSpecificConfig that are not AAC. */
const NON_AAC_AUDIO_OBJECT_TYPES: ReadonlyMap<number, string> = new Map([
  [32, 'mp1'],
  [33, 'mp2'],
  [34, 'mp3'],
  [36, 'mp4als'],
]);

/** esds objectTypeIndication values for audio (MP4 registration authority, and ffmpeg's ff_mp4_obj_type). */
const MP4A_OBJECT_TYPES: ReadonlyMap<number, string> = new Map([
  [0x40, 'aac'], // MPEG-4 audio: AAC unless the AudioSpecificConfig says otherwise
  [0x66, 'aac'], // MPEG-2 AAC Main
  [0x67, 'aac'], // MPEG-2 AAC LC
  [0x68, 'aac'], // MPEG-2 AAC SSR
  [0x69, 'mp3'], // MPEG-2 audio (ISO/IEC 13818-3); layer 3 in practice
  [0x6b, 'mp3'], // MPEG-1 audio (ISO/IEC 11172-3); ffmpeg maps it to mp3 and lets the parser find the layer
  [0xa5, 'ac3'],
  [0xa6, 'eac3'],
  [0xa9, 'dts'],
  [0xad, 'opus'],
  [0xc1, 'flac'], // non-standard, written by ffmpeg
  [0xdd, 'vorbis'], // non-standard, written by GPAC
  [0xe1, 'qcelp'],
]);

/**
 * Codec of an mp4a entry from its esds objectTypeIndication; for 0x40 the AudioSpecificConfig's
 * object type can name MPEG-1/2 audio or ALS instead of AAC. Undefined for unknown values.
 */
export function codecFromMp4aObjectType(oti: number, audioObjectType?: number): string | undefined {
  if (oti === 0x40 && audioObjectType !== undefined) {
    const other = NON_AAC_AUDIO_OBJECT_TYPES.get(audioObjectType);
    if (other) return other;
  }
  return MP4A_OBJECT_TYPES.get(oti);
}
