import { parseIpv4Strict } from './ipv4-address.js';

/** Sixteen bytes, network order. */
export type Ipv6Bytes = Uint8Array;

/**
 * Parses an IPv6 address: `::` compression, an embedded dotted quad at the end
 * (`::ffff:127.0.0.1`), surrounding brackets, and a zone (`fe80::1%eth0`, ignored).
 * Returns null when the text is not an IPv6 address.
 */
export function parseIpv6(text: string): Ipv6Bytes | null {
  let s = text;
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (s.length === 0 || s.length > 45 || !s.includes(':')) return null;
  if (!/^[0-9a-f:.]+$/i.test(s)) return null;

  const halves = s.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] === '' ? [] : halves[0]!.split(':');
  const tail = halves.length === 2 ? (halves[1] === '' ? [] : halves[1]!.split(':')) : [];
  const groups: number[] = [];
  const tailGroups: number[] = [];
  if (!pushGroups(head, groups, halves.length === 1)) return null;
  if (!pushGroups(tail, tailGroups, true)) return null;

  const total = groups.length + tailGroups.length;
  if (halves.length === 1 ? total !== 8 : total > 7) return null;
  const all = [...groups, ...new Array<number>(8 - total).fill(0), ...tailGroups];
  const bytes = new Uint8Array(16);
  all.forEach((g, i) => {
    bytes[i * 2] = g >> 8;
    bytes[i * 2 + 1] = g & 255;
  });
  return bytes;
}

/** Pushes 16-bit groups; a dotted quad is allowed only as the very last part and counts as two. */
function pushGroups(parts: string[], out: number[], lastMayBeIpv4: boolean): boolean {
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.includes('.')) {
      if (!lastMayBeIpv4 || i !== parts.length - 1) return false;
      const v4 = parseIpv4Strict(part);
      if (!v4) return false;
      out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      continue;
    }
    if (!/^[0-9a-f]{1,4}$/i.test(part)) return false;
    out.push(parseInt(part, 16));
  }
  return true;
}

/** RFC 5952 text: lower case, longest run of zero groups (two or more) compressed. */
export function formatIpv6(bytes: Ipv6Bytes): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i]! << 8) | bytes[i + 1]!);
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
