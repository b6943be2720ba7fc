import * as z from 'zod/mini';

/**
 * What `classifyPlatformError` returns: the next step (action), whether the same request may be
 * sent again, and how long to wait first. Plain data, JSON-serialisable apart from `raw`.
 */

/** The next step, from the point of view of whoever publishes. */
export const verdictActions = ['reconnect', 'retry', 'fix-input', 'fix-url', 'resolve-in-app', 'fix-app', 'unknown'] as const;
export const VerdictActionSchema = z.enum(verdictActions);
export type VerdictAction = z.infer<typeof VerdictActionSchema>;

/** What kind of failure it is; several categories can share an action. */
export const verdictCategories = [
  'auth', 'rate-limit', 'processing', 'transient', 'media', 'url', 'account', 'permission', 'content', 'unknown',
] as const;
export const VerdictCategorySchema = z.enum(verdictCategories);
export type VerdictCategory = z.infer<typeof VerdictCategorySchema>;

// The error patterns the Threads error guide documents by name: one enum shared with validation issues.
import { DocumentedErrorSchema, type DocumentedError } from '../validate/issue.js';
export { DocumentedErrorSchema, type DocumentedError };

/** Who answered; `meta` when a Graph error could come from Facebook, Instagram or Threads alike. */
export const errorPlatforms = ['meta', 'threads', 'instagram', 'tiktok'] as const;
export const ErrorPlatformSchema = z.enum(errorPlatforms);
export type ErrorPlatform = z.infer<typeof ErrorPlatformSchema>;

/** zod schema of {@link PlatformErrorVerdict}. */
export const PlatformErrorVerdictSchema = z.object({
  category: VerdictCategorySchema,
  action: VerdictActionSchema,
  /** False whenever sending the same payload again would fail the same way (the guide's retry-safety rule). */
  retryable: z.boolean(),
  /** The least wait before a retry, in seconds: from Retry-After, Meta's usage headers or Meta's own advice. */
  retryAfterSeconds: z.optional(z.number().check(z.nonnegative())),
  documentedError: z.optional(DocumentedErrorSchema),
  /** What the platform said and what to do about it, for people. */
  message: z.string(),
  /** The input, kept as given so nothing the platform said is lost. */
  raw: z.unknown(),
  platform: z.optional(ErrorPlatformSchema),
  /** Graph error code (number), TikTok error code or fail_reason, or Threads error_message (string). */
  code: z.optional(z.union([z.number(), z.string()])),
  subcode: z.optional(z.number()),
  /** HTTP status, when the input was (or carried) an HTTP response. */
  httpStatus: z.optional(z.int()),
});
/** What to do about a platform error: reconnect, retry (and when), fix the input, URL or app. */
export type PlatformErrorVerdict = z.infer<typeof PlatformErrorVerdictSchema>;
