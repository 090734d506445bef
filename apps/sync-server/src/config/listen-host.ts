import { isIPv4, isIPv6 } from 'node:net';
import ipaddr from 'ipaddr.js';

const hostNamePattern = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

/** `[::1]` -> `::1`: people write IPv6 hosts in URL form. */
export function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** Whether `host` is an IP literal or a syntactically valid host name. */
export function isValidHost(host: string): boolean {
  const bare = unbracket(host);
  return isIPv4(bare) || isIPv6(bare) || hostNamePattern.test(bare);
}

/**
 * Whether listening on `host` keeps the server reachable from this machine only. Strict: only
 * `localhost`, dotted-decimal 127.x and IPv6 loopback (plain or IPv4-mapped) count; any other name or
 * spelling is treated as reaching beyond loopback.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = unbracket(host).toLowerCase();
  if (bare === 'localhost') return true;
  if (isIPv4(bare)) return bare.startsWith('127.');
  if (!isIPv6(bare)) return false;
  const address = ipaddr.IPv6.parse(bare);
  if (address.isIPv4MappedAddress()) return address.toIPv4Address().range() === 'loopback';
  return address.range() === 'loopback';
}
