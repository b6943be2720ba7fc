/**
 * When a presigned URL stops working, read from its query string. Platforms fetch the media
 * when the post is published, which can be long after the URL was made.
 */
export type PresignedExpiry = {
  /** Which signing scheme the query matches. */
  scheme: 's3-v4' | 'gcs-v4' | 'cloudfront' | 'cloudfront-policy' | 'expires-epoch' | 'azure-sas';
  /** Expiry instant, ms since the epoch. */
  expiresAtMs: number;
};

/** Longest validity any of these schemes allows (S3 and GCS: 7 days); larger values are not trusted. */
const MAX_SIGNED_SECONDS = 7 * 24 * 3600;
/** Caps the CloudFront policy we decode, so a huge query cannot cost a huge decode. */
const MAX_POLICY_CHARS = 8192;

/** Returns the expiry of a presigned URL, or null when the URL carries no expiry we know. */
export function presignedExpiry(url: URL): PresignedExpiry | null {
  const q = caseInsensitiveQuery(url.searchParams);
  const amzDate = q.get('x-amz-date');
  const amzExpires = q.get('x-amz-expires');
  if (amzDate && amzExpires) return fromDateAndSeconds('s3-v4', amzDate, amzExpires);
  const googDate = q.get('x-goog-date');
  const googExpires = q.get('x-goog-expires');
  if (googDate && googExpires) return fromDateAndSeconds('gcs-v4', googDate, googExpires);
  const expires = q.get('expires');
  // A bare `expires` is only a signing expiry next to a signature (S3/GCS v2, CloudFront canned).
  const signed = q.has('signature') || q.has('key-pair-id') || q.has('awsaccesskeyid') || q.has('googleaccessid');
  if (expires && signed && /^\d{1,12}$/.test(expires)) {
    const scheme = q.has('key-pair-id') ? 'cloudfront' : 'expires-epoch';
    return { scheme, expiresAtMs: Number(expires) * 1000 };
  }
  const policy = q.get('policy');
  if (policy && q.has('key-pair-id')) return fromCloudFrontPolicy(policy);
  const se = q.get('se');
  if (se && q.has('sig')) {
    const at = Date.parse(se);
    if (Number.isFinite(at)) return { scheme: 'azure-sas', expiresAtMs: at };
  }
  return null;
}

/** `20261127T135810Z` + seconds. */
function fromDateAndSeconds(scheme: 's3-v4' | 'gcs-v4', date: string, seconds: string): PresignedExpiry | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(date);
  if (!m || !/^\d{1,9}$/.test(seconds)) return null;
  const start = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  const valid = Math.min(Number(seconds), MAX_SIGNED_SECONDS);
  return Number.isFinite(start) ? { scheme, expiresAtMs: start + valid * 1000 } : null;
}

/** CloudFront custom policy: URL-safe base64 JSON with `DateLessThan: { "AWS:EpochTime": n }`. */
function fromCloudFrontPolicy(policy: string): PresignedExpiry | null {
  if (policy.length > MAX_POLICY_CHARS) return null;
  try {
    const b64 = policy.replace(/-/g, '+').replace(/_/g, '=').replace(/~/g, '/');
    const json: unknown = JSON.parse(atob(b64));
    const statements = (json as { Statement?: unknown }).Statement;
    const first = Array.isArray(statements) ? (statements[0] as { Condition?: { DateLessThan?: Record<string, unknown> } }) : undefined;
    const epoch = first?.Condition?.DateLessThan?.['AWS:EpochTime'];
    return typeof epoch === 'number' && Number.isFinite(epoch) ? { scheme: 'cloudfront-policy', expiresAtMs: epoch * 1000 } : null;
  } catch {
    return null;
  }
}

/** Signing parameters are case-insensitive in practice (S3 accepts x-amz-date); the first value wins. */
function caseInsensitiveQuery(params: URLSearchParams): Map<string, string> {
  const map = new Map<string, string>();
  for (const [k, v] of params) {
    const key = k.toLowerCase();
    if (!map.has(key)) map.set(key, v);
  }
  return map;
}
