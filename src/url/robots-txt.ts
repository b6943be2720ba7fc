/**
 * robots.txt as RFC 9309 reads it: groups of user-agent lines with allow/disallow rules, the
 * crawler's own group (else `*`), and the longest matching rule wins (allow on a tie).
 * Meta's crawler page says facebookexternalhit "might bypass robots.txt", so a block is a risk,
 * not a certainty.
 */

export type RobotsRule = { allow: boolean; pattern: string };

export type RobotsDecision = {
  allowed: boolean;
  /** The rule that decided, or null when no rule matched (allowed by default). */
  rule: RobotsRule | null;
  /** The group that applied: the crawler's token, `*`, or null when neither has a group. */
  group: string | null;
};

/** Longest pattern we match; longer ones are ignored (no real rule is this long). */
const MAX_PATTERN_CHARS = 2048;

/** Groups by lower-case user-agent token. A group named by several user-agent lines appears under each. */
export function parseRobotsTxt(text: string): Map<string, RobotsRule[]> {
  const groups = new Map<string, RobotsRule[]>();
  let agents: string[] = [];
  let inRules = false;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      // A user-agent line after rules starts a new group.
      if (inRules) {
        agents = [];
        inRules = false;
      }
      const token = value.toLowerCase().split('/')[0]!.trim();
      agents.push(token);
      if (!groups.has(token)) groups.set(token, []);
      continue;
    }
    if (key !== 'allow' && key !== 'disallow') continue;
    inRules = true;
    // An empty Disallow allows everything: it is no rule at all.
    if (value === '' || value.length > MAX_PATTERN_CHARS || agents.length === 0) continue;
    const rule = { allow: key === 'allow', pattern: normalisePath(value) };
    for (const a of agents) groups.get(a)!.push(rule);
  }
  return groups;
}

/**
 * Decides whether `crawler` (its product token, e.g. `facebookexternalhit`) may fetch `pathAndQuery`.
 */
export function robotsDecision(groups: Map<string, RobotsRule[]>, crawler: string, pathAndQuery: string): RobotsDecision {
  const token = crawler.toLowerCase();
  const group = groups.has(token) ? token : groups.has('*') ? '*' : null;
  if (group === null) return { allowed: true, rule: null, group };
  const path = normalisePath(pathAndQuery);
  if (path === '/robots.txt') return { allowed: true, rule: null, group };
  let best: RobotsRule | null = null;
  for (const rule of groups.get(group)!) {
    if (!matchesPattern(rule.pattern, path)) continue;
    const longer = best === null || rule.pattern.length > best.pattern.length;
    const tieAllow = best !== null && rule.pattern.length === best.pattern.length && rule.allow && !best.allow;
    if (longer || tieAllow) best = rule;
  }
  return { allowed: best ? best.allow : true, rule: best, group };
}

/** The product token of a User-Agent: `facebookexternalhit/1.1 (+http://...)` → `facebookexternalhit`. */
export function productToken(userAgent: string): string {
  return userAgent.trim().split(/[/\s]/)[0]!.toLowerCase();
}

/**
 * `*` matches any run of characters; a trailing `$` anchors the end. Greedy two-pointer match with
 * backtracking to the last star: linear for typical patterns, never exponential.
 */
export function matchesPattern(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const p = anchored ? pattern.slice(0, -1) : pattern;
  let pi = 0;
  let si = 0;
  let star = -1;
  let starSi = 0;
  while (si < path.length) {
    if (pi < p.length && p[pi] === '*') {
      star = pi++;
      starSi = si;
    } else if (pi < p.length && p[pi] === path[si]) {
      pi++;
      si++;
    } else if (pi === p.length && !anchored) {
      return true; // the pattern is a prefix of the path
    } else if (star >= 0) {
      pi = star + 1;
      si = ++starSi;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/**
 * Compares paths the way RFC 9309 asks: percent-encoded unreserved characters decoded, other
 * escapes upper-cased, non-ASCII characters percent-encoded as UTF-8.
 */
function normalisePath(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; ) {
    const code = value.codePointAt(i)!;
    const c = String.fromCodePoint(code);
    if (c === '%' && /^[0-9a-fA-F]{2}$/.test(value.slice(i + 1, i + 3))) {
      const ch = String.fromCharCode(parseInt(value.slice(i + 1, i + 3), 16));
      out += /[A-Za-z0-9\-._~]/.test(ch) ? ch : `%${value.slice(i + 1, i + 3).toUpperCase()}`;
      i += 3;
      continue;
    }
    // Lone surrogates cannot be encoded; they match nothing real, so they are dropped.
    const lone = code >= 0xd800 && code <= 0xdfff;
    if (!lone) out += code > 0x7e || code < 0x21 ? encodeURIComponent(c) : c;
    i += c.length;
  }
  return out;
}
