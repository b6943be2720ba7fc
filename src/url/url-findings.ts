import type { Issue } from '../validate/issue.js';
import type { TargetProfile } from '../targets/target-profile.js';
import { urlIssue, type UrlIssueCode, type UrlIssueDetails } from './url-issue.js';
import type { UrlFailure } from './url-failure.js';
import type { RedirectHop } from './crawler-client.js';

/** What the check learnt about the exchange, beyond the Report (for callers, the CLI and the bench). */
export type UrlCheckFacts = {
  /** Which transport ran: `node` (full crawler view) or `browser` (fetch; CORS hides some facts). */
  transport: 'node' | 'browser';
  /** Every HTTP request made: media (opening + probe) and robots.txt. */
  requests: number;
  mediaRequests: number;
  robotsRequests: number;
  /** Body bytes read over every request. */
  bytesDownloaded: number;
  /** Body bytes read for the media (opening + probe), without robots.txt. */
  mediaBytesDownloaded: number;
  redirects: RedirectHop[];
  /** Where the media answered from (redacted: no query). */
  finalUrl: string | null;
  /** The address the socket connected to, when known. */
  remoteAddress: string | null;
  status: number | null;
  contentType: string | null;
  sizeBytes: number | null;
  rangeSupported: boolean | null;
  firstByteMs: number | null;
  elapsedMs: number;
  /** Presigned URL expiry (ISO 8601), when the URL carries one. */
  expiresAt: string | null;
  robots: 'allowed' | 'disallowed' | 'missing' | 'unknown' | 'not-checked';
  /** Facts the check could not see here (browser/CORS), each a short phrase. */
  unchecked: string[];
  notes: string[];
};

/** Collects the URL issues, notes and facts of one check. */
export class UrlFindings {
  readonly issues: Issue[] = [];
  readonly facts: UrlCheckFacts = {
    transport: 'node',
    requests: 0,
    mediaRequests: 0,
    robotsRequests: 0,
    bytesDownloaded: 0,
    mediaBytesDownloaded: 0,
    redirects: [],
    finalUrl: null,
    remoteAddress: null,
    status: null,
    contentType: null,
    sizeBytes: null,
    rangeSupported: null,
    firstByteMs: null,
    elapsedMs: 0,
    expiresAt: null,
    robots: 'not-checked',
    unchecked: [],
    notes: [],
  };

  constructor(readonly target: TargetProfile) {}

  add(code: UrlIssueCode, details: UrlIssueDetails): void {
    this.issues.push(urlIssue(code, details, this.target));
  }

  has(code: UrlIssueCode): boolean {
    return this.issues.some((i) => i.code === code);
  }

  /** A failure that ended an exchange, as its issue. */
  addFailure(failure: UrlFailure, expected: string): void {
    this.add(failure.code, { message: failure.message, expected, actual: failure.actual });
  }

  note(text: string): void {
    this.facts.notes.push(text);
  }
}
