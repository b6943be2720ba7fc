import { notAnErrorVerdict, unknownVerdict, verdictFromRule } from './build-verdict.js';
import type { ClassifyContext } from './classify-context.js';
import { headerLookup } from './header-lookup.js';
import { httpStatusRules } from './known-error-codes.js';
import { field, integerField, stringField } from './read-field.js';
import type { ErrorPlatform, PlatformErrorVerdict } from './verdict.js';

/**
 * HTTP responses whose body we cannot (or must not) read: the status and headers decide. The
 * body stays unread so the caller can still parse it and classify that instead.
 */

const API_HOSTS: ReadonlyArray<readonly [RegExp, ErrorPlatform]> = [
  [/(^|\.)graph\.threads\.(net|com)$/, 'threads'],
  [/(^|\.)graph\.instagram\.com$/, 'instagram'],
  [/(^|\.)(graph|graph-video|rupload)\.facebook\.com$/, 'meta'],
  [/(^|\.)(open\.tiktokapis\.com|open-api\.tiktok\.com)$/, 'tiktok'],
];

/** Which platform's API a URL belongs to, if any. */
export function apiPlatformOf(url: string | undefined): ErrorPlatform | undefined {
  if (!url) return undefined;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  return API_HOSTS.find(([pattern]) => pattern.test(host))?.[1];
}

/** A fetch `Response`, from this realm or another (duck-typed, never touching the body). */
export function isResponseLike(x: object): boolean {
  if (typeof Response !== 'undefined' && x instanceof Response) return true;
  return typeof field(x, 'status') === 'number' && typeof field(x, 'bodyUsed') === 'boolean' &&
    typeof field(x, 'ok') === 'boolean' && typeof (field(x, 'headers') as { get?: unknown } | undefined)?.get === 'function';
}

export function classifyResponse(response: object, ctx: ClassifyContext): PlatformErrorVerdict {
  const lookup = headerLookup(field(response, 'headers'));
  if (lookup) ctx.headers.push(lookup);
  const platform = apiPlatformOf(stringField(response, 'url'));
  if (platform) {
    ctx.platform ??= platform;
    ctx.target ??= 'api';
  }
  const status = integerField(response, 'status') ?? 0;
  return classifyHttpStatus(status, ctx);
}

export function classifyHttpStatus(status: number, ctx: ClassifyContext): PlatformErrorVerdict {
  ctx.httpStatus ??= status;
  const detail = { platform: ctx.platform, httpStatus: status };
  if (status >= 200 && status < 400) return notAnErrorVerdict(`HTTP ${status}`, detail);
  const rule = httpStatusRules.find(
    (r) =>
      status >= r.status && status <= (r.statusMax ?? r.status) &&
      (r.target === undefined || r.target === ctx.target) &&
      (r.platform === undefined || r.platform === ctx.platform),
  );
  const who = ctx.target === 'media-url' ? 'The media host' : platformLabel(ctx.platform);
  if (!rule) {
    return unknownVerdict(`${who} answered HTTP ${status}; the status alone does not say what went wrong (read and classify the body)`, detail);
  }
  return verdictFromRule(rule, { what: `${who} answered HTTP ${status}`, ...detail });
}

export function platformLabel(platform: ErrorPlatform | undefined): string {
  switch (platform) {
    case 'threads': return 'Threads';
    case 'instagram': return 'Instagram';
    case 'tiktok': return 'TikTok';
    case 'meta': return 'Meta';
    default: return 'The server';
  }
}
