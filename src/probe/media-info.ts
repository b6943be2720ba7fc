import * as z from 'zod/mini';

/**
 * The probe's result: one plain object with real numbers and units in the names.
 * No mp4box type leaks out of here; everything is JSON-serialisable.
 */

/** Container formats the sniffer tells apart. */
export const containerFormats = [
  'mp4', 'mov', 'm4a', '3gp', 'heif', 'avif',
  'webm', 'matroska', 'avi', 'mpegts', 'mpegps', 'ogg', 'flv', 'asf',
  'mp3', 'aac-adts', 'wav', 'flac',
  'gif', 'jpeg', 'png', 'webp', 'bmp', 'tiff',
  'pdf', 'zip', 'html', 'xml', 'text', 'unknown',
] as const;
/** zod schema of {@link ContainerFormat}. */
export const ContainerFormatSchema = z.enum(containerFormats);
/** A container format the sniffer recognises (`mp4`, `mov`, `webm`, `jpeg`, `pdf`, `unknown`, ...). */
export type ContainerFormat = z.infer<typeof ContainerFormatSchema>;

/** zod schema of {@link MediaKind}. */
export const MediaKindSchema = z.enum(['video', 'audio', 'image', 'other']);
/** What a file is for publishing purposes: video, audio, image or other. */
export type MediaKind = z.infer<typeof MediaKindSchema>;

/** Why a file could not be read. `offset` is the byte where the damage starts, when known. */
export const UnreadableReasonSchema = z.enum([
  'empty',
  'truncated',
  'no-moov',
  'corrupt-box',
  'limit-exceeded',
  'no-tracks',
  'timeout',
  'unsupported',
]);
/** A stable reason code for an unreadable file. */
export type UnreadableReason = z.infer<typeof UnreadableReasonSchema>;

/** zod schema of {@link Unreadable}. */
export const UnreadableSchema = z.object({
  reason: UnreadableReasonSchema,
  message: z.string(),
  offset: z.nullable(z.int().check(z.nonnegative())),
});
/** Why a file cannot be parsed, and the byte offset where the damage starts when known. */
export type Unreadable = z.infer<typeof UnreadableSchema>;

/** A top-level box of an ISO-BMFF file, in file order. */
export const BoxSummarySchema = z.object({
  type: z.string(),
  offset: z.int().check(z.nonnegative()),
  sizeBytes: z.int().check(z.nonnegative()),
  truncated: z.boolean(),
});
/** A top-level ISO-BMFF box: type, offset, size, and whether it runs past the end of the file. */
export type BoxSummary = z.infer<typeof BoxSummarySchema>;

/** zod schema of {@link ContainerInfo}. */
export const ContainerInfoSchema = z.object({
  format: ContainerFormatSchema,
  /** Human name, e.g. "MPEG-4 (ISO-BMFF)", "QuickTime", "WebM". */
  formatName: z.string(),
  mimeType: z.nullable(z.string()),
  /** ISO-BMFF brands; null for other containers. */
  brands: z.nullable(z.object({ major: z.string(), minorVersion: z.int(), compatible: z.array(z.string()) })),
  /** moov before the first mdat; null when not ISO-BMFF or no moov. */
  faststart: z.nullable(z.boolean()),
  fragmented: z.boolean(),
  moov: z.nullable(z.object({ offset: z.int(), sizeBytes: z.int() })),
  /** Top-level boxes (ISO-BMFF only), capped at 64 entries with the rest summarised. */
  layout: z.array(BoxSummarySchema),
});
/** The container: format, brands, faststart, fragments and the top-level box layout. */
export type ContainerInfo = z.infer<typeof ContainerInfoSchema>;

/** zod schema of {@link ChromaSubsampling}. */
export const ChromaSubsamplingSchema = z.enum(['4:2:0', '4:2:2', '4:4:4', '4:0:0']);
/** Chroma subsampling: `4:2:0`, `4:2:2`, `4:4:4` or `4:0:0` (monochrome). */
export type ChromaSubsampling = z.infer<typeof ChromaSubsamplingSchema>;

/** zod schema of {@link EditList}. */
export const EditListSchema = z.object({
  /** none: no elst; benign: one segment that only skips priming/B-frame delay; real: anything else. */
  kind: z.enum(['none', 'benign', 'real']),
  segments: z.int().check(z.nonnegative()),
  /** Why a `real` edit list is real: empty edit, several segments, rate other than 1, large skip. */
  detail: z.nullable(z.string()),
  /** Media time skipped at the start, in seconds (priming or B-frame delay). */
  startSkipSeconds: z.number(),
});
/** How a track's edit list changes playback: `none`, `benign` (encoder delay) or `real`. */
export type EditList = z.infer<typeof EditListSchema>;

/** zod schema of {@link Colour}. */
export const ColourSchema = z.object({
  primaries: z.nullable(z.int()),
  transfer: z.nullable(z.int()),
  matrix: z.nullable(z.int()),
  fullRange: z.nullable(z.boolean()),
  /** Where the values came from. */
  source: z.enum(['colr', 'bitstream', 'config']),
});
/** Colour description (ISO/IEC 23091-2 code points) and where it came from. */
export type Colour = z.infer<typeof ColourSchema>;

const trackBase = {
  id: z.int(),
  /** Normalised codec name: h264, hevc, av1, vp9, vp8, prores, mpeg4, aac, mp3, opus, pcm, ... */
  codec: z.string(),
  /** RFC 6381 codec string where one exists (avc1.64001f), else the sample-entry 4CC. */
  codecString: z.string(),
  /** The sample entry's four-character code (avc1, hvc1, hev1, apcn, sowt, mp4a, ...). */
  sampleEntry: z.nullable(z.string()),
  durationSeconds: z.nullable(z.number()),
  bitrateBitsPerSecond: z.nullable(z.number()),
  sizeBytes: z.nullable(z.number()),
  sampleCount: z.nullable(z.int()),
  editList: EditListSchema,
  language: z.nullable(z.string()),
};

/** zod schema of {@link VideoTrack}. */
export const VideoTrackSchema = z.object({
  ...trackBase,
  kind: z.literal('video'),
  profile: z.nullable(z.string()),
  level: z.nullable(z.number()),
  /** Coded picture size from the sample entry (after SPS cropping where known). */
  width: z.int(),
  height: z.int(),
  /** Size as shown: sample aspect ratio applied, then rotation. */
  displayWidth: z.int(),
  displayHeight: z.int(),
  sampleAspectRatio: z.nullable(z.object({ num: z.int(), den: z.int() })),
  /** Clockwise display rotation in degrees from the tkhd matrix: 0, 90, 180 or 270. */
  rotation: z.int(),
  /** Average frames per second over the track. */
  frameRate: z.nullable(z.number()),
  frameRateMode: z.nullable(z.enum(['constant', 'variable'])),
  minFrameRate: z.nullable(z.number()),
  maxFrameRate: z.nullable(z.number()),
  chromaSubsampling: z.nullable(ChromaSubsamplingSchema),
  bitDepth: z.nullable(z.int()),
  interlaced: z.nullable(z.boolean()),
  colour: z.nullable(ColourSchema),
  keyframes: z.nullable(
    z.object({
      count: z.int(),
      /** Longest distance between two keyframes, in seconds. */
      maxIntervalSeconds: z.nullable(z.number()),
      averageIntervalSeconds: z.nullable(z.number()),
      /** Sync samples followed by leading pictures (open GOP); null when it cannot be known. */
      openGopCount: z.nullable(z.int()),
      /** Every sample is a sync sample (intra-only codecs, or no stss box). */
      allIntra: z.boolean(),
    }),
  ),
});
/** A video track: codec, profile, size, rotation, frame rate, chroma, scan, keyframes, edit list. */
export type VideoTrack = z.infer<typeof VideoTrackSchema>;

/** zod schema of {@link AudioTrack}. */
export const AudioTrackSchema = z.object({
  ...trackBase,
  kind: z.literal('audio'),
  /** AAC-LC, HE-AAC, HE-AACv2, ... where the codec has profiles. */
  profile: z.nullable(z.string()),
  sampleRate: z.int(),
  channels: z.int(),
  bitDepth: z.nullable(z.int()),
});
/** An audio track: codec, profile, sample rate, channels, bit depth. */
export type AudioTrack = z.infer<typeof AudioTrackSchema>;

/** zod schema of {@link OtherTrack}. */
export const OtherTrackSchema = z.object({
  ...trackBase,
  kind: z.literal('other'),
  /** Handler type: text, subt, tmcd, meta, ... */
  handler: z.string(),
});
/** A track that is neither video nor audio (subtitles, timecode, metadata). */
export type OtherTrack = z.infer<typeof OtherTrackSchema>;

/** zod schema of {@link Track}: a video, audio or other track, told apart by `kind`. */
export const TrackSchema = z.discriminatedUnion('kind', [VideoTrackSchema, AudioTrackSchema, OtherTrackSchema]);
/** Any track of a file. */
export type Track = z.infer<typeof TrackSchema>;

/** zod schema of {@link ImageInfo}. */
export const ImageInfoSchema = z.object({
  format: z.enum(['jpeg', 'png', 'webp', 'gif', 'heif', 'avif', 'bmp', 'tiff']),
  width: z.int(),
  height: z.int(),
  /** EXIF orientation 1..8 (1 = as stored), null when absent. */
  orientation: z.nullable(z.int()),
  animated: z.boolean(),
  frameCount: z.nullable(z.int()),
  /** JPEG only: progressive scan. */
  progressive: z.nullable(z.boolean()),
  /** rgb, gray, cmyk, ycck, palette, ... */
  colorSpace: z.nullable(z.string()),
  hasAlpha: z.nullable(z.boolean()),
  bitDepth: z.nullable(z.int()),
  /** WebP only. */
  lossless: z.nullable(z.boolean()),
});
/** An image: format, size, EXIF orientation, animation, colour space. */
export type ImageInfo = z.infer<typeof ImageInfoSchema>;

/** zod schema of {@link IoStats}. */
export const IoStatsSchema = z.object({
  bytesRead: z.int().check(z.nonnegative()),
  reads: z.int().check(z.nonnegative()),
});
/** Bytes and reads a probe cost. */
export type IoStats = z.infer<typeof IoStatsSchema>;

/** zod schema of {@link MediaInfo}: the probe result, JSON-serialisable. */
export const MediaInfoSchema = z.object({
  kind: MediaKindSchema,
  sizeBytes: z.int().check(z.nonnegative()),
  durationSeconds: z.nullable(z.number()),
  bitrateBitsPerSecond: z.nullable(z.number()),
  container: ContainerInfoSchema,
  /** The first video track (the one platforms judge), or null. */
  video: z.nullable(VideoTrackSchema),
  /** The first audio track, or null. */
  audio: z.nullable(AudioTrackSchema),
  tracks: z.array(TrackSchema),
  image: z.nullable(ImageInfoSchema),
  /** Non-fatal findings about the file's structure (truncated mdat, trailing garbage, ...). */
  notes: z.array(z.string()),
  /** Set when the file cannot be parsed; the other fields hold what was learnt before the failure. */
  unreadable: z.nullable(UnreadableSchema),
  io: IoStatsSchema,
});
/** What the probe learnt about one input: container, tracks, image, damage, and the I/O it cost. */
export type MediaInfo = z.infer<typeof MediaInfoSchema>;
