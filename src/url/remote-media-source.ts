import type { MediaSource } from '../sources/source.js';
import { parseContentRange } from '../sources/url-source.js';
import type { CrawlerClient, Exchange } from './crawler-client.js';
import { httpStatusFailure } from './http-status-failure.js';
import { UrlFailure } from './url-failure.js';

/**
 * A MediaSource read through the crawler client: ranged GETs where the server honours Range,
 * else a growing prefix re-downloaded from byte 0 (doubling, so a forward scan costs log n
 * downloads). Bytes and requests count against the check's budgets; failures are UrlFailures.
 */
export class RemoteMediaSource implements MediaSource {
  constructor(
    private readonly client: CrawlerClient,
    private readonly url: URL,
    readonly size: number,
    private prefix: Uint8Array,
    private readonly rangeSupported: boolean,
    readonly name: string,
  ) {}

  async read(offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array> {
    signal?.throwIfAborted();
    const start = Math.max(0, Math.min(offset, this.size));
    const end = Math.min(this.size, start + Math.max(0, length));
    if (end === start) return new Uint8Array(0);
    if (end <= this.prefix.length) return this.prefix.subarray(start, end);
    if (this.rangeSupported) return this.fetchRange(start, end);
    await this.growPrefix(end);
    return this.prefix.subarray(start, Math.min(end, this.prefix.length));
  }

  async close(): Promise<void> {
    this.prefix = new Uint8Array(0);
  }

  private async fetchRange(start: number, end: number): Promise<Uint8Array> {
    const exchange = await this.client.get(this.url, { range: { start, end: end - 1 } });
    const { status, statusText } = exchange.response;
    if (status === 206) {
      const length = checkedRangeLength(exchange, start, end - start);
      const { bytes } = await this.client.readBody(exchange, length, { overBudget: 'url-probe-budget', toEnd: true });
      if (bytes.length < length) throw truncated(bytes.length, length);
      return bytes;
    }
    if (status < 200 || status > 299) {
      exchange.response.cancel();
      // The resource shrank since it was opened: nothing is left at this offset.
      if (status === 416) return new Uint8Array(0);
      throw httpStatusFailure(status, statusText);
    }
    // The server stopped honouring Range (another backend behind the same URL): skip to the offset.
    const { bytes } = await this.client.readBody(exchange, end - start, { overBudget: 'url-probe-budget', skip: start });
    return bytes;
  }

  private async growPrefix(end: number): Promise<void> {
    // Double the cached prefix at least, so a forward scan costs log(n) downloads, not n.
    const target = Math.min(this.size, Math.max(end, this.prefix.length * 2));
    const exchange = await this.client.get(this.url);
    const { status, statusText } = exchange.response;
    if (status < 200 || status > 299) {
      exchange.response.cancel();
      throw httpStatusFailure(status, statusText);
    }
    const { bytes } = await this.client.readBody(exchange, target, { overBudget: 'url-probe-budget', toEnd: target === this.size });
    if (bytes.length > this.prefix.length) this.prefix = bytes;
  }
}

/**
 * A 206 must answer the range asked, or stop early exactly at the end of the resource, and its
 * Content-Length (when given) must agree. Returns the byte count the body must carry.
 */
export function checkedRangeLength(exchange: Exchange, start: number, length: number): number {
  const header = exchange.response.header('content-range');
  const range = parseContentRange(header);
  const askedEnd = start + length - 1;
  const endsAtResourceEnd = range !== undefined && range.total !== undefined && range.end === range.total - 1;
  if (!range || range.start !== start || range.end > askedEnd || (range.end < askedEnd && !endsAtResourceEnd)) {
    exchange.response.cancel();
    throw new UrlFailure(
      'url-bad-range',
      `The server answered bytes=${start}-${askedEnd} with Content-Range "${header ?? '(none)'}".`,
      `Content-Range ${header ?? '(none)'} for bytes=${start}-${askedEnd}`,
    );
  }
  const count = range.end - range.start + 1;
  const declared = exchange.response.header('content-length');
  if (declared !== null && /^\s*\d+\s*$/.test(declared) && Number(declared) !== count) {
    exchange.response.cancel();
    throw new UrlFailure('url-length-mismatch', `The server's Content-Length (${declared.trim()}) does not match its Content-Range (${count} bytes).`, `Content-Length ${declared.trim()}, Content-Range ${header}`);
  }
  return count;
}

export function truncated(got: number, expected: number): UrlFailure {
  return new UrlFailure('url-truncated', `The body ended after ${got} of the ${expected} bytes the server announced.`, `${got} of ${expected} bytes`);
}
