import type { DocumentedError, Issue, Remedy } from '../validate/issue.js';
import type { Severity, Source, TargetProfile } from '../targets/target-profile.js';
import { urlSourceFor, type UrlSourceKey } from './url-sources.js';

/** Every finding of the URL check. Codes are stable; messages are for people. */
export const urlIssueCodes = [
  'url-malformed',
  'url-not-ascii',
  'url-credentials',
  'url-not-https',
  'url-private-address',
  'url-dns-failed',
  'url-connection-refused',
  'url-connection-reset',
  'url-unreachable',
  'url-network-error',
  'url-timeout',
  'url-tls-expired',
  'url-tls-self-signed',
  'url-tls-hostname',
  'url-tls-error',
  'url-headers-too-large',
  'url-protocol-error',
  'url-http-401',
  'url-http-403',
  'url-http-404',
  'url-http-410',
  'url-http-429',
  'url-http-5xx',
  'url-http-status',
  'url-redirect-loop',
  'url-too-many-redirects',
  'url-redirect-private',
  'url-redirect-invalid',
  'url-redirects',
  'url-content-type',
  'url-content-type-unspecific',
  'url-content-type-unexpected',
  'url-content-encoding',
  'url-too-large',
  'url-no-length',
  'url-no-range',
  'url-bad-range',
  'url-truncated',
  'url-length-mismatch',
  'url-body-unbounded',
  'url-slow',
  'url-robots-disallowed',
  'url-expired',
  'url-expires-soon',
  'url-probe-budget',
  'url-probe-error',
  'url-cors-blocked',
  'url-cors-limited',
] as const;
/** A `url-*` issue code produced by the URL check. */
export type UrlIssueCode = (typeof urlIssueCodes)[number];

type Defaults = {
  severity: Severity;
  /** The documented error this finding leads to; media-fetch-failed where the crawler's fetch fails. */
  documentedError: DocumentedError | null;
  remedy: Remedy | null;
  fix: string;
  source: UrlSourceKey | null;
};

const fetchFails = (fix: string, source: UrlSourceKey | null = 'publicServer', remedy: Remedy | null = null): Defaults => ({
  severity: 'error',
  documentedError: 'media-fetch-failed',
  remedy,
  fix,
  source,
});
const warn = (fix: string, source: UrlSourceKey | null, documentedError: DocumentedError | null = null, remedy: Remedy | null = null): Defaults => ({
  severity: 'warning',
  documentedError,
  remedy,
  fix,
  source,
});

const REHOST = 'Host the file on a public server or object store (S3, GCS, a CDN) that answers the crawler directly.';

const defaults: Record<UrlIssueCode, Defaults> = {
  'url-malformed': fetchFails('Pass a complete http(s) URL to the file itself.'),
  'url-not-ascii': fetchFails('Percent-encode the URL so it holds only US-ASCII characters.', 'asciiUrl'),
  'url-credentials': warn('Remove the user name and password from the URL; the crawler sends no credentials.', 'publicServer', 'media-fetch-failed', 'rehost'),
  'url-not-https': warn('Serve the file over https.', 'https'),
  'url-private-address': fetchFails(REHOST, 'publicServer', 'rehost'),
  'url-dns-failed': fetchFails('Check the host name; it must resolve in public DNS.', 'publicServer', 'rehost'),
  'url-connection-refused': fetchFails('Make sure the server listens on this port and accepts connections from the internet.', 'publicServer', 'rehost'),
  'url-connection-reset': fetchFails('The server dropped the connection; check its firewall, bot protection or TLS setup.', 'publicServer', 'rehost'),
  'url-unreachable': fetchFails('Make sure the server is reachable from the internet.', 'publicServer', 'rehost'),
  'url-network-error': fetchFails('Check that the server is up and reachable from the internet.', 'publicServer', 'rehost'),
  'url-timeout': fetchFails('Serve the file from a faster host or CDN; the platform gives up on slow downloads.', 'downloadTimeout', 'rehost'),
  'url-tls-expired': fetchFails("Renew the server's TLS certificate.", 'publicServer'),
  'url-tls-self-signed': fetchFails('Use a certificate from a public CA (for example Let\u2019s Encrypt); crawlers do not trust self-signed ones.', 'publicServer'),
  'url-tls-hostname': fetchFails("Use a certificate that names this host (or the URL of the host the certificate names).", 'publicServer'),
  'url-tls-error': fetchFails("Fix the server's TLS setup; the handshake failed.", 'publicServer'),
  'url-headers-too-large': fetchFails('Trim the response headers (cookies, long custom headers).', 'publicServer'),
  'url-protocol-error': fetchFails('The server sent a malformed HTTP response; fix or replace the server.', 'publicServer', 'rehost'),
  'url-http-401': fetchFails('Make the file public (or use a presigned URL); the crawler sends no credentials.', 'publicServer', 'rehost'),
  'url-http-403': fetchFails('Make the file public, allow the crawler in bot protection and robots rules, or use a presigned URL that is valid at publish time.', 'crawlerBlocked', 'rehost'),
  'url-http-404': fetchFails('Check the URL; the server has no file there.', 'publicServer'),
  'url-http-410': fetchFails('The file was removed; upload it again and use the new URL.', 'publicServer'),
  'url-http-429': warn('The server is rate limiting; retry later, or host the file where the crawler is not throttled.', 'publicServer', 'media-fetch-failed'),
  'url-http-5xx': warn('The server had a temporary failure; retry later, and check the server if it persists.', 'publicServer', 'media-fetch-failed'),
  'url-http-status': fetchFails('Serve the file with a 200 (or 206) answer.', 'publicServer'),
  'url-redirect-loop': fetchFails('Fix the redirect rules so the URL ends at the file.', 'publicServer'),
  'url-too-many-redirects': fetchFails('Link the file directly, or with at most one redirect.', 'redirects'),
  'url-redirect-private': fetchFails(REHOST, 'publicServer', 'rehost'),
  'url-redirect-invalid': fetchFails('Fix the redirect: it must carry a Location with an http(s) URL.', 'publicServer'),
  'url-redirects': warn('Link the final URL directly; crawlers may give up on redirects.', 'redirects'),
  'url-content-type': fetchFails('Link the media file itself, not the web page that shows it, and serve it with its media type (video/mp4, image/jpeg...).', 'contentType'),
  'url-content-type-unspecific': warn('Serve the file with its media type (video/mp4, video/quicktime, image/jpeg, image/png).', 'contentType'),
  'url-content-type-unexpected': warn('Serve a format this platform takes, with its media type.', 'contentType'),
  'url-content-encoding': warn('Serve media without Content-Encoding (identity); it is already compressed.', 'crawler'),
  'url-too-large': fetchFails('Make the file smaller (lower bitrate, shorter, smaller picture).', 'fileSize'),
  'url-no-length': warn('Serve the file with a Content-Length header (static hosting or object storage does).', 'crawler'),
  'url-no-range': warn('Serve the file from a host that honours Range requests (answers 206).', 'crawler'),
  'url-bad-range': fetchFails('Fix the server or CDN: a 206 must carry exactly the byte range that was asked for.', 'crawler'),
  'url-truncated': fetchFails('The server closed the connection before sending the whole body; check the server or CDN.', 'publicServer', 'rehost'),
  'url-length-mismatch': fetchFails("The server's Content-Length does not match the bytes it sends; fix the server or CDN.", 'publicServer', 'rehost'),
  'url-body-unbounded': warn('Serve the file with a Content-Length header and Range support; the body never ended within the check\u2019s byte limit.', 'crawler', 'media-fetch-failed'),
  'url-slow': warn('Serve the file from a CDN or a host close to the crawler; the first bytes arrived late.', 'crawler'),
  'url-robots-disallowed': warn('Allow facebookexternalhit in robots.txt for the media path (User-agent: facebookexternalhit / Allow: /).', 'robots', 'media-fetch-failed'),
  'url-expired': fetchFails('Make a new presigned URL, valid for at least the publishing window.', 'publicServer'),
  'url-expires-soon': warn('Make the presigned URL valid for longer than publishing takes (an hour or more).', 'publicServer', 'media-fetch-failed'),
  'url-probe-budget': warn('Put the moov at the front (ffmpeg -movflags +faststart) and serve the file with Range support.', 'crawler'),
  'url-probe-error': warn('Check the file locally (media-preflight check FILE); the remote probe could not read it.', null),
  'url-cors-blocked': warn('Run the URL check in Node or with the CLI (media-preflight check URL), which sees what the crawler sees.', null),
  'url-cors-limited': warn('Expose the headers to the page (Access-Control-Expose-Headers: Content-Range, Content-Length), or run the check in Node or with the CLI.', null),
};

export type UrlIssueDetails = {
  message: string;
  expected: string;
  actual: string;
  severity?: Severity;
  fix?: string;
  remedy?: Remedy | null;
  documentedError?: DocumentedError | null;
  /** Overrides the code's default source (a target's own limit). */
  source?: Source | null;
};

/** Threads' container status for a failed download, which Instagram containers share. */
const META_DOWNLOAD_ERROR = 'FAILED_DOWNLOADING_VIDEO';
const META_PUBLISHERS = new Set(['Threads', 'Instagram']);

/** Builds an Issue with the code's defaults, the target's platform error and the source behind it. */
export function urlIssue(code: UrlIssueCode, details: UrlIssueDetails, target: TargetProfile): Issue {
  const d = defaults[code];
  const documentedError = details.documentedError === undefined ? d.documentedError : details.documentedError;
  const source: Source | null = details.source !== undefined ? details.source : d.source ? urlSourceFor(d.source, target.platform) : null;
  return {
    code,
    severity: details.severity ?? d.severity,
    message: details.message,
    expected: details.expected,
    actual: details.actual,
    documentedError,
    platformError: documentedError === 'media-fetch-failed' && META_PUBLISHERS.has(target.platform) ? META_DOWNLOAD_ERROR : null,
    remedy: details.remedy === undefined ? d.remedy : details.remedy,
    fix: details.fix ?? d.fix,
    source,
    trackId: null,
  };
}

/** The default severity of a code (tests and docs). */
export function urlIssueSeverity(code: UrlIssueCode): Severity {
  return defaults[code].severity;
}
