import { isIP } from 'node:net';
import { type AddressClass, classifyAddress, parseIPv6 } from './classify-address.ts';

// Names that reach a cloud metadata service without any DNS trick; the address check would catch their
// answers too, but refusing the name needs no lookup at all.
const metadataNames = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
]);

/**
 * Lower case, no IPv6 brackets, no trailing dots, IPv4-mapped IPv6 as the IPv4 address it is: the form
 * every host comparison of the relay uses.
 */
export function normalizeHost(host: string): string {
  const lower = host.trim().toLowerCase().replace(/\.+$/, '');
  const bare = lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
  if (isIP(bare) !== 6) return bare;
  try {
    const address = parseIPv6(bare);
    return address.isIPv4MappedAddress() ? address.toIPv4Address().toString() : address.toString();
  } catch {
    // Unreachable for what isIP accepts; the address check still sees the text as it was.
    return bare;
  }
}

/**
 * Classifies a host as written in a URL: an IP literal by its address; `localhost` (which RFC 6761 pins to
 * loopback) and cloud metadata names by their name; any other name is `public` until its addresses are
 * checked at connect time.
 */
export function classifyHostName(host: string): AddressClass {
  const name = normalizeHost(host);
  if (name === '') return 'invalid';
  if (isIP(name) !== 0) return classifyAddress(name);
  if (name === 'localhost' || name.endsWith('.localhost')) return 'loopback';
  if (metadataNames.has(name)) return 'metadata';
  return 'public';
}
