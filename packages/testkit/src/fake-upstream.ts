import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeApi } from './fake-api.ts';
import { handleRequest, type ServerContext } from './handle-request.ts';
import type { PixelHit, RecordedRequest } from './recorded-request.ts';
import { RequestLog, type RequestPredicate } from './request-log.ts';
import type { Scenario } from './scenario.ts';
import { scenarioBaseUrl } from './scenario-path.ts';

/** Where to listen and which scenario knobs apply when a URL does not set them. */
export interface FakeUpstreamOptions {
  /** Defaults to 127.0.0.1: the fake only listens, and only on loopback unless told otherwise. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  defaults?: Partial<Scenario>;
}

/** A running fake upstream: OpenAI-compatible, Anthropic and Gemini APIs on one server. */
export interface FakeUpstream {
  /** e.g. `http://127.0.0.1:41234` */
  readonly origin: string;
  readonly port: number;
  /**
   * A base URL that selects `scenario`: OpenAI-compatible (ending in `/v1`) unless `api` names Anthropic's
   * (`/anthropic/v1`) or Gemini's (`/gemini/v1beta`).
   */
  baseUrl(scenario?: Partial<Scenario>, api?: FakeApi): string;
  /** Requests since the last reset, oldest first; each record keeps updating while its exchange runs. */
  readonly requests: readonly RecordedRequest[];
  readonly pixelHits: readonly PixelHit[];
  /** Resolves with the first request (recorded or future) matching `predicate`, re-checked on every change. */
  waitForRequest(predicate?: RequestPredicate, timeoutMs?: number): Promise<RecordedRequest>;
  /** Forgets recorded requests and pixel hits. */
  reset(): void;
  /** Stops listening and destroys every open socket, stalled streams included. */
  close(): Promise<void>;
}

const originHost = (host: string) => (host.includes(':') ? `[${host}]` : host);

/** Starts the fake upstream on loopback (a random port unless `port` is given). */
export async function startFakeUpstream(options: FakeUpstreamOptions = {}): Promise<FakeUpstream> {
  const { host = '127.0.0.1', port = 0, defaults = {} } = options;
  const log = new RequestLog();
  let origin = '';
  let closed: Promise<void> | null = null;
  let closing = false;
  const context: ServerContext = { log, defaults, origin: () => origin, isClosing: () => closing };
  const openResponses = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    openResponses.add(res);
    res.once('close', () => openResponses.delete(res));
    handleRequest(context, req, res).catch((error: unknown) => {
      // A bug in the fake must show up in the test output, not as a hung request.
      console.error('fake upstream failed to answer', error);
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { 'content-type': 'text/plain' }).end('fake upstream error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  origin = `http://${originHost(host)}:${address.port}`;

  return {
    origin,
    port: address.port,
    baseUrl: (scenario = {}, api = 'openai') => scenarioBaseUrl({ origin, scenario, api }),
    get requests() {
      return [...log.requests];
    },
    get pixelHits() {
      return [...log.pixelHits];
    },
    waitForRequest: (predicate, timeoutMs) => log.waitFor(predicate, timeoutMs),
    reset: () => log.reset(),
    close: () => {
      closing = true;
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Stalled and streaming responses would keep close() waiting forever.
        server.closeAllConnections();
      }).then(async () => {
        // Responses learn of their destroyed sockets a tick later; wait so every outcome is final.
        await Promise.all([...openResponses].map((res) => new Promise((resolve) => res.once('close', resolve))));
      });
      return closed;
    },
  };
}
