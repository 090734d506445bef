import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { type FakeUpstream, startFakeUpstream } from '@hearth/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RelayTimeouts } from './relay-contract.ts';
import { defaultRelayTimeouts } from './relay-defaults.ts';
import { chatBody, type RelayErrorJson, type RelayHarness, relayChat, startRelay } from './test/relay-harness.ts';
import { testLookup } from './test/test-lookup.ts';

// QUALITY relay 10 (timeouts, both sockets closed) and 11 (client gone: upstream aborted within a second).

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

async function relayWith(timeouts: Partial<RelayTimeouts>, lookup = testLookup()): Promise<RelayHarness> {
  const relay = await startRelay({
    lookup: lookup.lookup,
    relay: { allowPrivate: [`127.0.0.1:${upstream.port}`], timeouts: { ...defaultRelayTimeouts, ...timeouts } },
  });
  relays.push(relay);
  return relay;
}

/** An exchange over a connection of its own, so a test can see the relay close the client's socket. */
interface RawExchange {
  response: IncomingMessage;
  body: Promise<string>;
  socketClosed: Promise<void>;
}

function post(options: { relay: RelayHarness; base: string }): Promise<RawExchange> {
  return new Promise((resolve, reject) => {
    const body = chatBody();
    const req = httpRequest(`${options.relay.relayUrl}/chat/completions`, {
      method: 'POST',
      agent: false,
      headers: {
        'x-relay-upstream': options.base,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      },
    });
    let socket: Socket | undefined;
    req.on('socket', (s) => {
      socket = s;
    });
    req.on('error', reject);
    req.on('response', (response) => {
      const socketClosed = new Promise<void>((done) => {
        if (socket === undefined || socket.destroyed) done();
        else socket.once('close', () => done());
      });
      const text = new Promise<string>((done) => {
        let received = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (received += chunk));
        response.on('end', () => done(received));
        response.on('error', () => done(received));
      });
      resolve({ response, body: text, socketClosed });
    });
    req.end(body);
  });
}

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_resolve, reject) =>
      setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms),
    ),
  ]);

describe('timeouts (QUALITY relay 10)', () => {
  it('connect: a host that does not connect in time gets a 504', async () => {
    const relay = await relayWith({ connectMs: 150 }, testLookup({}, { never: 'blackhole.test' }));
    const { response, body, socketClosed } = await post({ relay, base: 'http://blackhole.test/v1' });
    expect(response.statusCode).toBe(504);
    const error = (JSON.parse(await body) as RelayErrorJson).error;
    expect(error.code).toBe('upstream_timeout');
    expect(error.message).toContain('blackhole.test');
    expect(error.message).toMatch(/RELAY_CONNECT_TIMEOUT_MS/);
    await withTimeout(socketClosed, 1000, 'client socket close');
    expect(relay.metrics.ended).toBe(relay.metrics.started);
  });

  it('first byte: an upstream slow to answer gets a 504 and is aborted', async () => {
    const relay = await relayWith({ firstByteMs: 150 });
    const { response, body, socketClosed } = await post({ relay, base: upstream.baseUrl({ delayFirstByteMs: 5000 }) });
    expect(response.statusCode).toBe(504);
    expect((JSON.parse(await body) as RelayErrorJson).error.message).toMatch(/RELAY_FIRST_BYTE_TIMEOUT_MS/);
    const recorded = await upstream.waitForRequest((r) => r.outcome === 'aborted-by-client', 1500);
    expect(recorded.status).toBeNull();
    await withTimeout(socketClosed, 1000, 'client socket close');
  });

  it('idle: a stream that stalls ends with an SSE error event and both sockets close', async () => {
    const relay = await relayWith({ idleMs: 300 });
    const { response, body, socketClosed } = await post({
      relay,
      base: upstream.baseUrl({ tokens: 10, stallAfter: 2 }),
    });
    expect(response.statusCode).toBe(200);
    const text = await body;
    expect(text).toContain('token1');
    expect(text).toContain('token2');
    expect(text).not.toContain('token3');
    expect(text).toMatch(
      /event: error\ndata: \{"error":\{"code":"upstream_timeout","message":"[^"]*RELAY_IDLE_TIMEOUT_MS/,
    );
    await upstream.waitForRequest((r) => r.outcome === 'aborted-by-client', 1500);
    await withTimeout(socketClosed, 1000, 'client socket close');
    expect(relay.metrics.ended).toBe(1);
  });

  it('idle: a healthy stream longer than the idle timeout, with shorter silences, completes', async () => {
    // 25 tokens at 10/s: 2.5 s in all, 100 ms between chunks, under an idle timeout of 1 s. The timer must
    // start over with every chunk that arrives, or the answer would be cut after a second.
    const relay = await relayWith({ idleMs: 1000 });
    const { response, body } = await post({ relay, base: upstream.baseUrl({ tokens: 25, rate: 10 }) });
    expect(response.statusCode).toBe(200);
    const text = await body;
    expect(text).toContain('token25');
    expect(text).toContain('data: [DONE]');
    expect(text).not.toContain('event: error');
  });

  it('total: a stream that runs too long ends with an SSE error event', async () => {
    const relay = await relayWith({ totalMs: 1000 });
    // 100 tokens at 20/s would take five seconds.
    const { body, socketClosed } = await post({ relay, base: upstream.baseUrl({ tokens: 100, rate: 20 }) });
    const text = await body;
    expect(text).toContain('token1');
    expect(text).not.toContain('[DONE]');
    expect(text).toMatch(/event: error\ndata: .*RELAY_TOTAL_TIMEOUT_MS/);
    await upstream.waitForRequest((r) => r.outcome === 'aborted-by-client', 1500);
    await withTimeout(socketClosed, 1000, 'client socket close');
  });

  it('an upstream that drops mid-stream ends the stream with an SSE error event', async () => {
    const relay = await relayWith({});
    const { body } = await post({ relay, base: upstream.baseUrl({ tokens: 10, dropAfter: 3 }) });
    const text = await body;
    expect(text).toContain('token3');
    expect(text).toMatch(/event: error\ndata: \{"error":\{"code":"upstream_closed"/);
    expect(relay.metrics.ended).toBe(1);
  });
});

describe('client disconnect (QUALITY relay 11)', () => {
  it('aborts the upstream request within a second when the client leaves mid-stream', async () => {
    const relay = await relayWith({});
    const controller = new AbortController();
    const response = await relayChat({
      relay,
      upstream: upstream.baseUrl({ tokens: 1000, rate: 50 }),
      signal: controller.signal,
    });
    const reader = response.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toContain('token1');
    controller.abort();
    const recorded = await upstream.waitForRequest((r) => r.outcome === 'aborted-by-client', 1500);
    expect(recorded.chunksSent).toBeLessThan(1000);
    await withTimeout(
      new Promise<void>((resolve) => {
        const check = () => (relay.metrics.ended === 1 ? resolve() : setTimeout(check, 10));
        check();
      }),
      1000,
      'stream end metric',
    );
    expect(relay.metrics.started).toBe(1);
  });

  it('aborts the upstream request when the client leaves before the answer starts', async () => {
    const relay = await relayWith({});
    const controller = new AbortController();
    const pending = relayChat({
      relay,
      upstream: upstream.baseUrl({ delayFirstByteMs: 10_000 }),
      signal: controller.signal,
    });
    await upstream.waitForRequest();
    controller.abort();
    await expect(pending).rejects.toThrow();
    await upstream.waitForRequest((r) => r.outcome === 'aborted-by-client', 1500);
  });
});
