/**
 * IPv4 parsing for the address-safety rule. Hosts reach us in every form a URL parser or a
 * resolver accepts (`127.1`, `2130706433`, `0x7f000001`, `0177.0.0.1`), so the rule parses them
 * the way the WHATWG URL standard does before it classifies anything.
 */

/** Four bytes, most significant first. */
export type Ipv4Bytes = readonly [number, number, number, number];

/** Dotted-quad only (`192.168.0.1`), as resolvers return it. */
export function parseIpv4Strict(text: string): Ipv4Bytes | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    bytes.push(n);
  }
  return bytes as unknown as Ipv4Bytes;
}

/**
 * Every IPv4 spelling the WHATWG URL host parser accepts: one to four parts, each decimal, octal
 * (leading 0) or hex (0x), the last part filling the remaining bytes, an optional trailing dot.
 * Returns null for anything else (a domain name).
 */
export function parseIpv4Loose(text: string): Ipv4Bytes | null {
  const parts = text.split('.');
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length === 0 || parts.length > 4) return null;
  const numbers: number[] = [];
  for (const part of parts) {
    const n = parseIpv4Number(part);
    if (n === null) return null;
    numbers.push(n);
  }
  const last = numbers.pop()!;
  if (numbers.some((n) => n > 255)) return null;
  // The last part covers the bytes the earlier parts did not: 2^(8 * (5 - parts)).
  if (last >= 256 ** (4 - numbers.length)) return null;
  let value = last;
  numbers.forEach((n, i) => {
    value += n * 256 ** (3 - i);
  });
  return [(value >>> 24) & 255, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];
}

/** One part: `0x1F` hex, `017` octal, `17` decimal; null when it is not a number at all. */
function parseIpv4Number(part: string): number | null {
  if (part === '') return null;
  let digits = part;
  let radix = 10;
  if (/^0x/i.test(part)) {
    digits = part.slice(2);
    radix = 16;
    if (digits === '') return 0;
  } else if (part.length > 1 && part.startsWith('0')) {
    digits = part.slice(1);
    radix = 8;
  }
  const pattern = radix === 16 ? /^[0-9a-f]+$/i : radix === 8 ? /^[0-7]+$/ : /^\d+$/;
  if (!pattern.test(digits)) return null;
  // Cap the text before converting so a 1,000-digit part cannot lose precision into a valid value.
  if (digits.replace(/^0+/, '').length > 12) return null;
  const n = parseInt(digits, radix);
  return Number.isSafeInteger(n) ? n : null;
}

export function formatIpv4(bytes: Ipv4Bytes): string {
  return bytes.join('.');
}
