import { isIP } from 'node:net';
import { normalizeHost } from './classify-host-name.ts';
import { upstreamHeader } from './relay-contract.ts';
import { passed, type RelayResult, refused } from './relay-error.ts';

/** Where one relayed request goes, read from the `x-relay-upstream` header. */
export interface UpstreamTarget {
  protocol: 'http:' | 'https:';
  /** Normalised host: lower case, no brackets, no trailing dot; IP literals in canonical form. */
  host: string;
  port: number;
  /** `host:port` with an IPv6 host in brackets: the form of `allowPrivate` entries. */
  hostPort: string;
  /** 4 or 6 for an IP literal, 0 for a name. */
  ipFamily: 0 | 4 | 6;
  /** The base URL's path without trailing slashes, e.g. `/v1`; empty for the root. */
  basePath: string;
}

// Long enough for any real base URL; a longer header is a mistake or an attack.
const maxUpstreamLength = 2048;

/** `host:port` with an IPv6 host in brackets. */
export const formatHostPort = (host: string, port: number): string =>
  isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;

/**
 * Reads the upstream base URL from its header. The WHATWG URL parser normalises every IPv4 spelling
 * (decimal, hex, octal, short forms) and IPv6 literal, so the checks after this see canonical addresses.
 */
export function parseUpstreamTarget(header: string | string[] | undefined): RelayResult<UpstreamTarget> {
  const value = (Array.isArray(header) ? header.join(',') : (header ?? '')).trim();
  if (value === '') {
    return refused('missing_upstream', `The ${upstreamHeader} header is required: the upstream's base URL.`);
  }
  if (value.length > maxUpstreamLength) {
    return refused('invalid_upstream', `The ${upstreamHeader} header is longer than ${maxUpstreamLength} characters.`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return refused('invalid_upstream', `The ${upstreamHeader} header is not an absolute URL.`);
  }
  const protocol = url.protocol === 'https:' ? 'https:' : url.protocol === 'http:' ? 'http:' : undefined;
  if (protocol === undefined) {
    // The scheme is letters, digits and + - . only, so echoing it leaks nothing.
    return refused('unsupported_scheme', `The relay speaks http and https only, not ${url.protocol.slice(0, 20)}`);
  }
  if (url.username !== '' || url.password !== '') {
    return refused('invalid_upstream', `The ${upstreamHeader} URL must not contain credentials.`);
  }
  if (url.search !== '' || url.hash !== '') {
    return refused(
      'invalid_upstream',
      `The ${upstreamHeader} URL must not contain a query or fragment; put the query on the request URL.`,
    );
  }
  const host = normalizeHost(url.hostname);
  if (host === '') return refused('invalid_upstream', `The ${upstreamHeader} URL has no host.`);
  const port = url.port === '' ? (protocol === 'https:' ? 443 : 80) : Number(url.port);
  return passed({
    protocol,
    host,
    port,
    hostPort: formatHostPort(host, port),
    ipFamily: isIP(host) as 0 | 4 | 6,
    basePath: url.pathname.replace(/\/+$/, ''),
  });
}
