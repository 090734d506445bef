import type { LookupFunction } from 'node:net';
import type { FastifyInstance } from 'fastify';

// The seam between the relay (src/relay/) and the server that mounts it (src/server/). Both sides
// code against this file; change it only together.

/** Header naming the upstream base URL, e.g. `https://api.openai.com/v1`. */
export const upstreamHeader = 'x-relay-upstream';
/** Header carrying the relay token, when the operator set one. */
export const relayTokenHeader = 'x-relay-token';
/** Where the relay is mounted: `<server>/relay/v1/<path>` goes to `<upstream base URL>/<path>`. */
export const relayPrefix = '/relay/v1';

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
