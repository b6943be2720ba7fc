import type { TargetProfile } from '../targets/target-profile.js';

/** How a response's Content-Type fits what a target takes. */
export type ContentTypeFit =
  | { fit: 'accepted'; mediaType: string }
  /** A web page where the file should be: the classic "link to the page, not the file". */
  | { fit: 'html'; mediaType: string }
  /** Text, JSON, PDF...: not something a platform accepts as media. */
  | { fit: 'not-media'; mediaType: string }
  /** Missing or application/octet-stream: the crawler has to guess. */
  | { fit: 'unspecific'; mediaType: string | null }
  /** A video/image/audio type the target does not take (video/webm for Threads). */
  | { fit: 'unexpected'; mediaType: string };

/** The MIME types a container or image format is served as. */
const TYPES_BY_FORMAT: Readonly<Record<string, readonly string[]>> = {
  mp4: ['video/mp4'],
  mov: ['video/quicktime'],
  webm: ['video/webm'],
  '3gp': ['video/3gpp'],
  jpeg: ['image/jpeg'],
  png: ['image/png'],
  webp: ['image/webp'],
  gif: ['image/gif'],
  heif: ['image/heic', 'image/heif'],
  avif: ['image/avif'],
  bmp: ['image/bmp'],
  tiff: ['image/tiff'],
};

const UNSPECIFIC = new Set(['application/octet-stream', 'binary/octet-stream', 'application/x-download', 'application/force-download', 'application/unknown']);
const HTML = new Set(['text/html', 'application/xhtml+xml']);

/** `Video/MP4; charset=binary` → `video/mp4`; null when absent or not a type/subtype pair. */
export function parseMediaType(header: string | null | undefined): string | null {
  if (!header) return null;
  const type = header.split(';')[0]!.trim().toLowerCase();
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type) ? type : null;
}

/** The MIME types the target takes, from its containers and image formats. */
export function acceptedMediaTypes(target: TargetProfile): string[] {
  const formats = [
    ...(target.accepts.includes('video') ? (target.video?.containers?.value ?? ['mp4', 'mov']) : []),
    ...(target.accepts.includes('image') ? (target.image?.formats?.value ?? ['jpeg', 'png']) : []),
  ];
  return [...new Set(formats.flatMap((f) => TYPES_BY_FORMAT[f] ?? []))];
}

export function judgeContentType(header: string | null | undefined, target: TargetProfile): ContentTypeFit {
  const mediaType = parseMediaType(header);
  if (mediaType === null || UNSPECIFIC.has(mediaType)) return { fit: 'unspecific', mediaType };
  if (HTML.has(mediaType)) return { fit: 'html', mediaType };
  if (acceptedMediaTypes(target).includes(mediaType)) return { fit: 'accepted', mediaType };
  if (/^(video|image|audio)\//.test(mediaType)) return { fit: 'unexpected', mediaType };
  return { fit: 'not-media', mediaType };
}

/** The kind of media a Content-Type announces, to pick the right size limit before probing. */
export function kindOfMediaType(mediaType: string | null): 'video' | 'image' | null {
  if (mediaType?.startsWith('image/')) return 'image';
  if (mediaType?.startsWith('video/')) return 'video';
  return null;
}
