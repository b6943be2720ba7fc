import { redactedLabel } from '../sources/url-source.js';
import type { CrawlerClient } from './crawler-client.js';
import { UrlFailure } from './url-failure.js';
import { parseRobotsTxt, productToken, robotsDecision, type RobotsRule } from './robots-txt.js';

/** robots.txt beyond this is not read (RFC 9309 asks crawlers to parse at least 500 KiB; media hosts' files are tiny). */
export const ROBOTS_MAX_BYTES = 64 * 1024;

export type RobotsOutcome =
  | { state: 'allowed'; robotsUrl: string; rule: RobotsRule | null; group: string | null }
  | { state: 'disallowed'; robotsUrl: string; rule: RobotsRule; group: string }
  /** 4xx: no robots.txt, so everything is allowed (RFC 9309 2.3.1.3). */
  | { state: 'missing'; robotsUrl: string; status: number }
  /** 5xx, network failure, or time ran out: not known. */
  | { state: 'unknown'; robotsUrl: string; reason: string };

/**
 * Fetches `/robots.txt` of the media URL's origin with the same crawler client (same safety
 * rules, same deadline and byte budget, its own 64 KiB cap) and applies it to the URL's path.
 */
export async function checkRobots(client: CrawlerClient, mediaUrl: URL, userAgent: string): Promise<RobotsOutcome> {
  const robotsUrl = new URL('/robots.txt', mediaUrl);
  const label = redactedLabel(robotsUrl);
  try {
    const exchange = await client.get(robotsUrl, { purpose: 'robots' });
    const { status } = exchange.response;
    if (status >= 400 && status <= 499) {
      exchange.response.cancel();
      return { state: 'missing', robotsUrl: label, status };
    }
    if (status < 200 || status > 299) {
      exchange.response.cancel();
      return { state: 'unknown', robotsUrl: label, reason: `HTTP ${status}` };
    }
    const { bytes } = await client.readBody(exchange, ROBOTS_MAX_BYTES, { overBudget: 'url-body-unbounded' });
    const groups = parseRobotsTxt(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
    const decision = robotsDecision(groups, productToken(userAgent), `${mediaUrl.pathname}${mediaUrl.search}`);
    if (!decision.allowed) return { state: 'disallowed', robotsUrl: label, rule: decision.rule!, group: decision.group! };
    return { state: 'allowed', robotsUrl: label, rule: decision.rule, group: decision.group };
  } catch (error) {
    const failure = client.failure(error);
    if (failure instanceof UrlFailure) return { state: 'unknown', robotsUrl: label, reason: failure.message };
    throw failure;
  }
}
