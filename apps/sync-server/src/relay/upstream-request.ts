import { lookup as dnsLookup } from 'node:dns';
import { type ClientRequest, Agent as HttpAgent, request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { guardedLookup } from './guarded-lookup.ts';
import type { UpstreamTarget } from './upstream-target.ts';

/** Connection pools and DNS shared by every exchange of one relay. */
export interface UpstreamTransport {
  readonly httpAgent: HttpAgent;
  readonly httpsAgent: HttpsAgent;
  readonly lookup: LookupFunction;
  /** Closes pooled connections (on server shutdown). */
  close(): void;
}

// Idle pooled sockets close after this: before Node's default 5 s server keep-alive timeout, so that the
// relay, not the upstream, usually closes an idle connection (an upstream closing one just as the relay
// reuses it is a failed request). Idle sockets are unref'd and never hold the process open.
const idleSocketMs = 4_000;

/** Keep-alive pools for http and https, resolving names with `lookup` (default: the system resolver). */
export function createUpstreamTransport(lookup: LookupFunction | undefined): UpstreamTransport {
  // Reusing a connection is safe: the address check ran when it was opened, and the pool key is the very
  // host:port the policy decided on.
  const agentOptions = { keepAlive: true, timeout: idleSocketMs, scheduling: 'lifo' as const };
  const httpAgent = new HttpAgent(agentOptions);
  const httpsAgent = new HttpsAgent(agentOptions);
  return {
    httpAgent,
    httpsAgent,
    lookup: lookup ?? (dnsLookup as LookupFunction),
    close: () => {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}

/**
 * Opens the upstream request (not yet ended). Unless the target is exempt, names resolve through the
 * guarded lookup, so a refused address fails the request before a socket connects. node:http follows no
 * redirects, and the Host header comes from the target, never from the client.
 */
export function openUpstreamRequest(options: {
  target: UpstreamTarget;
  exempt: boolean;
  method: string;
  path: string;
  headers: OutgoingHttpHeaders;
  transport: UpstreamTransport;
  /** False for a connection of its own, outside the pool. */
  pooled: boolean;
}): ClientRequest {
  const { target, transport } = options;
  const lookup = options.exempt ? transport.lookup : guardedLookup({ lookup: transport.lookup, port: target.port });
  const common = {
    hostname: target.host,
    port: target.port,
    method: options.method,
    path: options.path,
    headers: options.headers,
    lookup,
  };
  return target.protocol === 'https:'
    ? httpsRequest({ ...common, agent: options.pooled ? transport.httpsAgent : false })
    : httpRequest({ ...common, agent: options.pooled ? transport.httpAgent : false });
}
