import type { AddressInfo, LookupFunction } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { registerRelay } from '../register-relay.ts';
import { type RelayOptions, relayPrefix, upstreamHeader } from '../relay-contract.ts';
import { defaultRelayOptions } from '../relay-defaults.ts';
import { type RecordingMetrics, recordingMetrics } from './recording-metrics.ts';
import { testLookup } from './test-lookup.ts';

/** A Fastify server with only the relay registered, listening on 127.0.0.1. */
export interface RelayHarness {
  readonly app: FastifyInstance;
  /** e.g. `http://127.0.0.1:41234` */
  readonly origin: string;
  readonly port: number;
  /** `origin` + `/relay/v1` */
  readonly relayUrl: string;
  readonly metrics: RecordingMetrics;
  close(): Promise<void>;
}

/**
 * Starts the relay with test options layered over the defaults. The lookup defaults to a table that
 * knows only `localhost`, so no test resolves or reaches a real host; `'system'` uses the real resolver.
 */
export async function startRelay(
  options: { relay?: Partial<RelayOptions>; lookup?: LookupFunction | 'system'; fastify?: FastifyServerOptions } = {},
): Promise<RelayHarness> {
  // Clients under test may leave keep-alive connections open; closing must not wait for them.
  const app = Fastify({ logger: false, forceCloseConnections: true, ...options.fastify });
  const metrics = recordingMetrics();
  const lookup = options.lookup ?? testLookup().lookup;
  await registerRelay(
    app,
    { ...defaultRelayOptions, ...options.relay },
    lookup === 'system' ? { metrics } : { metrics, lookup },
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return { app, origin, port, relayUrl: `${origin}${relayPrefix}`, metrics, close: () => app.close() };
}

/** Fetches `<relay>/relay/v1<path>` with the upstream header set to `upstream`. */
export function relayFetch(options: {
  relay: RelayHarness;
  upstream: string;
  path?: string;
  init?: RequestInit;
}): Promise<Response> {
  const { relay, upstream, path = '/chat/completions', init = {} } = options;
  const headers = new Headers(init.headers);
  headers.set(upstreamHeader, upstream);
  return fetch(`${relay.relayUrl}${path}`, { ...init, headers });
}

/** A small streaming chat request body. */
export const chatBody = (options: { stream?: boolean; content?: string } = {}): string =>
  JSON.stringify({
    model: 'fake-model',
    stream: options.stream ?? true,
    messages: [{ role: 'user', content: options.content ?? 'Hello' }],
  });

/** POSTs a chat completion through the relay. */
export function relayChat(options: {
  relay: RelayHarness;
  upstream: string;
  stream?: boolean;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}): Promise<Response> {
  const { relay, upstream, stream, headers = {}, signal } = options;
  return relayFetch({
    relay,
    upstream,
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test', ...headers },
      body: chatBody(stream === undefined ? {} : { stream }),
      ...(signal === undefined ? {} : { signal }),
    },
  });
}

/** The relay's error body. */
export interface RelayErrorJson {
  error: { code: string; message: string; type: string };
}
