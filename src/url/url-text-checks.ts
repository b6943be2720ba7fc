import { redactedLabel } from '../sources/url-source.js';
import { presignedExpiry } from './presigned-expiry.js';
import type { UrlFindings } from './url-findings.js';

/** Parses the input as the crawler would: an absolute http(s) URL with a host. */
export function parseCheckedUrl(input: string | URL): { url: URL } | { problem: string; actual: string } {
  const text = typeof input === 'string' ? input.trim() : input.href;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'This is not a valid absolute URL.', actual: shorten(text) };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: `Platforms fetch only http(s) URLs, not ${url.protocol}.`, actual: url.protocol };
  if (!url.hostname) return { problem: 'The URL has no host.', actual: shorten(text) };
  url.hash = '';
  return { url };
}

/** The findings that need no network: ASCII, credentials, https, presigned expiry. */
export function checkUrlText(findings: UrlFindings, input: string | URL, url: URL, publishWindowSeconds: number, now: number): void {
  const platform = findings.target.platform;
  const text = typeof input === 'string' ? input.trim() : null;
  // A URL object is already encoded; only a string can carry raw non-ASCII (or spaces) to the platform.
  if (text !== null && /[^\x21-\x7e]/.test(text)) {
    const meta = platform === 'Instagram' || platform === 'Threads' || platform === 'Facebook';
    findings.add('url-not-ascii', {
      severity: meta ? 'error' : 'warning',
      message: `The URL holds characters outside printable US-ASCII; ${meta ? 'Meta asks for US-ASCII URLs, "or the request will fail"' : 'crawlers may encode them differently'}.`,
      expected: 'a percent-encoded, US-ASCII URL',
      actual: describeOddCharacters(text),
      fix: `Percent-encode it: ${shorten(redactedLabel(url))}`,
    });
  }
  if (url.username || url.password) {
    findings.add('url-credentials', {
      message: 'The URL carries a user name or password; the crawler sends no credentials.',
      expected: 'no credentials in the URL',
      actual: 'user:password@ in the URL',
    });
  }
  if (url.protocol === 'http:') {
    const tiktok = platform === 'TikTok';
    findings.add('url-not-https', {
      severity: tiktok ? 'error' : 'warning',
      documentedError: tiktok ? 'media-fetch-failed' : null,
      message: tiktok ? 'TikTok pulls media only from https URLs.' : 'The URL is plain http; serve media over https.',
      expected: 'https',
      actual: 'http',
    });
  }
  const expiry = presignedExpiry(url);
  if (expiry) {
    findings.facts.expiresAt = new Date(expiry.expiresAtMs).toISOString();
    const left = (expiry.expiresAtMs - now) / 1000;
    if (left <= 0) {
      findings.add('url-expired', {
        message: `This presigned URL (${expiry.scheme}) expired ${formatDuration(-left)} ago.`,
        expected: 'a URL valid when the platform fetches it',
        actual: `expired at ${findings.facts.expiresAt}`,
      });
    } else if (left < publishWindowSeconds) {
      findings.add('url-expires-soon', {
        message: `This presigned URL (${expiry.scheme}) expires in ${formatDuration(left)}, before the ${formatDuration(publishWindowSeconds)} publishing window ends.`,
        expected: `valid for at least ${formatDuration(publishWindowSeconds)}`,
        actual: `expires at ${findings.facts.expiresAt}`,
      });
    }
  }
}

/** `"é" at 23, " " at 30 (3 characters)` — the characters, not the URL, which may hold a signature. */
function describeOddCharacters(text: string): string {
  const odd: string[] = [];
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (/[\x21-\x7e]/.test(text[i]!)) continue;
    count++;
    if (odd.length < 5) odd.push(`${JSON.stringify(text[i])} at ${i}`);
  }
  return `${odd.join(', ')}${count > odd.length ? ', ...' : ''} (${count} character${count === 1 ? '' : 's'})`;
}

function formatDuration(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} days`;
}

function shorten(text: string): string {
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
