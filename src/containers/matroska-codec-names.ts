/** Matroska CodecID → the normalised codec names the rest of the library uses. */

const exact: Record<string, string> = {
  V_VP9: 'vp9',
  V_VP8: 'vp8',
  V_AV1: 'av1',
  'V_MPEG4/ISO/AVC': 'h264',
  'V_MPEGH/ISO/HEVC': 'hevc',
  'V_MPEGI/ISO/VVC': 'vvc',
  V_MPEG1: 'mpeg1video',
  V_MPEG2: 'mpeg2video',
  'V_MPEG4/ISO/SP': 'mpeg4',
  'V_MPEG4/ISO/ASP': 'mpeg4',
  'V_MPEG4/ISO/AP': 'mpeg4',
  'V_MPEG4/MS/V3': 'msmpeg4v3',
  V_THEORA: 'theora',
  V_PRORES: 'prores',
  V_FFV1: 'ffv1',
  V_MJPEG: 'mjpeg',
  A_OPUS: 'opus',
  A_VORBIS: 'vorbis',
  A_FLAC: 'flac',
  A_ALAC: 'alac',
  'A_MPEG/L3': 'mp3',
  'A_MPEG/L2': 'mp2',
  'A_MPEG/L1': 'mp1',
  A_AC3: 'ac3',
  A_EAC3: 'eac3',
  A_DTS: 'dts',
  A_TRUEHD: 'truehd',
  'S_TEXT/UTF8': 'subrip',
  'S_TEXT/ASS': 'ass',
  'S_TEXT/SSA': 'ass',
  'S_TEXT/WEBVTT': 'webvtt',
  'D_WEBVTT/SUBTITLES': 'webvtt',
  'S_HDMV/PGS': 'hdmv_pgs_subtitle',
  S_VOBSUB: 'dvd_subtitle',
};

export function matroskaCodecName(codecId: string): string {
  const known = exact[codecId];
  if (known) return known;
  // A_AAC, A_AAC/MPEG4/LC, A_AAC/MPEG2/LC/SBR, ...
  if (codecId === 'A_AAC' || codecId.startsWith('A_AAC/')) return 'aac';
  // A_PCM/INT/LIT, A_PCM/INT/BIG, A_PCM/FLOAT/IEEE
  if (codecId.startsWith('A_PCM/')) return 'pcm';
  return 'unknown';
}
