import type { Severity, Source } from './target-profile.js';

/** A documented requirement: breaking it is a rejection the platform describes. */
export function required<T>(value: T, source: Source): { value: T; severity: Severity; source: Source } {
  return { value, severity: 'error', source };
}

/** A recommendation, or a figure the platform does not document as a rejection. */
export function recommended<T>(value: T, source: Source): { value: T; severity: Severity; source: Source } {
  return { value, severity: 'warning', source };
}

export const MB = 1_000_000;
export const MiB = 1024 * 1024;
export const GB = 1_000_000_000;
