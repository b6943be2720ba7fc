/**
 * The one seam between the isomorphic URL check and the network. Node gets a transport that
 * vets every address before its socket connects (node-transport.ts); a browser gets `fetch`
 * (fetch-transport.ts), which hides addresses and redirects, and says so.
 */

export type TransportRequest = {
  url: URL;
  /** Lower-case names. Browsers drop the ones they forbid (User-Agent, Accept-Encoding). */
  headers: Record<string, string>;
  /** Aborts connecting, waiting for headers and reading the body. */
  signal: AbortSignal;
};

/** What a transport returns for one request: status, headers and a bounded body reader. */
export interface TransportResponse {
  status: number;
  statusText: string;
  /** A header's value (lower-case name), or null when absent or hidden by CORS. */
  header(name: string): string | null;
  /** The URL that answered: the request URL, or where `fetch` ended up after its own redirects. */
  readonly url: string;
  /** True when the transport itself followed redirects (fetch). */
  readonly redirected: boolean;
  /** The IP address the socket connected to, when the transport knows it. */
  readonly remoteAddress: string | null;
  /** The next body chunk, or null at the end. Rejects with a TransportFailure. */
  read(): Promise<Uint8Array | null>;
  /** Stops reading and releases the connection. Safe to call twice. */
  cancel(): void;
}

/** How the URL check sends requests: node:http(s) with address safety in Node, fetch in browsers. */
export interface UrlTransport {
  readonly environment: 'node' | 'browser';
  /** True when 3xx answers reach the caller, who follows them hop by hop and vets each hop. */
  readonly manualRedirects: boolean;
  /** True when every resolved and connected address is checked against the address-safety rule. */
  readonly checksAddresses: boolean;
  /** True when User-Agent and Accept-Encoding go out as given (browsers forbid setting them). */
  readonly controlsHeaders: boolean;
  request(request: TransportRequest): Promise<TransportResponse>;
}

/** What went wrong below HTTP: each maps to its own `url-*` issue. */
export type TransportFailureKind =
  | 'dns'
  | 'private-address'
  | 'refused'
  | 'reset'
  | 'unreachable'
  | 'tls-expired'
  | 'tls-self-signed'
  | 'tls-hostname'
  | 'tls'
  | 'headers-too-large'
  | 'protocol'
  | 'truncated'
  | 'length-mismatch'
  | 'cors'
  | 'aborted'
  | 'network';

/** A request that failed below HTTP (DNS, refused address, TLS, reset, timeout), with its kind. */
export class TransportFailure extends Error {
  override name = 'TransportFailure';
  readonly kind: TransportFailureKind;
  /** The refused address and why, for `private-address`. */
  readonly address: { address: string; label: string } | undefined;
  /** The underlying error code (ENOTFOUND, CERT_HAS_EXPIRED, ...), when there was one. */
  readonly code: string | undefined;

  constructor(kind: TransportFailureKind, message: string, options: { cause?: unknown; code?: string; address?: { address: string; label: string } } = {}) {
    super(message, { cause: options.cause });
    this.kind = kind;
    this.code = options.code;
    this.address = options.address;
  }
}

/** Resolves a name to addresses; the default is the system resolver (getaddrinfo). */
export type Resolver = (host: string) => Promise<Array<{ address: string; family: number }>>;
