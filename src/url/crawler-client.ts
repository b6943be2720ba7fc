import { abortReason } from '../errors/abort.js';
import { redactedLabel } from '../sources/url-source.js';
import { describeHostVerdict, isRefusedHost, judgeHost } from './host-policy.js';
import { TransportFailure, type TransportFailureKind, type TransportResponse, type UrlTransport } from './transport.js';
import { UrlFailure } from './url-failure.js';
import type { UrlIssueCode } from './url-issue.js';
import { concatChunks } from '../util/bytes.js';

export type CrawlerClientOptions = {
  transport: UrlTransport;
  userAgent: string;
  allowPrivateNetwork: boolean;
  /** The overall deadline: when it fires, the exchange ends as `url-timeout`. */
  deadline: AbortSignal;
  /** The caller's own signal: when it fires, the check rejects with its reason. */
  callerSignal: AbortSignal | undefined;
  timeoutMs: number;
  /** Most body bytes read over every request together. */
  maxBytes: number;
  /** Redirects followed per request before `url-too-many-redirects`. */
  maxRedirects: number;
};

/** One redirect the crawler would follow. URLs are redacted (no query). */
export type RedirectHop = { from: string; to: string; status: number | null };

export type Exchange = {
  response: TransportResponse;
  /** The URL that answered. */
  url: URL;
  redirects: RedirectHop[];
  /** When the first request of the chain started (performance.now()). */
  startedAt: number;
  /** When the first body byte (or an empty body's end) arrived; set by the first read. */
  firstByteAt: number | null;
};

export type RequestPurpose = 'media' | 'robots';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches the way the platform's crawler does: its User-Agent, no cookies or credentials,
 * `Accept-Encoding: identity`, redirects followed hop by hop with every hop's host vetted, one
 * overall deadline, and a byte budget shared by every request of the check.
 */
export class CrawlerClient {
  readonly requests: Record<RequestPurpose, number> = { media: 0, robots: 0 };
  bytesDownloaded = 0;
  private readonly signal: AbortSignal;

  constructor(readonly options: CrawlerClientOptions) {
    this.signal = options.callerSignal ? AbortSignal.any([options.deadline, options.callerSignal]) : options.deadline;
  }

  get totalRequests(): number {
    return this.requests.media + this.requests.robots;
  }

  /** GETs `url` (optionally a byte range) and follows redirects. Rejects with UrlFailure, or the caller's abort reason. */
  async get(url: URL, options: { range?: { start: number; end: number }; purpose?: RequestPurpose } = {}): Promise<Exchange> {
    const purpose = options.purpose ?? 'media';
    const startedAt = performance.now();
    const redirects: RedirectHop[] = [];
    const seen = new Set([url.href]);
    let current = url;
    for (;;) {
      this.vetHost(current, redirects.length);
      const headers: Record<string, string> = {
        'user-agent': this.options.userAgent,
        accept: '*/*',
        'accept-encoding': 'identity',
      };
      if (options.range) headers.range = `bytes=${options.range.start}-${options.range.end}`;
      this.requests[purpose]++;
      const response = await this.send(current, headers, redirects.length);
      if (this.options.transport.manualRedirects && REDIRECT_STATUSES.has(response.status)) {
        response.cancel();
        const next = this.nextHop(current, response);
        if (seen.has(next.href)) {
          throw new UrlFailure('url-redirect-loop', `The redirects loop back to ${redactedLabel(next)}.`, [...redirects.map((h) => h.from), redactedLabel(current), redactedLabel(next)].join(' → '));
        }
        if (redirects.length >= this.options.maxRedirects) {
          throw new UrlFailure('url-too-many-redirects', `The URL redirects more than ${this.options.maxRedirects} times.`, `more than ${this.options.maxRedirects} redirects`);
        }
        redirects.push({ from: redactedLabel(current), to: redactedLabel(next), status: response.status });
        seen.add(next.href);
        current = next;
        continue;
      }
      if (response.redirected && response.url !== current.href) {
        // fetch followed redirects itself: only the two ends are visible.
        redirects.push({ from: redactedLabel(current), to: redactedLabel(new URL(response.url)), status: null });
        current = new URL(response.url);
      }
      return { response, url: current, redirects, startedAt, firstByteAt: null };
    }
  }

  /**
   * Reads body bytes [skip, skip + take) of an exchange, then stops. Every byte the check
   * consumes counts against maxBytes; going over it ends with `overBudget`. Returns fewer bytes
   * when the body ends first. With `toEnd`, the body must end right there: one more read
   * confirms it, and more bytes (or a parse error from them) are `url-length-mismatch`.
   */
  async readBody(
    exchange: Exchange,
    take: number,
    options: { overBudget: UrlIssueCode; skip?: number; toEnd?: boolean },
  ): Promise<{ bytes: Uint8Array; ended: boolean }> {
    const skip = options.skip ?? 0;
    const chunks: Uint8Array[] = [];
    let seen = 0;
    let kept = 0;
    let ended = false;
    try {
      while (kept < take) {
        const chunk = await this.readChunk(exchange);
        if (chunk === null) {
          ended = true;
          break;
        }
        // Only the part of a chunk the check uses counts; the rest is dropped with the connection.
        const used = Math.min(chunk.length, skip + take - seen);
        const room = this.options.maxBytes - this.bytesDownloaded;
        if (used > room) {
          this.bytesDownloaded += room;
          throw new UrlFailure(options.overBudget, `Reading stopped at the byte limit (maxBytes ${this.options.maxBytes}).`, `more than ${this.options.maxBytes} bytes`);
        }
        this.bytesDownloaded += used;
        const from = Math.max(0, skip - seen);
        seen += chunk.length;
        if (from >= chunk.length) continue;
        const piece = chunk.subarray(from, from + (take - kept));
        chunks.push(piece);
        kept += piece.length;
        if (options.toEnd && kept === take && from + piece.length < chunk.length) throw this.overlong();
      }
      if (options.toEnd && !ended) {
        if ((await this.readChunk(exchange)) !== null) throw this.overlong();
        ended = true;
      }
    } finally {
      if (!ended) exchange.response.cancel();
    }
    return { bytes: concatChunks(chunks, kept), ended };
  }

  private overlong(): UrlFailure {
    return new UrlFailure('url-length-mismatch', 'The server sent more bytes than its Content-Length declares.', 'more bytes than Content-Length');
  }

  /** Turns the caller's abort into its own rejection and the deadline into `url-timeout`. */
  failure(error: unknown): unknown {
    if (this.options.callerSignal?.aborted) return abortReason(this.options.callerSignal);
    if (error instanceof UrlFailure) return error;
    if (this.options.deadline.aborted) return this.timeout(error);
    if (error instanceof TransportFailure) return fromTransport(error, 0);
    return error;
  }

  private async readChunk(exchange: Exchange): Promise<Uint8Array | null> {
    try {
      const chunk = await exchange.response.read();
      exchange.firstByteAt ??= performance.now();
      return chunk;
    } catch (error) {
      throw this.failure(error);
    }
  }

  private async send(url: URL, headers: Record<string, string>, hop: number): Promise<TransportResponse> {
    if (this.options.callerSignal?.aborted) throw abortReason(this.options.callerSignal);
    if (this.options.deadline.aborted) throw this.timeout(undefined);
    try {
      return await this.options.transport.request({ url, headers, signal: this.signal });
    } catch (error) {
      if (this.options.callerSignal?.aborted) throw abortReason(this.options.callerSignal);
      if (this.options.deadline.aborted) throw this.timeout(error);
      if (error instanceof TransportFailure) throw fromTransport(error, hop);
      throw new UrlFailure('url-network-error', `The request failed: ${String(error)}`, String(error), { cause: error });
    }
  }

  /** The address-safety rule on a hop's host, before anything is sent to it. */
  private vetHost(url: URL, hop: number): void {
    if (this.options.allowPrivateNetwork) return;
    const verdict = judgeHost(url.hostname);
    if (!isRefusedHost(verdict)) return;
    const what = describeHostVerdict(verdict);
    if (hop === 0) throw new UrlFailure('url-private-address', `The URL points at ${what}, which the platform's crawler cannot reach.`, what);
    throw new UrlFailure('url-redirect-private', `A redirect leads to ${what}, which the platform's crawler cannot reach; the check did not follow it.`, what);
  }

  private nextHop(current: URL, response: TransportResponse): URL {
    const location = response.header('location');
    if (!location) throw new UrlFailure('url-redirect-invalid', `The server answered ${response.status} with no Location header.`, `${response.status} without Location`);
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      throw new UrlFailure('url-redirect-invalid', 'The server redirects to a Location that is not a URL.', truncate(location));
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw new UrlFailure('url-redirect-invalid', `The server redirects to a ${next.protocol} URL, which the crawler does not follow.`, `${next.protocol}…`);
    }
    next.hash = '';
    return next;
  }

  private timeout(cause: unknown): UrlFailure {
    return new UrlFailure('url-timeout', `The download did not finish within ${this.options.timeoutMs} ms.`, `over ${this.options.timeoutMs} ms`, { cause });
  }
}

const CODE_BY_KIND: Record<TransportFailureKind, UrlIssueCode> = {
  dns: 'url-dns-failed',
  'private-address': 'url-private-address',
  refused: 'url-connection-refused',
  reset: 'url-connection-reset',
  unreachable: 'url-unreachable',
  'tls-expired': 'url-tls-expired',
  'tls-self-signed': 'url-tls-self-signed',
  'tls-hostname': 'url-tls-hostname',
  tls: 'url-tls-error',
  'headers-too-large': 'url-headers-too-large',
  protocol: 'url-protocol-error',
  truncated: 'url-truncated',
  'length-mismatch': 'url-length-mismatch',
  cors: 'url-cors-blocked',
  aborted: 'url-timeout',
  network: 'url-network-error',
};

const MESSAGE_BY_KIND: Record<TransportFailureKind, string> = {
  dns: 'The host name does not resolve',
  'private-address': "The host resolves to an address the platform's crawler cannot reach",
  refused: 'The server refused the connection',
  reset: 'The server reset the connection',
  unreachable: 'The server cannot be reached',
  'tls-expired': "The server's TLS certificate has expired",
  'tls-self-signed': "The server's TLS certificate is self-signed or not from a trusted CA",
  'tls-hostname': "The server's TLS certificate does not name this host",
  tls: 'The TLS handshake failed',
  'headers-too-large': 'The response headers are too large',
  protocol: 'The server sent a malformed HTTP response',
  truncated: 'The body ended before its declared length',
  'length-mismatch': "The body does not match the server's Content-Length",
  cors: 'The browser refused the request (CORS, or the server could not be reached)',
  aborted: 'The request was aborted',
  network: 'The request failed',
};

function fromTransport(error: TransportFailure, hop: number): UrlFailure {
  let code = CODE_BY_KIND[error.kind];
  if (code === 'url-private-address' && hop > 0) code = 'url-redirect-private';
  const prefix = hop > 0 && code === 'url-redirect-private' ? 'A redirect leads to a host that resolves to an address the crawler cannot reach' : MESSAGE_BY_KIND[error.kind];
  const actual = error.address ? `${error.address.address} (${error.address.label})` : (error.code ?? error.message);
  return new UrlFailure(code, `${prefix}: ${error.message}.`, actual, { cause: error });
}


function truncate(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
