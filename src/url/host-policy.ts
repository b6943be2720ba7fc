import { classifyAddress, type AddressVerdict } from './classify-address.js';

/** The address-safety rule's view of a URL host, before any DNS lookup. */
export type HostVerdict =
  /** A name to resolve; the resolved addresses are judged at connection time. */
  | { kind: 'name'; host: string }
  /** An IP literal (in any numeric spelling), already judged. */
  | { kind: 'address'; host: string; verdict: AddressVerdict }
  /** A name that only ever means a local or internal machine. */
  | { kind: 'local-name'; host: string; label: string };

/** Names that never resolve to a public server, whatever DNS says. */
const LOCAL_NAMES: ReadonlyMap<string, string> = new Map([
  ['localhost', 'localhost'],
  ['localhost.localdomain', 'localhost'],
  ['ip6-localhost', 'localhost'],
  ['ip6-loopback', 'localhost'],
  ['metadata.google.internal', 'Google Cloud instance metadata'],
  ['metadata.goog', 'Google Cloud instance metadata'],
  ['instance-data', 'AWS instance metadata'],
  ['instance-data.ec2.internal', 'AWS instance metadata'],
]);

/** Suffixes reserved for local use (RFC 6761, RFC 6762, RFC 8375, ICANN's .internal). */
const LOCAL_SUFFIXES: ReadonlyArray<[string, string]> = [
  ['.localhost', 'a subdomain of localhost (always loopback, RFC 6761)'],
  ['.local', 'multicast DNS (.local)'],
  ['.internal', 'a private-use .internal name'],
  ['.home.arpa', 'a home network name (.home.arpa)'],
  ['.localdomain', 'a local domain (.localdomain)'],
];

/**
 * Judges a URL's hostname (as `URL.hostname` gives it, brackets and all) without touching the
 * network: numeric forms are normalised and classified, local-only names are refused.
 */
export function judgeHost(hostname: string): HostVerdict {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const verdict = classifyAddress(host);
  if (verdict) return { kind: 'address', host, verdict };
  const known = LOCAL_NAMES.get(host);
  if (known) return { kind: 'local-name', host, label: known };
  for (const [suffix, label] of LOCAL_SUFFIXES) if (host.endsWith(suffix)) return { kind: 'local-name', host, label };
  // A name without a dot resolves only through a local search domain, never for a public crawler.
  if (!host.includes('.')) return { kind: 'local-name', host, label: 'a single-label name (resolves only on a local network)' };
  return { kind: 'name', host };
}

/** True when the host is refused by the address-safety rule before any lookup. */
export function isRefusedHost(verdict: HostVerdict): boolean {
  return verdict.kind === 'local-name' || (verdict.kind === 'address' && !verdict.verdict.public);
}

/** One line for messages: "127.0.0.1 (loopback 127.0.0.0/8)". */
export function describeHostVerdict(verdict: HostVerdict): string {
  if (verdict.kind === 'local-name') return `${verdict.host} (${verdict.label})`;
  if (verdict.kind === 'address') return verdict.verdict.public ? verdict.verdict.address : `${verdict.verdict.address} (${verdict.verdict.label})`;
  return verdict.host;
}
