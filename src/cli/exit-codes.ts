/** The CLI's exit statuses (DESIGN.md): a damaged file is a finding, not a crash. */
export const exitCodes = {
  /** Every input passes. */
  ok: 0,
  /** At least one input has an error-level finding (or is unreadable). */
  findings: 1,
  /** Usage error or an input that could not be read at all (missing file, HTTP failure). */
  usage: 2,
} as const;

/** Thrown for bad arguments; main prints the message and the usage hint, then exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
