import { URL_PROBE_CHUNK_BYTES } from '../sources/url-source.js';
import type { CrawlerClient, Exchange } from './crawler-client.js';
import { httpStatusFailure } from './http-status-failure.js';
import { checkedRangeLength, truncated } from './remote-media-source.js';
import { UrlFailure } from './url-failure.js';

/** What the opening GET (bytes 0–64 KiB) learnt about the resource. */
export type OpenedMedia = {
  exchange: Exchange;
  status: number;
  /** Size of the resource in bytes. */
  size: number;
  /** True when the server answered the ranged GET with 206. */
  rangeSupported: boolean;
  /** True when a header (Content-Length or Content-Range) gave the size. */
  lengthDeclared: boolean;
  /** Bytes [0, prefix.length) of the resource. */
  prefix: Uint8Array;
  contentType: string | null;
  contentEncoding: string | null;
  /** ms from the first request to the first body byte. */
  firstByteMs: number;
  /** Set when a body without length ran past maxBytes: the size is unknown and nothing can be probed. */
  unbounded: UrlFailure | null;
};

/**
 * The first request, as a ranged GET (not HEAD: many CDNs and presigned URLs refuse HEAD).
 * One request learns the status, the headers, whether ranges work and the first 64 KiB.
 */
export async function openMedia(client: CrawlerClient, url: URL): Promise<OpenedMedia> {
  const exchange = await client.get(url, { range: { start: 0, end: URL_PROBE_CHUNK_BYTES - 1 } });
  const r = exchange.response;
  const base = {
    exchange,
    status: r.status,
    contentType: r.header('content-type'),
    contentEncoding: r.header('content-encoding'),
    unbounded: null,
  };
  const firstByteMs = (): number => (exchange.firstByteAt ?? performance.now()) - exchange.startedAt;

  if (r.status === 206 && r.header('content-range') === null && client.options.transport.environment === 'browser') {
    r.cancel();
    throw new UrlFailure(
      'url-cors-limited',
      'The server answers the Range request, but CORS hides its Content-Range, so the page cannot learn the size or read by range.',
      'Content-Range not exposed (Access-Control-Expose-Headers)',
    );
  }
  if (r.status === 206) {
    const length = checkedRangeLength(exchange, 0, URL_PROBE_CHUNK_BYTES);
    const total = totalOf(r.header('content-range'));
    const { bytes } = await client.readBody(exchange, length, { overBudget: 'url-body-unbounded', toEnd: true });
    if (bytes.length < length) throw truncated(bytes.length, length);
    if (total === undefined) {
      throw new UrlFailure('url-no-length', 'The server answers ranges without a total size (Content-Range "bytes a-b/*"), so the file cannot be read by range.', r.header('content-range') ?? '(none)');
    }
    return { ...base, size: total, rangeSupported: true, lengthDeclared: true, prefix: bytes, firstByteMs: firstByteMs() };
  }
  if (r.status === 416 && /^\s*bytes\s+\*\/0\s*$/i.test(r.header('content-range') ?? '')) {
    // An empty resource cannot satisfy bytes=0-…; the server says so with "bytes */0".
    exchange.response.cancel();
    return { ...base, size: 0, rangeSupported: true, lengthDeclared: true, prefix: new Uint8Array(0), firstByteMs: firstByteMs() };
  }
  if (r.status < 200 || r.status > 299) {
    r.cancel();
    throw httpStatusFailure(r.status, r.statusText);
  }

  const declared = declaredLength(r.header('content-length'), base.contentEncoding);
  if (declared !== null) {
    // Only the first chunk: reading on would download the whole file.
    const take = Math.min(declared, URL_PROBE_CHUNK_BYTES);
    const { bytes } = await client.readBody(exchange, take, { overBudget: 'url-body-unbounded', toEnd: take === declared });
    if (bytes.length < take) throw truncated(bytes.length, declared);
    return { ...base, size: declared, rangeSupported: false, lengthDeclared: true, prefix: bytes, firstByteMs: firstByteMs() };
  }
  // No length and no range: the whole body, up to the byte budget, is the only way to learn the size.
  const opened = { ...base, rangeSupported: false, lengthDeclared: false };
  try {
    const { bytes } = await client.readBody(exchange, Number.MAX_SAFE_INTEGER, { overBudget: 'url-body-unbounded' });
    return { ...opened, size: bytes.length, prefix: bytes, firstByteMs: firstByteMs() };
  } catch (error) {
    if (!(error instanceof UrlFailure) || error.code !== 'url-body-unbounded') throw error;
    return { ...opened, size: client.bytesDownloaded, prefix: new Uint8Array(0), firstByteMs: firstByteMs(), unbounded: error };
  }
}

function totalOf(contentRange: string | null): number | undefined {
  const m = /\/(\d+)\s*$/.exec(contentRange ?? '');
  return m ? Number(m[1]) : undefined;
}

/** Content-Length of the stored bytes; unknown when absent, malformed or when the transfer is compressed. */
function declaredLength(header: string | null, encoding: string | null): number | null {
  if (encoding && encoding.trim().toLowerCase() !== 'identity') return null;
  if (header === null || !/^\s*\d+\s*$/.test(header)) return null;
  const n = Number(header);
  return Number.isSafeInteger(n) ? n : null;
}
