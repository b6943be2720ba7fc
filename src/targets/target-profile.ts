import * as z from 'zod/mini';
import { ChromaSubsamplingSchema } from '../probe/media-info.js';

/**
 * A target profile is data: each limit carries the value, how bad breaking it is, and where the
 * figure comes from, so a report can cite its source and users can extend or replace any limit.
 */

export const SeveritySchema = z.enum(['error', 'warning']);
/** `error` where the platform documents a rejection, `warning` for recommendations. */
export type Severity = z.infer<typeof SeveritySchema>;

/** zod schema of {@link Source}. */
export const SourceSchema = z.object({
  /** The page the figure comes from. */
  url: z.string(),
  /** When the copy we read was current (YYYY-MM or YYYY-MM-DD). */
  retrieved: z.string(),
  /** Conflicts between the platform's own pages, and which figure we took. */
  note: z.optional(z.string()),
});
/** Where a limit comes from: page, date of the copy read, and notes on conflicts. */
export type Source = z.infer<typeof SourceSchema>;

/** A limit: its value, its severity (error = the platform documents a rejection) and its source. */
export function limit<T extends z.ZodMiniType>(value: T) {
  return z.object({ value, severity: SeveritySchema, source: SourceSchema });
}

const Range = z
  .object({ min: z.optional(z.number()), max: z.optional(z.number()) })
  .check(z.refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, { message: 'min must not exceed max' }));

/** zod schema of {@link VideoRules}. */
export const VideoRulesSchema = z.partial(
  z.object({
    containers: limit(z.array(z.string()).check(z.minLength(1))),
    faststart: limit(z.literal(true)),
    noEditLists: limit(z.literal(true)),
    videoCodecs: limit(z.array(z.string()).check(z.minLength(1))),
    /** H.264 profiles allowed or recommended (YouTube, X recommend High). */
    h264Profiles: limit(z.array(z.string()).check(z.minLength(1))),
    chroma: limit(z.array(ChromaSubsamplingSchema).check(z.minLength(1))),
    maxBitDepth: limit(z.int().check(z.positive())),
    progressive: limit(z.literal(true)),
    closedGop: limit(z.literal(true)),
    /** Longest keyframe interval in seconds (Facebook: closed GOP of 2–5 s). */
    keyframeInterval: limit(Range),
    frameRate: limit(Range),
    constantFrameRate: limit(z.literal(true)),
    width: limit(Range),
    height: limit(Range),
    /** Longest and shortest side of the displayed picture, for platforms that state sides, not width. */
    longSide: limit(Range),
    shortSide: limit(Range),
    /** Width / height of the displayed picture. */
    aspectRatio: limit(Range),
    /** Displayed aspect ratio the platform recommends (e.g. 9:16 = 0.5625). */
    recommendedAspectRatio: limit(z.number().check(z.positive())),
    squarePixels: limit(z.literal(true)),
    videoBitrate: limit(Range),
    audioRequired: limit(z.literal(true)),
    audioCodecs: limit(z.array(z.string()).check(z.minLength(1))),
    /** AAC profiles: X refuses HE-AAC. */
    aacProfiles: limit(z.array(z.string()).check(z.minLength(1))),
    sampleRate: limit(Range),
    sampleRates: limit(z.array(z.int().check(z.positive())).check(z.minLength(1))),
    channels: limit(Range),
    audioBitrate: limit(Range),
    duration: limit(Range),
    fileSize: limit(Range),
  }),
);
/** The video limits of a target; every field is optional. */
export type VideoRules = z.infer<typeof VideoRulesSchema>;

/** zod schema of {@link ImageRules}. */
export const ImageRulesSchema = z.partial(
  z.object({
    formats: limit(z.array(z.string()).check(z.minLength(1))),
    fileSize: limit(Range),
    width: limit(Range),
    height: limit(Range),
    aspectRatio: limit(Range),
    animated: limit(z.literal(false)),
  }),
);
/** The image limits of a target; every field is optional. */
export type ImageRules = z.infer<typeof ImageRulesSchema>;

/** zod schema of {@link TargetProfile}; `resolveTarget` uses it to check custom profiles. */
export const TargetProfileSchema = z.object({
  /** Stable id used on the command line: `threads`, `instagram-reels`, ... */
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case words joined by hyphens')),
  name: z.string(),
  platform: z.string(),
  /** What the target publishes; a file of another kind gets `video-format` or `image-format`. */
  accepts: z.array(z.enum(['video', 'image'])).check(z.minLength(1)),
  video: z.optional(VideoRulesSchema),
  image: z.optional(ImageRulesSchema),
  /** Several files form one post (carousel): how many. */
  items: z.optional(limit(Range)),
  /** Where figures disagree and other context for people reading the targets table. */
  notes: z.array(z.string()),
});
/** A platform target: what it accepts and its limits, each with severity and source. */
export type TargetProfile = z.infer<typeof TargetProfileSchema>;
