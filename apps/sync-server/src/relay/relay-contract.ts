import type { LookupFunction } from 'node:net';
import type { FastifyInstance } from 'fastify';

// The seam between the relay (src/relay/) and the server that mounts it (src/server/). Both sides
// code against this file; change it only together. The wire contract (path prefix, header names, error
// codes and body) is the app's as much as the server's, so it is defined once in @hearth/schema; these
// are its names on this side: `relayPrefix` (`/relay/v1`), `upstreamHeader` (`x-relay-upstream`) and
// `relayTokenHeader` (`x-relay-token`).
export {
  relayPathPrefix as relayPrefix,
  relayTokenHeader,
  relayUpstreamHeader as upstreamHeader,
} from '@hearth/schema';

export interface RelayTimeouts {
  /** TCP (and TLS) connect. */
  connectMs: number;
  /** From sending the request to the upstream's response headers. */
  firstByteMs: number;
  /** Longest silence between two chunks of the upstream's body. */
  idleMs: number;
  /** Whole exchange. */
  totalMs: number;
}

export interface RelayOptions {
  /** Required relay token; undefined means none is required (the server allows that only on loopback). */
  token: string | undefined;
  /** Exact host names or IP literals the relay may reach; empty means any public host. */
  allowedHosts: readonly string[];
  /** `host:port` targets allowed although private or loopback, e.g. a local Ollama `127.0.0.1:11434`. */
  allowPrivate: readonly string[];
  /** Largest request body accepted from the client. */
  maxRequestBytes: number;
  /** Largest upstream response relayed; a longer one is cut with an error. */
  maxResponseBytes: number;
  timeouts: RelayTimeouts;
  /** Requests per minute per token (per client address when there is no token). */
  requestsPerMinute: number;
  /** Origins allowed to call the relay cross-origin; the app's own origin needs no entry. */
  corsOrigins: readonly string[];
}

/** What the relay reports to the server's /metrics. */
export interface RelayMetrics {
  streamStarted(): void;
  streamEnded(): void;
  bytesRelayed(count: number): void;
  /** Seconds from sending the upstream request to its response headers. */
  upstreamFirstByte(seconds: number): void;
}

export interface RelayDeps {
  metrics: RelayMetrics;
  /** DNS lookup used at connect time; tests inject one to map names to loopback addresses. */
  lookup?: LookupFunction;
}

/** Registers the relay routes under `relayPrefix` on a Fastify instance. */
export type RegisterRelay = (app: FastifyInstance, options: RelayOptions, deps: RelayDeps) => Promise<void>;
