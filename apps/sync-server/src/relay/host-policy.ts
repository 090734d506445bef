import { isIP } from 'node:net';
import { type AddressClass, classifyAddress } from './classify-address.ts';
import { classifyHostName, normalizeHost } from './classify-host-name.ts';
import type { RelayOptions } from './relay-contract.ts';
import { passed, type RelayResult, refused } from './relay-error.ts';
import { formatHostPort, type UpstreamTarget } from './upstream-target.ts';

/** The operator's host rules, normalised once at startup. */
export interface HostPolicy {
  /** Exact hosts the relay may reach; empty means any public host. */
  allowedHosts: ReadonlySet<string>;
  /** `host:port` targets exempt from the address checks. */
  allowPrivate: ReadonlySet<string>;
}

// Every IPv4 spelling and IPv6 literal reaches the same canonical text the URL parser gives a target.
function canonicalHost(entry: string, what: string): string {
  const trimmed = entry.trim();
  const bracketed = isIP(trimmed) === 6 ? `[${trimmed}]` : trimmed;
  const bad = () => new Error(`Relay ${what} "${entry}" is not a valid host name or IP address.`);
  // A port, path or credentials would be silently dropped by the URL parser: refuse them instead.
  if (bracketed === '' || /[/?#@\s\\]/.test(bracketed) || bracketed.replace(/^\[[^\]]*\]/, '').includes(':')) {
    throw bad();
  }
  try {
    return normalizeHost(new URL(`http://${bracketed}/`).hostname);
  } catch {
    throw bad();
  }
}

/** Normalises the operator's lists; throws on an entry that is not a host (or `host:port` for allowPrivate). */
export function createHostPolicy(options: Pick<RelayOptions, 'allowedHosts' | 'allowPrivate'>): HostPolicy {
  const allowedHosts = new Set(options.allowedHosts.map((entry) => canonicalHost(entry, 'allowed host')));
  const allowPrivate = new Set<string>();
  for (const entry of options.allowPrivate) {
    const match = /^(.+):(\d{1,5})$/.exec(entry.trim());
    const port = Number(match?.[2]);
    const host = match?.[1];
    // `::1:8080` could be an address without a port: IPv6 hosts must be in brackets here.
    if (host === undefined || (host.includes(':') && !host.startsWith('[')) || port < 1 || port > 65_535) {
      throw new Error(`Relay private target "${entry}" must be host:port, e.g. 127.0.0.1:11434 or [::1]:8080.`);
    }
    allowPrivate.add(formatHostPort(canonicalHost(host, 'private target'), port));
  }
  return { allowedHosts, allowPrivate };
}

const reasonText: Record<Exclude<AddressClass, 'public'>, string> = {
  invalid: 'not a valid address',
  unspecified: 'an unspecified address',
  loopback: 'a loopback address',
  private: 'a private address',
  'link-local': 'a link-local address',
  cgnat: 'a carrier-grade NAT address',
  'unique-local': 'a unique-local address',
  'site-local': 'a site-local address',
  multicast: 'a multicast address',
  broadcast: 'a broadcast address',
  reserved: 'a reserved address',
  benchmarking: 'a benchmarking address',
  documentation: 'a documentation address',
  metadata: 'a cloud metadata service',
};

/** The 403 for a target whose host or resolved address is in a refused range. */
export function forbiddenAddressMessage(options: {
  hostPort: string;
  reason: Exclude<AddressClass, 'public'>;
}): string {
  return (
    `The relay does not connect to ${options.hostPort}: it is ${reasonText[options.reason]}. ` +
    'An operator can allow this exact target with RELAY_ALLOW_PRIVATE.'
  );
}

/** Whether the target's address needs no check (exempt), or the 403 that refuses it before any connection. */
export function checkTarget(target: UpstreamTarget, policy: HostPolicy): RelayResult<{ exempt: boolean }> {
  const exempt = policy.allowPrivate.has(target.hostPort);
  // Exact match only: a host that contains, prefixes or suffixes an allowed name is a different host.
  if (policy.allowedHosts.size > 0 && !exempt && !policy.allowedHosts.has(target.host)) {
    return refused(
      'host_not_allowed',
      `This relay only connects to the hosts its operator listed, not ${target.host}.`,
    );
  }
  if (exempt) return passed({ exempt });
  const reason = target.ipFamily === 0 ? classifyHostName(target.host) : classifyAddress(target.host);
  if (reason !== 'public') {
    return refused('forbidden_address', forbiddenAddressMessage({ hostPort: target.hostPort, reason }));
  }
  return passed({ exempt });
}
