import { TransportFailure, type TransportRequest, type TransportResponse, type UrlTransport } from './transport.js';

/** Options for the fetch-based transport the URL check uses in browsers. */
export type FetchTransportOptions = {
  /** The fetch to use; default the global one. */
  fetch?: typeof fetch;
};

/**
 * A transport on the browser's `fetch` (`mode: 'cors'`, no credentials, no cache). The browser
 * follows redirects itself, hides the connected address, forbids setting User-Agent and
 * Accept-Encoding, and shows only the headers CORS exposes; the check reports what it could not see.
 */
export function createFetchTransport(options: FetchTransportOptions = {}): UrlTransport {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  return {
    environment: 'browser',
    manualRedirects: false,
    checksAddresses: false,
    controlsHeaders: false,
    request: (req) => send(fetchImpl, req),
  };
}

/** Headers a page may set on a CORS request without tripping the browser's forbidden list. */
const SENDABLE = new Set(['range', 'accept']);

async function send(fetchImpl: typeof fetch, req: TransportRequest): Promise<TransportResponse> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (SENDABLE.has(k)) headers[k] = v;
  let response: Response;
  try {
    response = await fetchImpl(req.url.href, {
      method: 'GET',
      mode: 'cors',
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
      referrerPolicy: 'no-referrer',
      headers,
      signal: req.signal,
    });
  } catch (error) {
    if (req.signal.aborted) throw new TransportFailure('aborted', 'the request was aborted', { cause: error });
    // fetch gives one opaque TypeError for CORS refusals, DNS failures, refused connections and bad certificates alike.
    if (error instanceof TypeError) throw new TransportFailure('cors', `the browser refused the request: ${error.message}`, { cause: error });
    throw new TransportFailure('network', String(error), { cause: error });
  }
  const reader = response.body?.getReader();
  let done = !reader;
  return {
    status: response.status,
    statusText: response.statusText,
    header: (name) => response.headers.get(name),
    url: response.url || req.url.href,
    redirected: response.redirected,
    remoteAddress: null,
    async read() {
      if (done || !reader) return null;
      try {
        const next = await reader.read();
        if (next.done) {
          done = true;
          return null;
        }
        return next.value;
      } catch (error) {
        done = true;
        if (req.signal.aborted) throw new TransportFailure('aborted', 'the request was aborted', { cause: error });
        throw new TransportFailure('truncated', `the body stopped before its end: ${(error as Error)?.message ?? String(error)}`, { cause: error });
      }
    },
    cancel() {
      if (done) return;
      done = true;
      reader?.cancel().catch(() => {});
    },
  };
}
