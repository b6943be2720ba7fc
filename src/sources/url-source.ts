import type { MediaSource } from './source.js';
import { MediaSourceError } from '../errors/media-source-error.js';
import { abortReason } from '../errors/abort.js';
import { assertReadArguments } from './bytes-source.js';
import { concatChunks } from '../util/bytes.js';

/** Options for reading media from an http(s) URL with range requests. */
export interface UrlSourceOptions {
  /** The fetch to use; defaults to the global one. */
  fetch?: typeof fetch;
  /** Extra request headers (e.g. Authorization). `Range` is always the source's own. */
  headers?: Record<string, string>;
  /** Cancels opening and every later request of this source. */
  signal?: AbortSignal;
  /** Limit for each request, body included. Default 30 s. */
  timeoutMs?: number;
  /** Most bytes to download from a server that ignores Range or sends no length. Default 64 MiB. */
  maxBytes?: number;
  userAgent?: string;
}

/** The opening request asks for this much: enough for most headers (ftyp, a front moov's start, image headers). */
export const URL_PROBE_CHUNK_BYTES = 65_536;
export const DEFAULT_URL_TIMEOUT_MS = 30_000;
export const DEFAULT_URL_MAX_BYTES = 64 * 1024 * 1024;

/**
 * An http(s) resource read with Range requests. One GET learns the size, whether ranges work,
 * and the first 64 KiB (cached). Servers that ignore Range still work, up to `maxBytes`.
 */
export class UrlSource implements MediaSource {
  /** The URL as given (it may carry secrets in its query, so `name` is the redacted form). */
  readonly url: string;
  readonly name: string;
  size = 0;
  /** The URL after redirects, as the opening response reported it. */
  finalUrl: string;
  contentType: string | undefined;
  /** HTTP status of the opening response. */
  status = 0;
  /** False when the server answered the ranged request with the whole body (200). */
  rangeSupported = false;
  /** HTTP requests made so far, the opening one included. */
  requests = 0;

  private readonly fetchImpl: typeof fetch;
  private readonly headers: Headers;
  private readonly signal: AbortSignal | undefined;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  /** Bytes [0, prefix.length): the opening chunk, or all that was streamed from a server without Range. */
  private prefix: Uint8Array = new Uint8Array(0);
  private closed = false;

  private constructor(url: URL, options: UrlSourceOptions) {
    this.url = url.href;
    this.name = redactedLabel(url);
    this.finalUrl = url.href;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.headers = new Headers(options.headers);
    if (options.userAgent !== undefined) this.headers.set('user-agent', options.userAgent);
    // No Accept-Encoding here: fetch itself sends "identity" with every Range request (Fetch spec),
    // so lengths and offsets are those of the stored bytes.
    this.signal = options.signal;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_URL_TIMEOUT_MS;
    this.maxBytes = options.maxBytes ?? DEFAULT_URL_MAX_BYTES;
    if (!(this.timeoutMs > 0)) throw badArgument(`timeoutMs must be positive, got ${this.timeoutMs}`, this.name);
    if (!Number.isSafeInteger(this.maxBytes) || this.maxBytes < 0) {
      throw badArgument(`maxBytes must be a non-negative integer, got ${this.maxBytes}`, this.name);
    }
  }

  /** Opens `url` with one ranged GET (not HEAD: many CDNs and presigned URLs refuse HEAD). */
  static async open(url: string | URL, options: UrlSourceOptions = {}): Promise<UrlSource> {
    const source = new UrlSource(parseHttpUrl(url), options);
    await source.openWithFirstChunk();
    return source;
  }

  async read(offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array> {
    signal?.throwIfAborted();
    this.signal?.throwIfAborted();
    assertReadArguments(offset, length, this.name);
    if (this.closed) throw new MediaSourceError(`${this.name} was read after it was closed`, this.name, { code: 'E_SOURCE_CLOSED' });
    const start = Math.min(offset, this.size);
    const end = Math.min(this.size, start + length);
    if (end === start) return new Uint8Array(0);
    if (end <= this.prefix.length) return this.prefix.subarray(start, end);
    if (this.rangeSupported) return this.fetchRange(start, end, signal);
    await this.growPrefix(end, signal);
    return this.prefix.subarray(start, Math.min(end, this.prefix.length));
  }

  /** Drops the cached bytes; later reads reject. Safe to call twice. */
  async close(): Promise<void> {
    this.closed = true;
    this.prefix = new Uint8Array(0);
  }

  private async openWithFirstChunk(): Promise<void> {
    await this.exchange(0, URL_PROBE_CHUNK_BYTES, undefined, async (response) => {
      this.status = response.status;
      this.finalUrl = response.url || this.url;
      this.contentType = response.headers.get('content-type') ?? undefined;
      if (response.status === 206) {
        const range = this.checkedContentRange(response, 0, URL_PROBE_CHUNK_BYTES);
        if (range.total === undefined) throw this.noLength('its Content-Range gives no total size');
        this.size = range.total;
        this.rangeSupported = true;
        this.prefix = await this.readExactly(response, range.end - range.start + 1);
        return;
      }
      if (response.status === 416 && unsatisfiedRangeTotal(response) === 0) {
        // An empty resource cannot satisfy bytes=0-…; the server says so with "bytes */0".
        this.rangeSupported = true;
        return;
      }
      if (response.status !== 200) throw this.httpError(response);
      this.rangeSupported = false;
      const length = declaredLength(response);
      if (length !== undefined) {
        this.size = length;
        // Only the first chunk: reading on would download the whole file.
        this.prefix = await readBody(response, 0, Math.min(length, URL_PROBE_CHUNK_BYTES));
        return;
      }
      const whole = await readBody(response, 0, this.maxBytes + 1);
      if (whole.length > this.maxBytes) {
        throw this.noLength(`the server sent no Content-Length and the body exceeds maxBytes (${this.maxBytes})`);
      }
      this.size = whole.length;
      this.prefix = whole;
    });
  }

  private fetchRange(start: number, end: number, signal: AbortSignal | undefined): Promise<Uint8Array> {
    return this.exchange(start, end - start, signal, async (response) => {
      if (response.status === 206) {
        const range = this.checkedContentRange(response, start, end - start);
        return this.readExactly(response, range.end - range.start + 1);
      }
      // The resource shrank since it was opened: nothing is left at this offset.
      if (response.status === 416) return new Uint8Array(0);
      if (response.status !== 200) throw this.httpError(response);
      // The server stopped honouring Range (another backend behind the same URL): skip to the offset.
      if (end > this.maxBytes) throw this.rangeUnsupported(end);
      return readBody(response, start, end - start);
    });
  }

  /** Without Range, every read re-downloads from 0; keeping the prefix (at most maxBytes) avoids repeats. */
  private async growPrefix(end: number, signal: AbortSignal | undefined): Promise<void> {
    if (end > this.maxBytes) throw this.rangeUnsupported(end);
    // Double the cached prefix at least, so a forward scan costs log(n) downloads, not n.
    const target = Math.min(this.size, this.maxBytes, Math.max(end, this.prefix.length * 2));
    const bytes = await this.exchange(0, target, signal, async (response) => {
      if (response.status === 206) {
        const range = this.checkedContentRange(response, 0, target);
        return this.readExactly(response, range.end + 1);
      }
      if (response.status === 416) return new Uint8Array(0);
      if (response.status !== 200) throw this.httpError(response);
      return readBody(response, 0, target);
    });
    if (bytes.length > this.prefix.length) this.prefix = bytes;
  }

  /** One GET for bytes [start, start+length), under the caller's signal, this source's signal and a timeout. */
  private async exchange<T>(
    start: number,
    length: number,
    readSignal: AbortSignal | undefined,
    handle: (response: Response) => Promise<T>,
  ): Promise<T> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signals = [timeout];
    if (this.signal) signals.push(this.signal);
    if (readSignal) signals.push(readSignal);
    const headers = new Headers(this.headers);
    headers.set('range', `bytes=${start}-${start + length - 1}`);
    this.requests++;
    let response: Response | undefined;
    try {
      response = await this.fetchImpl(this.url, {
        method: 'GET',
        headers,
        cache: 'no-store',
        redirect: 'follow',
        credentials: 'omit',
        signal: AbortSignal.any(signals),
      });
      return await handle(response);
    } catch (error) {
      throw this.translateError(error, timeout, readSignal);
    } finally {
      // An unread body holds the connection open until collected: release it now.
      if (response && !response.bodyUsed) response.body?.cancel().catch(() => {});
    }
  }

  private translateError(error: unknown, timeout: AbortSignal, readSignal: AbortSignal | undefined): unknown {
    if (error instanceof MediaSourceError) return error;
    if (readSignal?.aborted) return abortReason(readSignal);
    if (this.signal?.aborted) return abortReason(this.signal);
    if (timeout.aborted) {
      return new MediaSourceError(`${this.name} did not answer within ${this.timeoutMs} ms`, this.name, {
        code: 'E_SOURCE_TIMEOUT',
        cause: error,
      });
    }
    return new MediaSourceError(`Could not fetch ${this.name}: ${describeNetworkError(error)}`, this.name, {
      code: 'E_SOURCE_NETWORK',
      cause: error,
    });
  }

  /** A 206 must answer the range asked, or stop early exactly at the end of the resource. */
  private checkedContentRange(response: Response, start: number, length: number): ContentRange {
    const header = response.headers.get('content-range');
    const range = parseContentRange(header);
    const askedEnd = start + length - 1;
    const endsAtResourceEnd = range !== undefined && range.total !== undefined && range.end === range.total - 1;
    if (!range || range.start !== start || range.end > askedEnd || (range.end < askedEnd && !endsAtResourceEnd)) {
      throw new MediaSourceError(
        `${this.name} answered bytes=${start}-${askedEnd} with Content-Range "${header ?? '(none)'}"`,
        this.name,
        { code: 'E_SOURCE_BAD_RANGE', status: response.status },
      );
    }
    return range;
  }

  private async readExactly(response: Response, length: number): Promise<Uint8Array> {
    const bytes = await readBody(response, 0, length);
    if (bytes.length < length) {
      throw new MediaSourceError(`${this.name} sent ${bytes.length} of the ${length} bytes it promised`, this.name, {
        code: 'E_SOURCE_IO',
        status: response.status,
      });
    }
    return bytes;
  }

  private httpError(response: Response): MediaSourceError {
    const text = response.statusText ? ` ${response.statusText}` : '';
    return new MediaSourceError(`${this.name} answered HTTP ${response.status}${text}`, this.name, {
      code: 'E_SOURCE_HTTP',
      status: response.status,
    });
  }

  private noLength(why: string): MediaSourceError {
    return new MediaSourceError(`Cannot tell the size of ${this.name}: ${why}`, this.name, {
      code: 'E_SOURCE_NO_LENGTH',
      status: this.status,
    });
  }

  private rangeUnsupported(end: number): MediaSourceError {
    return new MediaSourceError(
      `${this.name} ignores Range requests; reading up to byte ${end} would download more than maxBytes (${this.maxBytes})`,
      this.name,
      { code: 'E_SOURCE_RANGE_UNSUPPORTED', status: this.status },
    );
  }
}

interface ContentRange {
  start: number;
  end: number;
  /** Undefined when the server wrote `*` for the total. */
  total: number | undefined;
}

/** Parses `bytes START-END/TOTAL` (TOTAL may be `*`). */
export function parseContentRange(header: string | null): ContentRange | undefined {
  const match = /^\s*bytes\s+(\d+)-(\d+)\/(\d+|\*)\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = Number(match[2]);
  const total = match[3] === '*' ? undefined : Number(match[3]);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start) return undefined;
  if (total !== undefined && (!Number.isSafeInteger(total) || end >= total)) return undefined;
  return { start, end, total };
}

/** The total of a 416's `Content-Range: bytes *\/TOTAL`, when given. */
function unsatisfiedRangeTotal(response: Response): number | undefined {
  const match = /^\s*bytes\s+\*\/(\d+)\s*$/i.exec(response.headers.get('content-range') ?? '');
  return match ? Number(match[1]) : undefined;
}

/** Content-Length of the stored bytes; unknown when absent or when the transfer is compressed. */
function declaredLength(response: Response): number | undefined {
  const encoding = response.headers.get('content-encoding');
  if (encoding && encoding.trim().toLowerCase() !== 'identity') return undefined;
  const header = response.headers.get('content-length');
  if (header === null || !/^\s*\d+\s*$/.test(header)) return undefined;
  const length = Number(header);
  return Number.isSafeInteger(length) ? length : undefined;
}

/**
 * Reads body bytes [skip, skip + take), then cancels the stream so nothing more is downloaded.
 * Returns fewer bytes when the body ends first.
 */
async function readBody(response: Response, skip: number, take: number): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let seen = 0;
  let kept = 0;
  let ended = false;
  try {
    while (kept < take) {
      const { done, value } = await reader.read();
      if (done) {
        ended = true;
        break;
      }
      const from = Math.max(0, skip - seen);
      seen += value.length;
      if (from >= value.length) continue;
      const piece = value.subarray(from, from + (take - kept));
      chunks.push(piece);
      kept += piece.length;
    }
  } catch (error) {
    reader.cancel(error).catch(() => {});
    throw error;
  }
  if (!ended) reader.cancel().catch(() => {});
  return concatChunks(chunks, kept);
}


function parseHttpUrl(input: string | URL): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch (error) {
    throw new MediaSourceError(`Not a valid URL: ${String(input)}`, String(input), { code: 'E_SOURCE_BAD_ARGUMENT', cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new MediaSourceError(`Only http and https URLs can be fetched, not ${url.protocol}`, redactedLabel(url), {
      code: 'E_SOURCE_UNSUPPORTED',
    });
  }
  return url;
}

/** Origin and path only: presigned URLs carry credentials in the query, which must not reach reports. */
export function redactedLabel(url: URL): string {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${url.protocol}…`;
  return `${url.origin}${url.pathname}${url.search ? '?…' : ''}`;
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const code = (cause as { code?: unknown } | undefined)?.code;
  const causeText = cause instanceof Error ? cause.message : undefined;
  const detail = typeof code === 'string' ? code : causeText;
  return detail ? `${error.message} (${detail})` : error.message;
}

function badArgument(message: string, input: string): MediaSourceError {
  return new MediaSourceError(message, input, { code: 'E_SOURCE_BAD_ARGUMENT' });
}
