import type { UrlIssueCode } from './url-issue.js';

/** A finding that ends an exchange with the server: the check turns it into a `url-*` issue. */
export class UrlFailure extends Error {
  override name = 'UrlFailure';
  readonly code: UrlIssueCode;
  /** What was seen, for the issue's `actual`. */
  readonly actual: string;

  constructor(code: UrlIssueCode, message: string, actual: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.code = code;
    this.actual = actual;
  }
}
