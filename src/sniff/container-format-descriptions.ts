import type { ContainerFormat } from '../probe/media-info.js';

/** What a format normally holds; MP4 is 'video' here and the probe refines it from the tracks. */
export type SniffedKind = 'video' | 'audio' | 'image' | 'other' | 'unknown-media';

export interface FormatDescription {
  formatName: string;
  mimeType: string | null;
  kind: SniffedKind;
}

/** Default name, MIME type and kind per format; the sniffer refines a few (3g2, HEIC, Ogg video). */
export const formatDescriptions: Readonly<Record<ContainerFormat, FormatDescription>> = {
  mp4: { formatName: 'MPEG-4 (ISO-BMFF)', mimeType: 'video/mp4', kind: 'video' },
  mov: { formatName: 'QuickTime', mimeType: 'video/quicktime', kind: 'video' },
  m4a: { formatName: 'MPEG-4 Audio', mimeType: 'audio/mp4', kind: 'audio' },
  '3gp': { formatName: '3GPP', mimeType: 'video/3gpp', kind: 'video' },
  heif: { formatName: 'HEIF', mimeType: 'image/heif', kind: 'image' },
  avif: { formatName: 'AVIF', mimeType: 'image/avif', kind: 'image' },
  webm: { formatName: 'WebM', mimeType: 'video/webm', kind: 'video' },
  matroska: { formatName: 'Matroska', mimeType: 'video/x-matroska', kind: 'video' },
  avi: { formatName: 'AVI', mimeType: 'video/x-msvideo', kind: 'video' },
  mpegts: { formatName: 'MPEG-TS', mimeType: 'video/mp2t', kind: 'video' },
  mpegps: { formatName: 'MPEG-PS', mimeType: 'video/mpeg', kind: 'video' },
  ogg: { formatName: 'Ogg', mimeType: 'audio/ogg', kind: 'audio' },
  flv: { formatName: 'Flash Video', mimeType: 'video/x-flv', kind: 'video' },
  asf: { formatName: 'ASF (Windows Media)', mimeType: 'video/x-ms-asf', kind: 'video' },
  mp3: { formatName: 'MP3', mimeType: 'audio/mpeg', kind: 'audio' },
  'aac-adts': { formatName: 'AAC (ADTS)', mimeType: 'audio/aac', kind: 'audio' },
  wav: { formatName: 'WAVE', mimeType: 'audio/wav', kind: 'audio' },
  flac: { formatName: 'FLAC', mimeType: 'audio/flac', kind: 'audio' },
  gif: { formatName: 'GIF', mimeType: 'image/gif', kind: 'image' },
  jpeg: { formatName: 'JPEG', mimeType: 'image/jpeg', kind: 'image' },
  png: { formatName: 'PNG', mimeType: 'image/png', kind: 'image' },
  webp: { formatName: 'WebP', mimeType: 'image/webp', kind: 'image' },
  bmp: { formatName: 'BMP', mimeType: 'image/bmp', kind: 'image' },
  tiff: { formatName: 'TIFF', mimeType: 'image/tiff', kind: 'image' },
  pdf: { formatName: 'PDF', mimeType: 'application/pdf', kind: 'other' },
  zip: { formatName: 'ZIP archive', mimeType: 'application/zip', kind: 'other' },
  html: { formatName: 'HTML', mimeType: 'text/html', kind: 'other' },
  xml: { formatName: 'XML', mimeType: 'application/xml', kind: 'other' },
  text: { formatName: 'Plain text', mimeType: 'text/plain', kind: 'other' },
  unknown: { formatName: 'Unknown', mimeType: null, kind: 'unknown-media' },
};
