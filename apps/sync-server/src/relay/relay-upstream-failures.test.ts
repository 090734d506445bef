import { createServer } from 'node:net';
import { type FakeUpstream, startFakeUpstream } from '@hearth/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RelayErrorJson, type RelayHarness, relayChat, startRelay } from './test/relay-harness.ts';
import { testLookup } from './test/test-lookup.ts';

// Failures before any answer: a 502 that names the host and Node's error code, and nothing else.

let upstream: FakeUpstream;
let closedPort: number;
let relay: RelayHarness;

/** A loopback port nothing listens on. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

beforeAll(async () => {
  upstream = await startFakeUpstream();
  closedPort = await freePort();
  relay = await startRelay({
    lookup: testLookup().lookup,
    relay: { allowPrivate: [`127.0.0.1:${upstream.port}`, `127.0.0.1:${closedPort}`] },
  });
});
afterAll(async () => {
  await relay.close();
  await upstream.close();
});

async function errorOf(base: string): Promise<{ status: number; error: RelayErrorJson['error'] }> {
  const response = await relayChat({ relay, upstream: base });
  return { status: response.status, error: ((await response.json()) as RelayErrorJson).error };
}

describe('upstream failures', () => {
  it('reports a name that does not resolve', async () => {
    const { status, error } = await errorOf('https://nowhere.test/v1/secret-path');
    expect(status).toBe(502);
    expect(error).toMatchObject({ code: 'upstream_unreachable', message: expect.stringContaining('nowhere.test') });
    expect(error.message).toContain('ENOTFOUND');
    expect(error.message).not.toContain('secret-path');
  });

  it('reports a refused connection', async () => {
    const { status, error } = await errorOf(`http://127.0.0.1:${closedPort}/v1`);
    expect(status).toBe(502);
    expect(error.code).toBe('upstream_unreachable');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('speaks TLS to an https upstream (and fails the handshake with a plain HTTP one)', async () => {
    const { status, error } = await errorOf(`https://127.0.0.1:${upstream.port}/v1`);
    expect(status).toBe(502);
    expect(error.code).toBe('upstream_unreachable');
    expect(error.message).toMatch(/\((ERR_SSL_|EPROTO|ECONNRESET)/);
    // The upstream saw a TLS hello, not an HTTP request.
    expect(upstream.requests).toHaveLength(0);
    expect(relay.metrics.ended).toBe(relay.metrics.started);
  });
});
