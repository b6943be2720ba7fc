/**
 * Address blocks a public crawler never reaches, from the IANA special-purpose registries
 * (RFC 6890 and successors) plus the cloud metadata endpoints that SSRF attacks aim at.
 * Order matters: the first match wins, so single metadata addresses come before their blocks.
 */

/** Why an address is not public. */
export type AddressCategory =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'site-local'
  | 'cgnat'
  | 'unique-local'
  | 'multicast'
  | 'broadcast'
  | 'documentation'
  | 'benchmark'
  | 'reserved'
  | 'metadata';

export type AddressRange = {
  /** CIDR text, e.g. `10.0.0.0/8` or `fc00::/7`. */
  cidr: string;
  category: AddressCategory;
  /** What the block is, for messages. */
  label: string;
};

export const ipv4SpecialRanges: readonly AddressRange[] = [
  { cidr: '169.254.169.254/32', category: 'metadata', label: 'cloud instance metadata (AWS, GCP, Azure, OpenStack)' },
  { cidr: '169.254.170.2/32', category: 'metadata', label: 'AWS ECS task metadata' },
  { cidr: '100.100.100.200/32', category: 'metadata', label: 'Alibaba Cloud instance metadata' },
  { cidr: '192.0.0.192/32', category: 'metadata', label: 'Oracle Cloud instance metadata' },
  { cidr: '0.0.0.0/8', category: 'unspecified', label: '"this network" (0.0.0.0/8)' },
  { cidr: '10.0.0.0/8', category: 'private', label: 'private network 10.0.0.0/8' },
  { cidr: '100.64.0.0/10', category: 'cgnat', label: 'carrier-grade NAT 100.64.0.0/10' },
  { cidr: '127.0.0.0/8', category: 'loopback', label: 'loopback 127.0.0.0/8' },
  { cidr: '169.254.0.0/16', category: 'link-local', label: 'link-local 169.254.0.0/16' },
  { cidr: '172.16.0.0/12', category: 'private', label: 'private network 172.16.0.0/12' },
  { cidr: '192.0.0.0/24', category: 'reserved', label: 'IETF protocol assignments 192.0.0.0/24' },
  { cidr: '192.0.2.0/24', category: 'documentation', label: 'documentation TEST-NET-1 192.0.2.0/24' },
  { cidr: '192.88.99.0/24', category: 'reserved', label: 'deprecated 6to4 relay anycast 192.88.99.0/24' },
  { cidr: '192.168.0.0/16', category: 'private', label: 'private network 192.168.0.0/16' },
  { cidr: '198.18.0.0/15', category: 'benchmark', label: 'benchmarking 198.18.0.0/15' },
  { cidr: '198.51.100.0/24', category: 'documentation', label: 'documentation TEST-NET-2 198.51.100.0/24' },
  { cidr: '203.0.113.0/24', category: 'documentation', label: 'documentation TEST-NET-3 203.0.113.0/24' },
  { cidr: '224.0.0.0/4', category: 'multicast', label: 'multicast 224.0.0.0/4' },
  { cidr: '255.255.255.255/32', category: 'broadcast', label: 'limited broadcast' },
  { cidr: '240.0.0.0/4', category: 'reserved', label: 'reserved 240.0.0.0/4' },
];

/**
 * IPv6 blocks that are not public on their own. Blocks that embed an IPv4 address (mapped,
 * compatible, NAT64, 6to4) are handled by the classifier, which judges the embedded address.
 * Anything outside 2000::/3 (global unicast) that is not listed is reserved.
 */
export const ipv6SpecialRanges: readonly AddressRange[] = [
  { cidr: 'fd00:ec2::254/128', category: 'metadata', label: 'AWS instance metadata (IPv6)' },
  { cidr: '::/128', category: 'unspecified', label: 'unspecified ::' },
  { cidr: '::1/128', category: 'loopback', label: 'loopback ::1' },
  { cidr: '64:ff9b:1::/48', category: 'private', label: 'local-use NAT64 64:ff9b:1::/48' },
  { cidr: '100::/64', category: 'reserved', label: 'discard-only 100::/64' },
  { cidr: '2001:db8::/32', category: 'documentation', label: 'documentation 2001:db8::/32' },
  { cidr: '2001::/23', category: 'reserved', label: 'IETF protocol assignments 2001::/23 (Teredo, ORCHID, ...)' },
  { cidr: '3fff::/20', category: 'documentation', label: 'documentation 3fff::/20' },
  { cidr: '5f00::/16', category: 'reserved', label: 'SRv6 SIDs 5f00::/16' },
  { cidr: 'fc00::/7', category: 'unique-local', label: 'unique-local fc00::/7' },
  { cidr: 'fe80::/10', category: 'link-local', label: 'link-local fe80::/10' },
  { cidr: 'fec0::/10', category: 'site-local', label: 'deprecated site-local fec0::/10' },
  { cidr: 'ff00::/8', category: 'multicast', label: 'multicast ff00::/8' },
];
