import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type RelayErrorJson, type RelayHarness, relayFetch, startRelay } from './test/relay-harness.ts';

// An upstream that drops a kept-alive connection just as the relay reuses it must not fail the request.

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A loopback upstream that answers `ok`, except that it resets the requests `drop` picks. */
async function startUpstream(drop: (requestOnSocket: number) => boolean): Promise<{ port: number; requests: number }> {
  const state = { port: 0, requests: 0 };
  const counts = new WeakMap<Socket, number>();
  const server: Server = createServer((req, res) => {
    state.requests += 1;
    const n = (counts.get(req.socket) ?? 0) + 1;
    counts.set(req.socket, n);
    if (drop(n)) {
      req.socket.destroy();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  state.port = (server.address() as AddressInfo).port;
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return state;
}

async function relayTo(port: number): Promise<RelayHarness> {
  const relay = await startRelay({ relay: { allowPrivate: [`127.0.0.1:${port}`] } });
  closers.push(() => relay.close());
  return relay;
}

describe('stale pooled connections', () => {
  it('sends the request again on a new connection when a reused one is reset before any answer', async () => {
    // The second request on any connection is dropped, as a server that just closed it idle would.
    const upstream = await startUpstream((n) => n === 2);
    const relay = await relayTo(upstream.port);
    const base = `http://127.0.0.1:${upstream.port}/v1`;
    for (let i = 0; i < 3; i++) {
      const response = await relayFetch({ relay, upstream: base, path: '/models' });
      expect(response.status, `request ${i}`).toBe(200);
      expect(await response.json()).toEqual({ ok: true });
    }
    // 1 on a new pooled connection; 2 reuses it, is dropped and goes again on a connection of its own;
    // 3 finds the pool empty and opens a new one.
    expect(upstream.requests).toBe(4);
    expect(relay.metrics.started).toBe(3);
    expect(relay.metrics.ended).toBe(3);
  });

  it('does not repeat a request whose fresh connection was reset', async () => {
    const upstream = await startUpstream(() => true);
    const relay = await relayTo(upstream.port);
    const response = await relayFetch({ relay, upstream: `http://127.0.0.1:${upstream.port}/v1`, path: '/models' });
    expect(response.status).toBe(502);
    expect(((await response.json()) as RelayErrorJson).error.code).toBe('upstream_closed');
    expect(upstream.requests).toBe(1);
  });
});
