import type { HeaderLookup } from './header-lookup.js';

/**
 * How long the server asks us to wait, from `Retry-After` (RFC 9110: seconds or an HTTP date)
 * and from Meta's usage headers, whose JSON carries `estimated_time_to_regain_access` in
 * minutes (developers.facebook.com/docs/graph-api/overview/rate-limiting).
 */

export interface HeaderWait {
  seconds: number;
  /** The header the wait came from, for the message. */
  header: string;
}

/** Usage headers are small JSON documents; anything longer is not one of them. */
const MAX_USAGE_HEADER_CHARS = 64 * 1024;
/** BUC headers hold up to 32 business objects; walk a little more than that and stop. */
const MAX_USAGE_ENTRIES = 256;
const USAGE_HEADERS = ['X-Business-Use-Case-Usage', 'X-App-Usage', 'X-Ad-Account-Usage'] as const;

/** Seconds to wait from a Retry-After value, or undefined when it is neither form. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text);
  if (text.length > 64 || !/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (!Number.isFinite(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/**
 * The longest wait any Meta usage header announces, in seconds. `X-Ad-Account-Usage` gives
 * `reset_time_duration` in seconds; it counts only once the account is at 100 %.
 */
export function parseUsageHeaderWait(lookup: HeaderLookup): HeaderWait | undefined {
  let best: HeaderWait | undefined;
  for (const header of USAGE_HEADERS) {
    const text = lookup(header);
    if (text === undefined || text.length > MAX_USAGE_HEADER_CHARS) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      continue;
    }
    const seconds = longestWait(parsed);
    if (seconds !== undefined && seconds > 0 && (!best || seconds > best.seconds)) best = { seconds, header };
  }
  return best;
}

/** Walks the header's JSON breadth-first, a bounded number of objects. */
function longestWait(root: unknown): number | undefined {
  let longest: number | undefined;
  const queue: unknown[] = [root];
  for (let visited = 0; visited < queue.length && visited < MAX_USAGE_ENTRIES; visited++) {
    const node = queue[visited];
    if (typeof node !== 'object' || node === null) continue;
    for (const value of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof value === 'object' && value !== null && queue.length < MAX_USAGE_ENTRIES) queue.push(value);
    }
    if (Array.isArray(node)) continue;
    const entry = node as Record<string, unknown>;
    const minutes = entry.estimated_time_to_regain_access;
    if (typeof minutes === 'number' && Number.isFinite(minutes) && minutes >= 0) longest = Math.max(longest ?? 0, minutes * 60);
    const reset = entry.reset_time_duration;
    const pct = entry.acc_id_util_pct;
    if (typeof reset === 'number' && Number.isFinite(reset) && reset >= 0 && typeof pct === 'number' && pct >= 100) {
      longest = Math.max(longest ?? 0, reset);
    }
  }
  return longest;
}

/** Retry-After wins over usage headers only when it asks for longer; the longest wait is safest. */
export function headerWait(lookups: readonly HeaderLookup[], now: Date, includeUsage: boolean): HeaderWait | undefined {
  let best: HeaderWait | undefined;
  for (const lookup of lookups) {
    const retryAfter = parseRetryAfter(lookup('Retry-After'), now);
    if (retryAfter !== undefined && (!best || retryAfter > best.seconds)) best = { seconds: retryAfter, header: 'Retry-After' };
    const usage = includeUsage ? parseUsageHeaderWait(lookup) : undefined;
    if (usage && (!best || usage.seconds > best.seconds)) best = usage;
  }
  return best;
}
