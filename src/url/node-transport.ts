import { request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { lookup as dnsLookup } from 'node:dns/promises';
import type { Socket } from 'node:net';
import { rootCertificates } from 'node:tls';
import { classifyAddress } from './classify-address.js';
import { createSafeLookup } from './safe-lookup.js';
import { TransportFailure, type Resolver, type TransportRequest, type TransportResponse, type UrlTransport } from './transport.js';

/** Options for the node:http/https transport: DNS resolver, address safety, extra CAs, header cap. */
export type NodeTransportOptions = {
  /** Resolves names; default: the system resolver, every address (`dns.lookup` with `all`). */
  resolver?: Resolver;
  /** Lets loopback, private and other non-public addresses through (local testing). Default false. */
  allowPrivateNetwork?: boolean;
  /**
   * Host names whose addresses are not checked (a staging host on a private network; tests).
   * IP literals and redirects to other hosts are still checked.
   */
  allowHosts?: readonly string[];
  /** Extra trusted CA certificates in PEM (a test CA, a corporate CA), added to Node's own. */
  ca?: string | readonly string[];
  /** Largest response head accepted. Default 16 KiB, Node's own default; larger heads fail as `headers-too-large`. */
  maxHeaderBytes?: number;
};

const DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
/** After a body ends, how long to wait for the server to close: extra bytes past Content-Length show up as a parse error by then. */
const CLOSE_GRACE_MS = 250;

/**
 * A transport on node:http/node:https that connects only to addresses that pass the
 * address-safety rule: names are resolved by our own lookup, which vets every address before the
 * socket connects (so DNS rebinding between check and connect cannot slip through), IP literals are
 * vetted before the request, and the connected address is checked again. No agent, no keep-alive,
 * no cookies, no proxy.
 */
export function createNodeTransport(options: NodeTransportOptions = {}): UrlTransport {
  const resolver = options.resolver ?? systemResolver;
  const allowPrivate = options.allowPrivateNetwork ?? false;
  const allowHosts = new Set((options.allowHosts ?? []).map((h) => h.toLowerCase()));
  const maxHeaderBytes = options.maxHeaderBytes ?? DEFAULT_MAX_HEADER_BYTES;
  const ca = options.ca === undefined ? undefined : typeof options.ca === 'string' ? [options.ca] : [...options.ca];
  // Passing `ca` replaces Node's bundled roots, so a custom CA is added to them, not used instead.
  const trustedCa = ca ? [...ca, ...rootCertificates] : undefined;
  const vets = (host: string): boolean => !allowPrivate && !allowHosts.has(host.toLowerCase());

  return {
    environment: 'node',
    manualRedirects: true,
    checksAddresses: !allowPrivate,
    controlsHeaders: true,
    request: (req) => send(req, { resolver, vets, maxHeaderBytes, ca: trustedCa }),
  };
}

type SendContext = {
  resolver: Resolver;
  vets: (host: string) => boolean;
  maxHeaderBytes: number;
  ca: string[] | undefined;
};

async function systemResolver(host: string): Promise<Array<{ address: string; family: number }>> {
  return dnsLookup(host, { all: true, verbatim: true });
}

function send(req: TransportRequest, ctx: SendContext): Promise<TransportResponse> {
  const { url, signal } = req;
  if (signal.aborted) return Promise.reject(aborted(signal));
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const literal = classifyAddress(host);
  // Node skips `lookup` for IP literals, so they are vetted here, before any socket exists.
  if (literal && !literal.public && ctx.vets(url.hostname)) {
    return Promise.reject(privateAddress(literal.address, literal.label));
  }
  const https = url.protocol === 'https:';
  const options: RequestOptions & { ca?: string[] } = {
    protocol: url.protocol,
    hostname: host,
    port: url.port || (https ? 443 : 80),
    path: `${url.pathname}${url.search}`,
    method: 'GET',
    headers: req.headers,
    agent: false,
    lookup: createSafeLookup(ctx.resolver, ctx.vets(url.hostname)),
    maxHeaderSize: ctx.maxHeaderBytes,
    signal,
  };
  if (https && ctx.ca) options.ca = ctx.ca;

  return new Promise<TransportResponse>((resolve, reject) => {
    let request: ClientRequest;
    try {
      request = (https ? httpsRequest : httpRequest)(options);
    } catch (error) {
      reject(mapError(error, signal));
      return;
    }
    // Errors after the response (a parse error from bytes past Content-Length) are kept for the body reader.
    let late: unknown;
    let responded = false;
    request.on('error', (error) => {
      if (responded) late ??= error;
      else reject(mapError(error, signal));
    });
    request.on('socket', (socket: Socket) => {
      socket.once('connect', () => {
        const connected = socket.remoteAddress ? classifyAddress(socket.remoteAddress) : null;
        if (connected && !connected.public && ctx.vets(url.hostname)) {
          request.destroy(privateAddress(connected.address, connected.label));
        }
      });
    });
    request.on('response', (res: IncomingMessage) => {
      responded = true;
      resolve(wrapResponse(url, request, res, signal, () => late));
    });
    request.end();
  });
}

function wrapResponse(url: URL, request: ClientRequest, res: IncomingMessage, signal: AbortSignal, late: () => unknown): TransportResponse {
  const iterator = res[Symbol.asyncIterator]();
  const closed = new Promise<void>((resolve) => request.once('close', () => resolve()));
  let finished = false;
  const cancel = (): void => {
    finished = true;
    res.destroy();
    request.destroy();
  };
  return {
    status: res.statusCode ?? 0,
    statusText: res.statusMessage ?? '',
    header: (name) => {
      const v = res.headers[name.toLowerCase()];
      return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
    },
    url: url.href,
    redirected: false,
    remoteAddress: res.socket?.remoteAddress ?? null,
    async read() {
      if (finished) return null;
      try {
        const next = await iterator.next();
        if (!next.done) {
          const chunk = next.value as Buffer;
          return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
        }
      } catch (error) {
        finished = true;
        throw bodyError(error, res, signal);
      }
      finished = true;
      // Bytes beyond Content-Length make Node's parser fail once they arrive; give them a moment.
      await Promise.race([closed, delay(CLOSE_GRACE_MS)]);
      const error = late();
      request.destroy();
      if (error && !signal.aborted) {
        throw new TransportFailure('length-mismatch', `the server sent more bytes than its Content-Length (${res.headers['content-length'] ?? '?'})`, { cause: error, code: errorCode(error) });
      }
      return null;
    },
    cancel,
  };
}

function bodyError(error: unknown, res: IncomingMessage, signal: AbortSignal): TransportFailure {
  if (signal.aborted) return aborted(signal);
  // Node reports a connection closed before Content-Length was reached as ECONNRESET "aborted".
  if (!res.complete && (errorCode(error) === 'ECONNRESET' || (error as Error | null)?.message === 'aborted')) {
    const length = res.headers['content-length'];
    return new TransportFailure('truncated', `the connection closed before the body was complete${length ? ` (Content-Length ${length})` : ''}`, { cause: error, code: errorCode(error) });
  }
  return mapError(error, signal);
}

/** Node's error codes → failure kinds. */
export function mapError(error: unknown, signal: AbortSignal): TransportFailure {
  if (error instanceof TransportFailure) return error;
  if (signal.aborted) return aborted(signal);
  const code = errorCode(error) ?? '';
  const message = (error as Error | null)?.message ?? String(error);
  const kind = kindOfCode(code, message);
  return new TransportFailure(kind, message, { cause: error, code: code || undefined });
}

function kindOfCode(code: string, message: string): TransportFailure['kind'] {
  if (code === 'ABORT_ERR') return 'aborted';
  if (/^(ENOTFOUND|EAI_AGAIN|EAI_FAIL|EAI_NODATA|EAI_NONAME|ENODATA)$/.test(code)) return 'dns';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'reset';
  if (/^(EHOSTUNREACH|ENETUNREACH|EHOSTDOWN|ENETDOWN)$/.test(code)) return 'unreachable';
  if (code === 'CERT_HAS_EXPIRED') return 'tls-expired';
  if (/^(DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|UNABLE_TO_GET_ISSUER_CERT)$/.test(code)) return 'tls-self-signed';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return 'tls-hostname';
  if (/^(CERT_|ERR_SSL_|ERR_TLS_|EPROTO)/.test(code) || /SSL|TLS/.test(message)) return 'tls';
  if (code === 'HPE_HEADER_OVERFLOW') return 'headers-too-large';
  if (code.startsWith('HPE_')) return 'protocol';
  return 'network';
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function privateAddress(address: string, label: string): TransportFailure {
  return new TransportFailure('private-address', `${address} is not a public address (${label})`, { address: { address, label } });
}

function aborted(signal: AbortSignal): TransportFailure {
  return new TransportFailure('aborted', 'the request was aborted', { cause: signal.reason });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
