import { type FakeUpstream, startFakeUpstream } from '@hearth/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RelayErrorJson, type RelayHarness, relayChat, startRelay } from './test/relay-harness.ts';
import { type Sentinel, startSentinel } from './test/sentinel.ts';
import { testLookup } from './test/test-lookup.ts';

// QUALITY relay 1-2. Every target here is loopback, where sentinels count connections: a broken guard
// shows up as a connection, never as a packet to a private or metadata address. The other ranges are
// covered on the pure checks (classify-address, upstream-target, guarded-lookup tests).

let sentinel: Sentinel;
let sentinel6: Sentinel;
let upstream: FakeUpstream;
const relays: RelayHarness[] = [];

beforeAll(async () => {
  sentinel = await startSentinel('127.0.0.1');
  sentinel6 = await startSentinel('::1');
  upstream = await startFakeUpstream();
});
afterEach(async () => {
  await Promise.all(relays.splice(0).map((relay) => relay.close()));
});
afterAll(async () => {
  await sentinel.close();
  await sentinel6.close();
  await upstream.close();
});

async function relayWith(options: Parameters<typeof startRelay>[0]): Promise<RelayHarness> {
  const relay = await startRelay(options);
  relays.push(relay);
  return relay;
}

async function expectForbidden(response: Response, hostPort: string): Promise<void> {
  expect(response.status).toBe(403);
  const body = (await response.json()) as RelayErrorJson;
  expect(body.error.code).toBe('forbidden_address');
  expect(body.error.message).toContain(hostPort);
  expect(body.error.message).toMatch(/RELAY_ALLOW_PRIVATE/);
}

describe('loopback literals in every spelling', () => {
  const spellings = (port: number) => [
    `http://127.0.0.1:${port}`,
    `http://2130706433:${port}`,
    `http://0x7f000001:${port}`,
    `http://0x7f.1:${port}`,
    `http://0177.0.0.1:${port}`,
    `http://017700000001:${port}`,
    `http://127.1:${port}`,
    `http://127.0.1:${port}`,
    `http://%31%32%37.0.0.1:${port}`,
    `http://0.0.0.0:${port}`,
    `http://0:${port}`,
    `http://[::ffff:127.0.0.1]:${port}`,
    `http://[::ffff:7f00:1]:${port}`,
    `http://[0:0:0:0:0:ffff:7f00:1]:${port}`,
    `http://[::127.0.0.1]:${port}`,
    `https://127.0.0.1:${port}`,
  ];

  it('answers 403 and never connects', async () => {
    const relay = await relayWith({});
    for (const url of spellings(sentinel.port)) {
      const response = await relayChat({ relay, upstream: `${url}/v1` });
      expect(response.status, url).toBe(403);
      expect(((await response.json()) as RelayErrorJson).error.code, url).toBe('forbidden_address');
    }
    expect(sentinel.connections).toBe(0);
    expect(relay.metrics.started).toBe(0);
  });

  it('refuses IPv6 loopback and unspecified without connecting', async () => {
    const relay = await relayWith({});
    for (const url of [
      `http://[::1]:${sentinel6.port}`,
      `http://[0::1]:${sentinel6.port}`,
      `http://[::]:${sentinel6.port}`,
    ]) {
      const response = await relayChat({ relay, upstream: url });
      expect(response.status, url).toBe(403);
    }
    await expectForbidden(
      await relayChat({ relay, upstream: `http://[::1]:${sentinel6.port}` }),
      `[::1]:${sentinel6.port}`,
    );
    expect(sentinel6.connections).toBe(0);
  });
});

describe('names that resolve to loopback', () => {
  it('refuses localhost, resolved by the system resolver', async () => {
    const relay = await relayWith({ lookup: 'system' });
    for (const host of ['localhost', 'LOCALHOST.', 'app.localhost']) {
      const response = await relayChat({ relay, upstream: `http://${host}:${sentinel.port}/v1` });
      expect(response.status, host).toBe(403);
    }
    expect(sentinel.connections).toBe(0);
  });

  it('checks the address resolved at connect time, so a rebinding name is refused', async () => {
    const dns = testLookup({
      'rebind.test': ['127.0.0.1'],
      'rebind6.test': ['::1'],
      'mixed.test': ['::1', '127.0.0.2'],
    });
    const relay = await relayWith({ lookup: dns.lookup });
    await expectForbidden(
      await relayChat({ relay, upstream: `http://rebind.test:${sentinel.port}/v1` }),
      `rebind.test:${sentinel.port}`,
    );
    await expectForbidden(
      await relayChat({ relay, upstream: `http://rebind6.test:${sentinel6.port}` }),
      'rebind6.test',
    );
    await expectForbidden(await relayChat({ relay, upstream: `http://mixed.test:${sentinel.port}` }), 'mixed.test');
    // The names were resolved (at connect time, through the relay's lookup) and still nothing connected.
    expect(dns.asked).toEqual(['rebind.test', 'rebind6.test', 'mixed.test']);
    expect(sentinel.connections).toBe(0);
    expect(sentinel6.connections).toBe(0);
    // Each of these got as far as an upstream attempt, and each attempt was closed out.
    expect(relay.metrics.started).toBe(3);
    expect(relay.metrics.ended).toBe(3);
  });
});

describe('allowPrivate', () => {
  it('lets exactly the listed host:port through, in any spelling of it', async () => {
    const dns = testLookup({ 'ollama.test': ['127.0.0.1'] });
    const relay = await relayWith({
      lookup: dns.lookup,
      relay: { allowPrivate: [`127.0.0.1:${upstream.port}`, `ollama.test:${upstream.port}`] },
    });
    for (const base of [
      upstream.baseUrl(),
      `http://2130706433:${upstream.port}/v1`,
      `http://[::ffff:127.0.0.1]:${upstream.port}/v1`,
      `http://OLLAMA.test.:${upstream.port}/v1`,
    ]) {
      const response = await relayChat({ relay, upstream: base, stream: false });
      expect(response.status, base).toBe(200);
      await response.arrayBuffer();
    }
    expect(upstream.requests).toHaveLength(4);
  });

  it('does not open other ports of an allowed host', async () => {
    const relay = await relayWith({
      relay: { allowPrivate: [`127.0.0.1:${upstream.port}`, `[::1]:${upstream.port}`] },
    });
    await expectForbidden(
      await relayChat({ relay, upstream: `http://127.0.0.1:${sentinel.port}` }),
      `127.0.0.1:${sentinel.port}`,
    );
    await expectForbidden(
      await relayChat({ relay, upstream: `http://[::1]:${sentinel6.port}` }),
      `[::1]:${sentinel6.port}`,
    );
    expect(sentinel.connections).toBe(0);
    expect(sentinel6.connections).toBe(0);
  });
});
