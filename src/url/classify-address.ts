import { ipv4SpecialRanges, ipv6SpecialRanges, type AddressCategory, type AddressRange } from './address-ranges.js';
import { formatIpv4, parseIpv4Loose, parseIpv4Strict, type Ipv4Bytes } from './ipv4-address.js';
import { formatIpv6, parseIpv6 } from './ipv6-address.js';

/** What the address-safety rule concludes about one IP address. */
export type AddressVerdict =
  | { public: true; address: string; family: 4 | 6 }
  | {
      public: false;
      /** Canonical text of the address judged. */
      address: string;
      family: 4 | 6;
      category: AddressCategory;
      /** The block, for people: "loopback 127.0.0.0/8", "IPv4-mapped form of ...". */
      label: string;
    };

/**
 * Classifies an IP address given as text in any form a URL or a resolver can produce.
 * Returns null when the text is not an IP address (it is a host name).
 *
 * @example
 * classifyAddress('0x7f000001'); // { public: false, category: 'loopback', address: '127.0.0.1', ... }
 */
export function classifyAddress(text: string): AddressVerdict | null {
  const v6 = parseIpv6(text);
  if (v6) return classifyIpv6(v6);
  const v4 = parseIpv4Loose(text) ?? parseIpv4Strict(text);
  return v4 ? classifyIpv4(v4) : null;
}

export function classifyIpv4(bytes: Ipv4Bytes): AddressVerdict {
  const address = formatIpv4(bytes);
  const range = ipv4SpecialRanges.find((r) => inIpv4Range(bytes, r));
  if (!range) return { public: true, address, family: 4 };
  return { public: false, address, family: 4, category: range.category, label: range.label };
}

export function classifyIpv6(bytes: Uint8Array): AddressVerdict {
  const address = formatIpv6(bytes);
  const embedded = embeddedIpv4(bytes);
  if (embedded) {
    const inner = classifyIpv4(embedded.v4);
    if (embedded.alwaysPrivate) {
      return { public: false, address, family: 6, category: 'reserved', label: `${embedded.form} of ${inner.address} (not routed on the internet)` };
    }
    if (!inner.public) return { public: false, address, family: 6, category: inner.category, label: `${embedded.form} of ${inner.address}: ${inner.label}` };
    return { public: true, address, family: 6 };
  }
  const range = ipv6SpecialRanges.find((r) => inIpv6Range(bytes, r));
  if (range) return { public: false, address, family: 6, category: range.category, label: range.label };
  // Only 2000::/3 is allocated for global unicast; everything else is reserved by IANA.
  if ((bytes[0]! & 0xe0) !== 0x20) return { public: false, address, family: 6, category: 'reserved', label: 'outside global unicast 2000::/3' };
  return { public: true, address, family: 6 };
}

type Embedded = { v4: Ipv4Bytes; form: string; alwaysPrivate: boolean };

/** IPv6 forms that carry an IPv4 address a connection may end up at. */
function embeddedIpv4(b: Uint8Array): Embedded | null {
  const zeros = (from: number, to: number): boolean => b.subarray(from, to).every((x) => x === 0);
  const tail = (at: number): Ipv4Bytes => [b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!];
  // ::ffff:a.b.c.d — the socket connects to a.b.c.d.
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return { v4: tail(12), form: 'IPv4-mapped form', alwaysPrivate: false };
  // ::ffff:0:a.b.c.d (SIIT, RFC 2765).
  if (zeros(0, 8) && b[8] === 0xff && b[9] === 0xff && b[10] === 0 && b[11] === 0) return { v4: tail(12), form: 'IPv4-translated form', alwaysPrivate: false };
  // ::a.b.c.d (deprecated IPv4-compatible); :: and ::1 are judged as themselves.
  if (zeros(0, 12) && !zeros(12, 15)) return { v4: tail(12), form: 'IPv4-compatible form', alwaysPrivate: true };
  // 64:ff9b::a.b.c.d — a NAT64 gateway connects to a.b.c.d.
  if (b[0] === 0 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12)) return { v4: tail(12), form: 'NAT64 form', alwaysPrivate: false };
  // 2002:AABB:CCDD::/48 — 6to4 tunnels to AA.BB.CC.DD.
  if (b[0] === 0x20 && b[1] === 0x02) return { v4: tail(2), form: '6to4 form', alwaysPrivate: false };
  return null;
}

function inIpv4Range(bytes: Ipv4Bytes, range: AddressRange): boolean {
  const [base, bits] = splitCidr(range.cidr);
  const b = parseIpv4Strict(base);
  if (!b) return false;
  return prefixMatches(Uint8Array.from(bytes), Uint8Array.from(b), bits);
}

function inIpv6Range(bytes: Uint8Array, range: AddressRange): boolean {
  const [base, bits] = splitCidr(range.cidr);
  const b = parseIpv6(base);
  return b !== null && prefixMatches(bytes, b, bits);
}

function splitCidr(cidr: string): [string, number] {
  const slash = cidr.indexOf('/');
  return [cidr.slice(0, slash), Number(cidr.slice(slash + 1))];
}

function prefixMatches(a: Uint8Array, b: Uint8Array, bits: number): boolean {
  const whole = Math.floor(bits / 8);
  for (let i = 0; i < whole; i++) if (a[i] !== b[i]) return false;
  const rest = bits % 8;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return (a[whole]! & mask) === (b[whole]! & mask);
}
