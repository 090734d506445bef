import { type FakeUpstream, startFakeUpstream } from '@hearth/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RelayErrorJson, type RelayHarness, relayChat, startRelay } from './test/relay-harness.ts';

// QUALITY relay 9, the answer side: an endless or huge upstream answer is cut at the configured cap.

let upstream: FakeUpstream;
const relays: RelayHarness[] = [];

beforeAll(async () => {
  upstream = await startFakeUpstream();
});
beforeEach(() => upstream.reset());
afterEach(async () => {
  await Promise.all(relays.splice(0).map((relay) => relay.close()));
});
afterAll(() => upstream.close());

async function relayWith(maxResponseBytes: number): Promise<RelayHarness> {
  const relay = await startRelay({ relay: { allowPrivate: [`127.0.0.1:${upstream.port}`], maxResponseBytes } });
  relays.push(relay);
  return relay;
}

/** The `event: error` events in an SSE text, parsed. */
function errorEvents(text: string): RelayErrorJson[] {
  return text
    .split(/\n\n+/)
    .filter((block) => block.startsWith('event: error\n'))
    .map((block) => JSON.parse(block.slice(block.indexOf('data: ') + 6)) as RelayErrorJson);
}

describe('answer size cap', () => {
  it('cuts a huge event stream at the cap and ends it with an SSE error event', async () => {
    const cap = 64 * 1024;
    const relay = await relayWith(cap);
    // 100,000 tokens is several megabytes of events.
    const response = await relayChat({ relay, upstream: upstream.baseUrl({ tokens: 100_000 }) });
    expect(response.status).toBe(200);
    const text = await response.text();
    const [event, ...more] = errorEvents(text);
    expect(more).toEqual([]);
    expect(event?.error.code).toBe('response_too_large');
    expect(event?.error.message).toMatch(/RELAY_MAX_RESPONSE_BYTES/);
    expect(text.trimEnd().endsWith('}')).toBe(true);
    expect(text).not.toContain('[DONE]');
    // Everything before the error event is upstream bytes, and no more than the cap of them.
    expect(Buffer.byteLength(text.slice(0, text.lastIndexOf('event: error')))).toBeLessThanOrEqual(cap + 2);
    expect(relay.metrics.bytes).toBeLessThanOrEqual(cap);
    const recorded = await upstream.waitForRequest((r) => r.outcome !== 'in-progress');
    expect(recorded.outcome).toBe('aborted-by-client');
  });

  it('cuts a single enormous line the same way', async () => {
    const relay = await relayWith(100_000);
    const response = await relayChat({ relay, upstream: upstream.baseUrl({ hugeLine: 10_000_000, tokens: 3 }) });
    const text = await response.text();
    expect(errorEvents(text).map((e) => e.error.code)).toEqual(['response_too_large']);
    expect(text.length).toBeLessThan(200_000);
    expect((await upstream.waitForRequest((r) => r.outcome !== 'in-progress')).outcome).toBe('aborted-by-client');
  });

  it('refuses a whole answer whose Content-Length is over the cap with a 502', async () => {
    const relay = await relayWith(1_000);
    const response = await relayChat({
      relay,
      upstream: upstream.baseUrl({ tokens: 2000, jsonMode: true }),
      stream: false,
    });
    expect(response.status).toBe(502);
    expect(((await response.json()) as RelayErrorJson).error.code).toBe('response_too_large');
  });

  it('relays an answer just under the cap whole', async () => {
    const relay = await relayWith(64 * 1024);
    const response = await relayChat({ relay, upstream: upstream.baseUrl({ tokens: 50 }) });
    const text = await response.text();
    expect(text).toContain('[DONE]');
    expect(errorEvents(text)).toEqual([]);
  });

  it('reports the exchange as ended once, even when cut', async () => {
    const relay = await relayWith(10_000);
    await (await relayChat({ relay, upstream: upstream.baseUrl({ tokens: 10_000 }) })).text();
    await upstream.waitForRequest((r) => r.outcome !== 'in-progress');
    expect(relay.metrics.started).toBe(1);
    expect(relay.metrics.ended).toBe(1);
  });
});
