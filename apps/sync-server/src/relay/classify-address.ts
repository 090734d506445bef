import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Why the relay refuses an address. */
export const forbiddenAddressReasons = [
  'invalid',
  'unspecified',
  'loopback',
  'private',
  'link-local',
  'cgnat',
  'unique-local',
  'site-local',
  'multicast',
  'broadcast',
  'reserved',
  'benchmarking',
  'documentation',
  'metadata',
] as const;

/** Why the relay refuses an address. */
export type ForbiddenAddressReason = (typeof forbiddenAddressReasons)[number];

/** `public` for an address the relay may connect to, else the reason it may not. */
export type AddressClass = 'public' | ForbiddenAddressReason;

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];
type Rule = { cidr: Cidr; reason: ForbiddenAddressReason };

const rules = (table: readonly (readonly [string, ForbiddenAddressReason])[]): Rule[] =>
  table.map(([cidr, reason]) => ({ cidr: ipaddr.parseCIDR(cidr), reason }));

// IANA's special-purpose registry, most specific first: the first match wins. Globally reachable anycast
// blocks (AS112, AMT) stay public. Cloud metadata services get their own reason for a clearer message.
const ipv4Rules = rules([
  ['169.254.169.254/32', 'metadata'], // AWS, GCP, Azure, OpenStack
  ['169.254.170.2/32', 'metadata'], // AWS ECS task credentials
  ['100.100.100.200/32', 'metadata'], // Alibaba Cloud
  ['192.0.0.192/32', 'metadata'], // Oracle Cloud
  ['0.0.0.0/8', 'unspecified'], // Linux connects 0.0.0.0 to the local host
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'cgnat'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'],
  ['192.0.2.0/24', 'documentation'],
  ['192.88.99.0/24', 'reserved'], // deprecated 6to4 relay anycast
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['255.255.255.255/32', 'broadcast'],
  ['240.0.0.0/4', 'reserved'],
]);

const ipv6Rules = rules([
  ['fd00:ec2::254/128', 'metadata'], // AWS over IPv6
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['64:ff9b:1::/48', 'private'], // NAT64 for local use (RFC 8215)
  ['100::/64', 'reserved'], // discard-only
  ['2001:2::/48', 'benchmarking'],
  ['2001:db8::/32', 'documentation'],
  ['2001:10::/28', 'reserved'], // ORCHID
  ['2001:20::/28', 'reserved'], // ORCHIDv2
  ['3fff::/20', 'documentation'],
  ['5f00::/16', 'reserved'], // SRv6 segment ids
  ['fc00::/7', 'unique-local'],
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'site-local'],
  ['ff00::/8', 'multicast'],
]);

// IPv6 forms that carry an IPv4 address: the embedded address decides, so `::ffff:127.0.0.1` is loopback.
const embedsLastV4 = [
  ipaddr.parseCIDR('::ffff:0:0/96'), // IPv4-mapped
  ipaddr.parseCIDR('::ffff:0:0:0/96'), // IPv4-translated (RFC 6145)
  ipaddr.parseCIDR('64:ff9b::/96'), // NAT64 (RFC 6052)
];
const ipv4Compatible = ipaddr.parseCIDR('::/96');
const sixToFour = ipaddr.parseCIDR('2002::/16');
const teredo = ipaddr.parseCIDR('2001::/32');
const globalUnicast = ipaddr.parseCIDR('2000::/3');

const v4 = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);

function classifyV4(address: ipaddr.IPv4): AddressClass {
  return ipv4Rules.find((rule) => address.match(rule.cidr))?.reason ?? 'public';
}

// The worst class among addresses an IPv6 address tunnels to: a tunnel to a private address is private.
function worst(classes: AddressClass[]): AddressClass {
  return classes.find((c) => c !== 'public') ?? 'public';
}

function classifyV6(address: ipaddr.IPv6): AddressClass {
  const ruled = ipv6Rules.find((rule) => address.match(rule.cidr));
  if (ruled !== undefined) return ruled.reason;
  const [, p1 = 0, p2 = 0, p3 = 0, , , p6 = 0, p7 = 0] = address.parts;
  if (embedsLastV4.some((cidr) => address.match(cidr))) return classifyV4(v4(p6, p7));
  // Deprecated `::a.b.c.d`: nothing legitimate uses it, so even a public embedded address is refused.
  if (address.match(ipv4Compatible)) return worst([classifyV4(v4(p6, p7)), 'reserved']);
  if (address.match(sixToFour)) return classifyV4(v4(p1, p2));
  // Teredo: the server address in clear, the client address with every bit flipped.
  if (address.match(teredo)) return worst([classifyV4(v4(p2, p3)), classifyV4(v4(~p6 & 0xffff, ~p7 & 0xffff))]);
  // Everything outside global unicast is unassigned or special: nothing an API lives on.
  return address.match(globalUnicast) ? 'public' : 'reserved';
}

// ipaddr.js reads `::a.b.c.d` as IPv4-mapped (`::ffff:a.b.c.d`); spelling the dotted tail in hex first
// keeps the bits as written.
function hexTail(ip: string): string {
  return ip.replace(/(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(%.*)?$/, (_all, a, b, c, d, zone = '') => {
    const hex = (high: string, low: string) => ((Number(high) << 8) | Number(low)).toString(16);
    return `${hex(a, b)}:${hex(c, d)}${zone}`;
  });
}

/** An IPv6 address in any valid spelling, parsed bit for bit. */
export function parseIPv6(ip: string): ipaddr.IPv6 {
  return ipaddr.IPv6.parse(hexTail(ip));
}

/**
 * Classifies an IP address (as DNS answers it or a URL normalises it; IPv6 with or without brackets) as
 * `public` or the reason the relay refuses it. Anything that is not an IP address is `invalid`.
 */
export function classifyAddress(ip: string): AddressClass {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  const family = isIP(bare);
  if (family === 0) return 'invalid';
  try {
    return family === 4 ? classifyV4(ipaddr.IPv4.parse(bare)) : classifyV6(parseIPv6(bare));
  } catch {
    return 'invalid';
  }
}
