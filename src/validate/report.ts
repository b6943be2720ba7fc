import * as z from 'zod/mini';
import { MediaInfoSchema } from '../probe/media-info.js';
import { IssueSchema } from './issue.js';

/** One checked input: the contract of `check --json` (DESIGN.md), schemaVersion 1. */
export const ReportSchema = z.object({
  /** The input as given (path, URL, file name). */
  input: z.string(),
  /** Target id. */
  target: z.string(),
  ok: z.boolean(),
  /** Null when the input could not be opened at all (I/O error); the issue says why. */
  media: z.nullable(MediaInfoSchema),
  issues: z.array(IssueSchema),
});
/** The result of checking one input against one target. */
export type Report = z.infer<typeof ReportSchema>;

/** The whole `check --json` document. `post` holds post-level issues (carousel item count). */
export const CheckOutputSchema = z.object({
  schemaVersion: z.literal(1),
  reports: z.array(ReportSchema),
  post: z.optional(z.object({ ok: z.boolean(), issues: z.array(IssueSchema) })),
});
/** The `check --json` document. */
export type CheckOutput = z.infer<typeof CheckOutputSchema>;
