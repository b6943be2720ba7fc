import { createServer, type IncomingHttpHeaders, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * How a route answers a request for its body:
 * - `range`: honours `Range` (206 + Content-Range, 416 past the end), 200 without it.
 * - `ignore-range`: always 200 with the whole body and a Content-Length.
 * - `chunked`: always 200 with the whole body and no Content-Length.
 * - `wrong-range`: like `range`, but a range that starts after 0 gets bytes and a Content-Range one byte later.
 * - `overlong-range`: 206 with the right Content-Range, then the body runs on to the end of the file (chunked).
 */
export type ServeMode = 'range' | 'ignore-range' | 'chunked' | 'wrong-range' | 'overlong-range';

export interface TestRoute {
  body?: Uint8Array;
  /** Default `range`. */
  mode?: ServeMode;
  /** Answer every request with this status and a short text body (403, 404, 500...). */
  status?: number;
  /** Answer 302 to this path (chains are routes that redirect to each other). */
  redirectTo?: string;
  /** Wait this long before sending headers. */
  headerDelayMs?: number;
  /** Wait this long before each body chunk. */
  chunkDelayMs?: number;
  /** Body chunk size; default 64 KiB. */
  chunkSize?: number;
  /** Default application/octet-stream; null sends no Content-Type. */
  contentType?: string | null;
  /** Extra response headers (huge ones, Content-Encoding...). */
  headers?: Record<string, string>;
  /** Status for `redirectTo`; default 302. */
  redirectStatus?: number;
  /** Takes over the socket and writes raw bytes: lying lengths, resets, endless bodies, trickled heads. */
  raw?: (socket: Socket, req: IncomingMessage, stopping: AbortSignal) => void | Promise<void>;
}

export interface TestServerOptions {
  /** Serve HTTPS with this key and certificate (PEM). */
  tls?: { key: string; cert: string };
}

export interface ServedRequest {
  path: string;
  method: string;
  range: string | undefined;
  headers: IncomingHttpHeaders;
  status: number;
  /** Body bytes handed to the socket (writes wait for drain, so this tracks what the client pulled). */
  bytesSent: number;
  /** True when the whole response body was written. */
  completed: boolean;
  /** Settles when the response finished or the client went away. */
  done: Promise<void>;
}

export interface HttpTestServer {
  readonly origin: string;
  url(path: string): string;
  /** Adds or replaces the route for `path`. */
  route(path: string, route: TestRoute): void;
  /** Every request received, in order. */
  readonly requests: ServedRequest[];
  /** TCP connections accepted (a refused-before-connecting check leaves this at 0). */
  readonly connections: () => number;
  requestsTo(path: string): ServedRequest[];
  /** Waits until every response so far has finished or been abandoned by its client. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** A real HTTP (or HTTPS) server on 127.0.0.1 and an ephemeral port, for testing the URL source against real sockets. */
export async function startHttpTestServer(options: TestServerOptions = {}): Promise<HttpTestServer> {
  const routes = new Map<string, TestRoute>();
  const requests: ServedRequest[] = [];
  const stopping = new AbortController();
  let connections = 0;

  const handler: RequestListener = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const record: ServedRequest = {
      path,
      method: req.method ?? 'GET',
      range: req.headers.range,
      headers: req.headers,
      status: 0,
      bytesSent: 0,
      completed: false,
      done: new Promise((resolve) => res.once('close', () => resolve())),
    };
    requests.push(record);
    const route = routes.get(path);
    if (route?.raw) {
      void Promise.resolve(route.raw(req.socket, req, stopping.signal)).catch(() => req.socket.destroy());
      return;
    }
    void respond(route, req.headers.range, res, record, stopping.signal).catch(() => res.destroy());
  };
  const server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, handler) : createServer(handler);
  server.on('connection', (socket: Socket) => {
    connections++;
    // A client that resets or drops the connection must not crash the test run.
    socket.on('error', () => {});
  });
  // Failed TLS handshakes (a client refusing our test certificate) are expected.
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    url: (path) => origin + path,
    route: (path, route) => void routes.set(path, route),
    requests,
    connections: () => connections,
    requestsTo: (path) => requests.filter((r) => r.path === path),
    settled: async () => void (await Promise.all(requests.map((r) => r.done))),
    close: async () => {
      stopping.abort();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function respond(
  route: TestRoute | undefined,
  rangeHeader: string | undefined,
  res: ServerResponse,
  record: ServedRequest,
  stopping: AbortSignal,
): Promise<void> {
  if (route?.headerDelayMs) await sleep(route.headerDelayMs, undefined, { signal: stopping });
  if (res.destroyed) return;
  if (!route) return sendText(res, record, 404, 'no such route');
  if (route.redirectTo) {
    record.status = route.redirectStatus ?? 302;
    res.writeHead(record.status, { location: route.redirectTo, 'content-length': '0' }).end();
    return;
  }
  if (route.status) return sendText(res, record, route.status, `status ${route.status}`);

  const body = route.body ?? new Uint8Array(0);
  const mode = route.mode ?? 'range';
  const type = {
    ...(route.contentType === null ? {} : { 'content-type': route.contentType ?? 'application/octet-stream' }),
    ...route.headers,
  };
  const range = mode === 'ignore-range' || mode === 'chunked' ? undefined : parseRange(rangeHeader, body.length);

  if (range === 'unsatisfiable') {
    record.status = 416;
    res.writeHead(416, { 'content-range': `bytes */${body.length}`, 'content-length': '0' }).end();
    return;
  }
  if (range === undefined) {
    record.status = 200;
    const length = mode === 'chunked' ? {} : { 'content-length': String(body.length) };
    res.writeHead(200, { ...type, ...length, ...(mode === 'range' ? { 'accept-ranges': 'bytes' } : {}) });
    return sendBody(res, record, body, route, stopping);
  }
  const shift = mode === 'wrong-range' && range.start > 0 ? 1 : 0;
  const start = Math.min(range.start + shift, body.length - 1);
  const end = Math.min(range.end + shift, body.length - 1);
  record.status = 206;
  const headers = { ...type, 'accept-ranges': 'bytes', 'content-range': `bytes ${start}-${end}/${body.length}` };
  if (mode === 'overlong-range') {
    res.writeHead(206, headers);
    return sendBody(res, record, body.subarray(start), route, stopping);
  }
  res.writeHead(206, { ...headers, 'content-length': String(end - start + 1) });
  return sendBody(res, record, body.subarray(start, end + 1), route, stopping);
}

/** Parses a single `bytes=a-b`, `bytes=a-` or `bytes=-n`; undefined means "no usable Range: send it all". */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    return size === 0 || suffix === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size) return 'unsatisfiable';
  return end < start ? undefined : { start, end };
}

/** Writes in chunks and waits for drain, so bytesSent stays close to what the client really consumed. */
async function sendBody(
  res: ServerResponse,
  record: ServedRequest,
  body: Uint8Array,
  route: TestRoute,
  stopping: AbortSignal,
): Promise<void> {
  const chunkSize = route.chunkSize ?? 65_536;
  for (let at = 0; at < body.length; at += chunkSize) {
    if (route.chunkDelayMs) await sleep(route.chunkDelayMs, undefined, { signal: stopping });
    if (res.destroyed) return;
    const chunk = body.subarray(at, at + chunkSize);
    record.bytesSent += chunk.length;
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        const resume = (): void => {
          res.off('drain', resume);
          res.off('close', resume);
          resolve();
        };
        res.on('drain', resume);
        res.on('close', resume);
      });
    }
  }
  if (res.destroyed) return;
  record.completed = true;
  res.end();
}

function sendText(res: ServerResponse, record: ServedRequest, status: number, text: string): void {
  record.status = status;
  res.writeHead(status, { 'content-type': 'text/plain', 'content-length': String(Buffer.byteLength(text)) }).end(text);
}
