import { CountingSource } from '../sources/counting-source.js';
import { redactedLabel } from '../sources/url-source.js';
import { probeSource } from '../probe/probe.js';
import type { MediaInfo } from '../probe/media-info.js';
import { resolveTarget } from '../targets/targets.js';
import type { TargetProfile } from '../targets/target-profile.js';
import type { Issue } from '../validate/issue.js';
import type { Report } from '../validate/report.js';
import { validate } from '../validate/validate.js';
import { MediaPreflightError } from '../errors/media-preflight-error.js';
import { resolveCheckUrlOptions, type CheckUrlOptions, type ResolvedCheckUrlOptions } from './check-url-options.js';
import { CrawlerClient } from './crawler-client.js';
import { createFetchTransport } from './fetch-transport.js';
import { describeHostVerdict, isRefusedHost, judgeHost } from './host-policy.js';
import { openMedia, type OpenedMedia } from './open-media.js';
import { RemoteMediaSource } from './remote-media-source.js';
import { checkOpening, checkSize } from './response-checks.js';
import { checkRobots } from './robots-check.js';
import type { UrlTransport } from './transport.js';
import { UrlFailure } from './url-failure.js';
import { UrlFindings, type UrlCheckFacts } from './url-findings.js';
import { checkUrlText, parseCheckedUrl } from './url-text-checks.js';

/** A URL check's report and what it learnt on the way. */
export type UrlCheck = { report: Report; facts: UrlCheckFacts };

/** Bytes the remote probe may read beyond the moov before `url-probe-budget`. */
export const PROBE_SLACK_BYTES = 128 * 1024;

/** What a browser cannot see, whatever the server does. */
const BROWSER_UNCHECKED = [
  'address safety (DNS answers and the connected address)',
  'each redirect hop (the browser follows them out of sight)',
  'robots.txt',
  "the crawler's User-Agent (browsers do not let pages set it)",
];

/**
 * Checks a public media URL the way Threads and Instagram fetch it at publish time ("We will cURL
 * your image/video"), then probes the file through Range reads and validates it against the
 * target. Returns the same Report as a file check: `url-*` issues for what the crawler would hit,
 * then the target's issues. Never throws for anything the server does; bad options throw.
 *
 * @example
 * const report = await checkUrl('https://cdn.example.com/clip.mp4', { target: 'threads' });
 * report.issues.filter((i) => i.code.startsWith('url-'));
 */
export async function checkUrl(url: string | URL, options: CheckUrlOptions = {}): Promise<Report> {
  return (await checkUrlDetailed(url, options)).report;
}

/** {@link checkUrl} plus the facts behind the report: requests, bytes, redirects, timings, what could not be checked. */
export async function checkUrlDetailed(input: string | URL, options: CheckUrlOptions = {}): Promise<UrlCheck> {
  if (typeof input !== 'string' && !(input instanceof URL)) {
    throw new MediaPreflightError(`checkUrl: url must be a string or a URL, got ${input === null ? 'null' : typeof input}`, 'E_BAD_ARGUMENT');
  }
  const o = resolveCheckUrlOptions(options);
  const target = resolveTarget(o.target);
  o.signal?.throwIfAborted();
  const started = performance.now();
  const findings = new UrlFindings(target);
  const label = typeof input === 'string' ? input : input.href;

  const finish = (media: MediaInfo | null): UrlCheck => {
    findings.facts.elapsedMs = performance.now() - started;
    return { report: buildReport(label, target, findings, media), facts: findings.facts };
  };

  const parsed = parseCheckedUrl(input);
  if ('problem' in parsed) {
    findings.add('url-malformed', { message: parsed.problem, expected: 'an absolute http(s) URL to the media file', actual: parsed.actual });
    return finish(null);
  }
  const url = parsed.url;
  checkUrlText(findings, input, url, o.publishWindowSeconds, Date.now());

  if (!o.allowPrivateNetwork) {
    const host = judgeHost(url.hostname);
    if (isRefusedHost(host)) {
      const what = describeHostVerdict(host);
      findings.add('url-private-address', {
        message: `The URL points at ${what}, which the platform's crawler cannot reach; nothing was sent.`,
        expected: 'a host with public addresses only',
        actual: what,
      });
      return finish(null);
    }
  }

  const transport = o.transport ?? (await defaultTransport(o));
  findings.facts.transport = transport.environment;
  if (transport.environment === 'browser') {
    findings.facts.unchecked.push(...BROWSER_UNCHECKED);
    findings.note(`URL check in a browser: not checked here: ${BROWSER_UNCHECKED.join('; ')}. Run \`media-preflight check URL\` for the crawler's full view.`);
  }

  const deadline = AbortSignal.timeout(o.timeoutMs);
  const client = new CrawlerClient({
    transport,
    userAgent: o.userAgent,
    allowPrivateNetwork: o.allowPrivateNetwork,
    deadline,
    callerSignal: o.signal,
    timeoutMs: o.timeoutMs,
    maxBytes: o.maxBytes,
    maxRedirects: o.maxRedirects,
  });
  const syncCounts = (): void => {
    findings.facts.mediaRequests = client.requests.media;
    findings.facts.robotsRequests = client.requests.robots;
    findings.facts.requests = client.totalRequests;
    findings.facts.bytesDownloaded = client.bytesDownloaded;
  };

  let opened: OpenedMedia;
  try {
    opened = await openMedia(client, url);
  } catch (error) {
    recordFailure(findings, client, error, transport);
    syncCounts();
    findings.facts.mediaBytesDownloaded = client.bytesDownloaded;
    return finish(null);
  }
  recordOpening(findings, opened);
  checkOpening(findings, opened, o.firstByteBudgetMs);

  let media: MediaInfo | null = null;
  if (opened.unbounded) {
    findings.facts.sizeBytes = null;
    findings.add('url-body-unbounded', {
      message: `The server sends no Content-Length, ignores Range, and the body did not end within ${o.maxBytes} bytes: an endless stream, or a file too big to check this way.`,
      expected: 'a Content-Length, or a body that ends',
      actual: opened.unbounded.actual,
    });
  } else {
    media = await probeRemote(findings, client, opened, url, o);
    checkSize(findings, opened.size, opened.contentType, media);
  }
  findings.facts.mediaBytesDownloaded = client.bytesDownloaded;

  if (o.robots && transport.environment === 'node') {
    const outcome = await checkRobots(client, opened.exchange.url, o.userAgent);
    findings.facts.robots = outcome.state;
    if (outcome.state === 'disallowed') {
      findings.add('url-robots-disallowed', {
        message: `${outcome.robotsUrl} disallows ${outcome.group === '*' ? 'all crawlers (User-agent: *)' : 'facebookexternalhit'} for this path; Meta's crawler "might bypass robots.txt", but publish fetches have failed with "Restricted by robots.txt".`,
        expected: 'robots.txt allows the media path',
        actual: `Disallow: ${outcome.rule.pattern} (User-agent: ${outcome.group})`,
      });
    } else if (outcome.state === 'unknown') {
      findings.note(`robots.txt not checked: ${outcome.reason}`);
    }
  }
  syncCounts();
  findings.note(
    `remote probe: ${findings.facts.mediaRequests} HTTP request${findings.facts.mediaRequests === 1 ? '' : 's'}, ${findings.facts.mediaBytesDownloaded} bytes downloaded` +
      `${findings.facts.robotsRequests ? ` (+${findings.facts.robotsRequests} for robots.txt)` : ''}, first byte after ${Math.round(opened.firstByteMs)} ms, ${transport.environment} transport`,
  );
  return finish(media);
}

async function defaultTransport(o: ResolvedCheckUrlOptions): Promise<UrlTransport> {
  const node = (globalThis as { process?: { versions?: { node?: unknown } } }).process?.versions?.node;
  if (typeof node === 'string') {
    // Lazy: keeps node:http/https/dns out of browser bundles and out of startup when no URL is checked.
    const { createNodeTransport } = await import('./node-transport.js');
    return createNodeTransport({ resolver: o.resolver, allowPrivateNetwork: o.allowPrivateNetwork });
  }
  return createFetchTransport();
}

function recordOpening(findings: UrlFindings, opened: OpenedMedia): void {
  const f = findings.facts;
  f.redirects = opened.exchange.redirects;
  f.finalUrl = redactedLabel(opened.exchange.url);
  f.remoteAddress = opened.exchange.response.remoteAddress;
  f.status = opened.status;
  f.contentType = opened.contentType;
  f.sizeBytes = opened.size;
  f.rangeSupported = opened.rangeSupported;
  f.firstByteMs = opened.firstByteMs;
}

/** The probe through Range reads, bounded by the client's byte budget and deadline. */
async function probeRemote(findings: UrlFindings, client: CrawlerClient, opened: OpenedMedia, url: URL, o: ResolvedCheckUrlOptions): Promise<MediaInfo | null> {
  const remote = new RemoteMediaSource(client, opened.exchange.url, opened.size, opened.prefix, opened.rangeSupported, redactedLabel(url));
  const source = new CountingSource(remote);
  try {
    const media = await probeSource(source, o.signal);
    const moovBytes = media.container.moov?.sizeBytes ?? 0;
    if (client.bytesDownloaded > moovBytes + PROBE_SLACK_BYTES) {
      findings.add('url-probe-budget', {
        message: `Reading the file's header took ${client.bytesDownloaded} bytes, more than its index (moov, ${moovBytes} bytes) plus ${PROBE_SLACK_BYTES} bytes${opened.rangeSupported ? '' : ': the server ignores Range, so every read starts again from byte 0'}.`,
        expected: `at most ${moovBytes + PROBE_SLACK_BYTES} bytes`,
        actual: `${client.bytesDownloaded} bytes in ${client.requests.media} requests`,
      });
    }
    return media;
  } catch (error) {
    const failure = client.failure(error);
    if (o.signal?.aborted) throw failure;
    if (!(failure instanceof UrlFailure)) {
      // Parsers do not throw by design; if one ever does on served bytes, the check still ends with a finding.
      findings.add('url-probe-error', {
        message: `The remote probe failed: ${failure instanceof Error ? failure.message : String(failure)}.`,
        expected: 'a readable media file',
        actual: failure instanceof Error ? failure.name : typeof failure,
      });
      return null;
    }
    if (failure.code === 'url-probe-budget') {
      findings.add('url-probe-budget', {
        message: `The probe stopped at the byte limit (maxBytes ${o.maxBytes}) before it found the file's index${opened.rangeSupported ? '' : ': the server ignores Range and the index (moov) is far into the file'}.`,
        expected: `the file's header within ${o.maxBytes} bytes`,
        actual: failure.actual,
      });
    } else {
      findings.addFailure(failure, 'the whole file served as announced');
    }
    return null;
  } finally {
    await source.close();
  }
}

function recordFailure(findings: UrlFindings, client: CrawlerClient, error: unknown, transport: UrlTransport): void {
  const failure = client.failure(error);
  if (!(failure instanceof UrlFailure)) throw failure;
  if (failure.code === 'url-cors-blocked') {
    findings.facts.unchecked = ['every fact: status, type, size, Range support, the media itself', ...findings.facts.unchecked];
    findings.add('url-cors-blocked', {
      message: `The browser would not let this page read the URL (CORS, or the server could not be reached); nothing could be checked here: ${findings.facts.unchecked.join('; ')}. Run \`media-preflight check URL\` (Node) for the crawler's view.`,
      expected: 'a server that sends Access-Control-Allow-Origin (or a check from Node)',
      actual: failure.actual,
    });
    return;
  }
  findings.addFailure(failure, expectationFor(failure.code, transport));
}

function expectationFor(code: UrlFailure['code'], transport: UrlTransport): string {
  if (code.startsWith('url-http-')) return 'HTTP 200 or 206';
  if (code.startsWith('url-tls-')) return 'a valid certificate from a public CA for this host';
  if (code === 'url-private-address' || code === 'url-redirect-private') return 'a host with public addresses only';
  if (code === 'url-timeout') return 'the download completes in time';
  if (code === 'url-too-many-redirects' || code === 'url-redirect-loop') return 'the file at the URL, or a short redirect chain';
  return transport.environment === 'node' ? 'a server that answers with the file' : 'a reachable server';
}

function buildReport(input: string, target: TargetProfile, findings: UrlFindings, media: MediaInfo | null): Report {
  const urlIssues = findings.issues;
  let issues: Issue[] = [...urlIssues];
  let withNotes = media;
  if (media) {
    const validation = validate(media, target).issues;
    // url-too-large already says what file-size would.
    const dropFileSize = findings.has('url-too-large');
    issues = [...urlIssues, ...validation.filter((i) => !(dropFileSize && i.code === 'file-size'))];
    withNotes = { ...media, notes: [...media.notes, ...findings.facts.notes] };
  }
  // Errors first, then warnings; within each, the order the checks ran.
  issues = [...issues.filter((i) => i.severity === 'error'), ...issues.filter((i) => i.severity !== 'error')];
  return { input, target: target.id, ok: !issues.some((i) => i.severity === 'error'), media: withNotes, issues };
}
