import * as z from 'zod/mini';
import { SeveritySchema, SourceSchema } from '../targets/target-profile.js';

/**
 * Stable issue codes (DESIGN.md). Messages are for people and may change; codes never are renamed.
 * URL checks add codes that start with `url-`.
 */
export const issueCodes = [
  'file-unreadable',
  'file-size',
  'video-format',
  'moov-not-at-front',
  'edit-list',
  'video-codec',
  'h264-profile',
  'chroma-subsampling',
  'bit-depth',
  'interlaced',
  'open-gop',
  'keyframe-interval',
  'frame-rate',
  'variable-frame-rate',
  'resolution',
  'aspect-ratio',
  'recommended-aspect-ratio',
  'non-square-pixels',
  'video-bitrate',
  'audio-missing',
  'audio-codec',
  'audio-profile',
  'audio-sample-rate',
  'audio-channels',
  'audio-bitrate',
  'duration-exceed',
  'duration-too-short',
  'image-format',
  'image-animated',
  'item-count',
] as const;

/** zod schema of {@link IssueCode}: a known code or any `url-*` code. */
export const IssueCodeSchema = z.union([z.enum(issueCodes), z.string().check(z.regex(/^url-[a-z0-9-]+$/))]);
/** A stable issue code; see {@link issueCodes}. URL checks add `url-*` codes. */
export type IssueCode = (typeof issueCodes)[number] | `url-${string}`;

/** The five errors the Threads error guide documents; an issue names the one it prevents. */
export const DocumentedErrorSchema = z.enum(['video-format', 'video-codec', 'duration-exceed', 'media-fetch-failed', 'media-processing']);
/** One of the five errors the Threads error guide documents by name. */
export type DocumentedError = z.infer<typeof DocumentedErrorSchema>;

/** What the fixer does about an issue; null when a person must decide (too short, wrong content). */
export const RemedySchema = z.enum(['remux', 'trim', 'transcode-video', 'transcode-audio', 'scale', 'pad', 'convert-image', 'rehost']);
/** What the fixer does about an issue. */
export type Remedy = z.infer<typeof RemedySchema>;

/** zod schema of {@link Issue}. */
export const IssueSchema = z.object({
  code: IssueCodeSchema,
  severity: SeveritySchema,
  message: z.string(),
  expected: z.string(),
  actual: z.string(),
  documentedError: z.nullable(DocumentedErrorSchema),
  /** The platform's own error text this would cause, e.g. Threads' `INVALID_FRAME_RATE` (Meta's spelling kept). */
  platformError: z.nullable(z.string()),
  remedy: z.nullable(RemedySchema),
  /** One line for people: how to fix it. */
  fix: z.string(),
  /** Where the limit comes from. */
  source: z.nullable(SourceSchema),
  /** Track id for track-level issues; null for file-level ones. */
  trackId: z.nullable(z.int()),
});
/** One finding against a target: stable code, severity, message and fix for people, and what it prevents. */
export type Issue = z.infer<typeof IssueSchema>;
