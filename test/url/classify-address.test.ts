import { describe, expect, it } from 'vitest';
import { isIP } from 'node:net';
import { classifyAddress } from '../../src/url/classify-address.js';
import { parseIpv4Loose, parseIpv4Strict } from '../../src/url/ipv4-address.js';
import { formatIpv6, parseIpv6 } from '../../src/url/ipv6-address.js';
import { describeHostVerdict, isRefusedHost, judgeHost } from '../../src/url/host-policy.js';

/** What Node's own WHATWG URL parser makes of a host: the reference for the legacy IPv4 forms. */
function whatwgHost(host: string): string {
  return new URL(`http://${host}/`).hostname;
}

describe('parseIpv4Loose reads every numeric form the WHATWG URL parser accepts', () => {
  const forms = ['127.1', '2130706433', '0x7f000001', '017700000001', '0177.0.0.1', '0x7f.1', '127.0.0.1.', '0x7F.0.0.0x1', '10.1.0x10', '192.168.257', '0', '4294967295', '0xffffffff', '1.2.3.4'];
  for (const form of forms) {
    it(`${form} → ${whatwgHost(form)}`, () => {
      const parsed = parseIpv4Loose(form);
      expect(parsed?.join('.')).toBe(whatwgHost(form));
    });
  }

  it('refuses what the URL parser refuses or treats as a name', () => {
    for (const text of ['4294967296', '256.1.1.1', '1.2.3.4.5', '08.1.1.1', 'example.com', '1.2.3.a', '', '..', '1..2']) {
      expect(parseIpv4Loose(text), text).toBeNull();
    }
    // A bare 0x is zero to the URL parser, alone or as a part.
    expect(parseIpv4Loose('0x')?.join('.')).toBe(whatwgHost('0x'));
    expect(parseIpv4Loose('0x.0x.0x.0x')?.join('.')).toBe(whatwgHost('0x.0x.0x.0x'));
  });

  it('strict dotted quads agree with node:net', () => {
    for (const text of ['1.2.3.4', '255.255.255.255', '01.2.3.4', '1.2.3', '256.0.0.1', '1.2.3.4 ']) {
      expect(parseIpv4Strict(text) !== null, text).toBe(isIP(text) === 4);
    }
  });
});

describe('parseIpv6', () => {
  it('parses the forms node:net accepts and formats them as the URL parser does', () => {
    const forms = ['::', '::1', '1::', 'fe80::1', '2001:db8::8:800:200c:417a', '::ffff:127.0.0.1', '::ffff:7f00:1', '64:ff9b::10.0.0.1', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:1.2.3.4', 'FD00:EC2::254', '0:0:0:0:0:0:0:1'];
    for (const form of forms) {
      expect(isIP(form), form).toBe(6);
      const bytes = parseIpv6(form);
      expect(bytes, form).not.toBeNull();
      expect(`[${formatIpv6(bytes!)}]`, form).toBe(whatwgHost(`[${form}]`));
    }
  });

  it('refuses malformed text', () => {
    for (const text of [':::', '1:2:3:4:5:6:7:8:9', '1::2::3', 'g::1', '::1.2.3', '1:2:3:4:5:6:7:1.2.3.4', '12345::', '::1.2.3.4:5', 'example.com', '1.2.3.4']) {
      expect(isIP(text), text).not.toBe(6);
      expect(parseIpv6(text), text).toBeNull();
    }
  });

  it('drops a zone and brackets', () => {
    expect(formatIpv6(parseIpv6('fe80::1%eth0')!)).toBe('fe80::1');
    expect(formatIpv6(parseIpv6('[::1]')!)).toBe('::1');
  });
});

describe('classifyAddress', () => {
  const refused: Array<[string, string]> = [
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.254', 'cgnat'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['169.254.0.1', 'link-local'],
    ['169.254.169.254', 'metadata'],
    ['169.254.170.2', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.0.0.8', 'reserved'],
    ['192.0.0.192', 'metadata'],
    ['192.0.2.10', 'documentation'],
    ['192.88.99.1', 'reserved'],
    ['192.168.1.1', 'private'],
    ['198.18.0.1', 'benchmark'],
    ['198.19.255.255', 'benchmark'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:0:192.168.0.1', 'private'],
    ['::127.0.0.1', 'reserved'],
    ['::8.8.8.8', 'reserved'],
    ['64:ff9b::127.0.0.1', 'loopback'],
    ['64:ff9b::a00:1', 'private'],
    ['64:ff9b:1::1', 'private'],
    ['2002:7f00:1::1', 'loopback'],
    ['2002:c0a8:101::', 'private'],
    ['100::1', 'reserved'],
    ['2001::1', 'reserved'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['fc00::1', 'unique-local'],
    ['fdff:ffff::1', 'unique-local'],
    ['fd00:ec2::254', 'metadata'],
    ['fe80::1', 'link-local'],
    ['febf::1', 'link-local'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['4000::1', 'reserved'],
    ['::2', 'reserved'],
  ];
  for (const [address, category] of refused) {
    it(`${address} is not public (${category})`, () => {
      const v = classifyAddress(address);
      expect(v?.public).toBe(false);
      expect(v && !v.public ? v.category : null).toBe(category);
    });
  }

  const publicOnes = ['8.8.8.8', '1.1.1.1', '100.63.255.255', '100.128.0.0', '172.15.255.255', '172.32.0.0', '169.253.255.255', '192.0.1.1', '192.167.1.1', '198.17.255.255', '198.20.0.0', '223.255.255.255', '2606:4700::1111', '2a00:1450::1', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1', '2001:200::1'];
  for (const address of publicOnes) {
    it(`${address} is public`, () => expect(classifyAddress(address)?.public).toBe(true));
  }

  it('returns null for names', () => {
    expect(classifyAddress('example.com')).toBeNull();
    expect(classifyAddress('localhost')).toBeNull();
  });

  it('normalises every loopback spelling to 127.0.0.1', () => {
    for (const form of ['127.1', '2130706433', '0x7f000001', '017700000001', '0177.0.0.1', '127.0.0.1.']) {
      expect(classifyAddress(form)?.address, form).toBe('127.0.0.1');
    }
  });
});

describe('judgeHost', () => {
  it('refuses local-only names and numeric hosts, and passes public-looking names to DNS', () => {
    for (const host of ['localhost', 'LOCALHOST.', 'foo.localhost', 'a.b.localhost', 'metadata.google.internal', 'metadata.goog', 'printer.local', 'db.internal', 'nas.home.arpa', 'intranet', '[::1]', '127.1']) {
      const v = judgeHost(host);
      expect(isRefusedHost(v), host).toBe(true);
      expect(describeHostVerdict(v).length).toBeGreaterThan(0);
    }
    for (const host of ['example.com', 'cdn.example.org', 'public.test', '8.8.8.8', '[2606:4700::1111]']) {
      expect(isRefusedHost(judgeHost(host)), host).toBe(false);
    }
  });
});
