/** AVI codec identifiers → the normalised codec names the rest of the library uses. */

/** BITMAPINFOHEADER biCompression (or strh fccHandler) FourCCs, upper-cased. */
const videoFourccs: Record<string, string> = {
  H264: 'h264', X264: 'h264', AVC1: 'h264', DAVC: 'h264', VSSH: 'h264',
  HEVC: 'hevc', H265: 'hevc', HVC1: 'hevc', HEV1: 'hevc', X265: 'hevc',
  FMP4: 'mpeg4', XVID: 'mpeg4', DIVX: 'mpeg4', DX50: 'mpeg4', MP4V: 'mpeg4', M4S2: 'mpeg4', '3IV2': 'mpeg4',
  DIV3: 'msmpeg4v3', MP43: 'msmpeg4v3', MP42: 'msmpeg4v2',
  MJPG: 'mjpeg', AVRN: 'mjpeg',
  MPG1: 'mpeg1video', MPG2: 'mpeg2video',
  VP80: 'vp8', VP90: 'vp9', AV01: 'av1',
  WMV1: 'wmv1', WMV2: 'wmv2', WMV3: 'wmv3', WVC1: 'vc1',
  DVSD: 'dvvideo', FFV1: 'ffv1', HFYU: 'huffyuv', APCN: 'prores', APCH: 'prores',
};

export function aviVideoCodecName(fourcc: string): string {
  if (fourcc === '\0\0\0\0') return 'rawvideo'; // BI_RGB
  return videoFourccs[fourcc.toUpperCase()] ?? 'unknown';
}

/** WAVEFORMATEX wFormatTag values. */
const formatTags: Record<number, string> = {
  0x0001: 'pcm',
  0x0003: 'pcm', // IEEE float
  0x0002: 'adpcm_ms',
  0x0006: 'pcm_alaw',
  0x0007: 'pcm_mulaw',
  0x0011: 'adpcm_ima_wav',
  0x0050: 'mp2',
  0x0055: 'mp3',
  0x00ff: 'aac',
  0x706d: 'aac',
  0x1610: 'aac',
  0x0160: 'wmav1',
  0x0161: 'wmav2',
  0x0162: 'wmapro',
  0x2000: 'ac3',
  0x2001: 'dts',
  0xf1ac: 'flac',
  0x704f: 'opus',
};

/** WAVE_FORMAT_EXTENSIBLE: the real tag is in the first two bytes of the SubFormat GUID. */
export const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

export function aviAudioCodecName(formatTag: number): string {
  return formatTags[formatTag] ?? 'unknown';
}
