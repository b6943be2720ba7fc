import { probe, type ProbeOptions } from '../probe/probe.js';
import type { ProbeInput } from '../sources/open-source.js';
import { resolveTarget, type TargetInput } from '../targets/targets.js';
import type { Report } from './report.js';
import { validate } from './validate.js';

/** Options for {@link preflight}. */
export type PreflightOptions = ProbeOptions & {
  /** Target id (`threads`, `instagram-reels`, ...) or a custom profile. @default 'threads' */
  target?: TargetInput;
};

/**
 * Probes an input and validates it against a target: the one call an upload form or a pipeline needs.
 * I/O failures (missing file, HTTP error) and aborts reject; everything about the media is an issue.
 *
 * @example
 * const report = await preflight(file, { target: 'threads' });
 * if (!report.ok) showIssues(report.issues);
 */
export async function preflight(input: ProbeInput, options: PreflightOptions = {}): Promise<Report> {
  const target = resolveTarget(options.target ?? 'threads');
  const media = await probe(input, options);
  const { ok, issues } = validate(media, target);
  return { input: inputLabel(input), target: target.id, ok, media, issues };
}

/** A readable label for any input kind. */
export function inputLabel(input: ProbeInput): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  if (typeof Blob !== 'undefined' && input instanceof Blob) return (input as File).name ?? 'blob';
  if (typeof input === 'object' && input !== null && 'name' in input && typeof input.name === 'string') return input.name;
  return 'bytes';
}
