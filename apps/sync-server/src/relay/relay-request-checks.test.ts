import { request as httpRequest } from 'node:http';
import { type FakeUpstream, startFakeUpstream } from '@hearth/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RelayErrorJson, type RelayHarness, relayChat, relayFetch, startRelay } from './test/relay-harness.ts';
import { testLookup } from './test/test-lookup.ts';

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

async function relayWith(options: Parameters<typeof startRelay>[0] = {}): Promise<RelayHarness> {
  const relay = await startRelay({
    ...options,
    relay: { allowPrivate: [`127.0.0.1:${upstream.port}`], ...options.relay },
  });
  relays.push(relay);
  return relay;
}

async function errorOf(response: Response): Promise<RelayErrorJson['error']> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as RelayErrorJson;
  expect(body.error.type).toBe('relay_error');
  expect(response.headers.get('x-relay-error')).toBe(body.error.code);
  return body.error;
}

describe('upstream header and scheme (QUALITY relay 4)', () => {
  it('answers 400 for a missing or invalid upstream header', async () => {
    const relay = await relayWith();
    const missing = await fetch(`${relay.relayUrl}/chat/completions`, { method: 'POST', body: '{}' });
    expect(missing.status).toBe(400);
    expect(await errorOf(missing)).toMatchObject({
      code: 'missing_upstream',
      message: expect.stringMatching(/x-relay-upstream/),
    });
    const invalid = await relayChat({ relay, upstream: 'not a url' });
    expect(invalid.status).toBe(400);
    expect((await errorOf(invalid)).code).toBe('invalid_upstream');
  });

  it.each(['ftp://127.0.0.1/v1', 'file:///etc/passwd', 'gopher://127.0.0.1:70/_', 'ws://127.0.0.1/v1', 'data:,x'])(
    'answers 400 for %s',
    async (base) => {
      const relay = await relayWith();
      const response = await relayChat({ relay, upstream: base });
      expect(response.status).toBe(400);
      expect((await errorOf(response)).code).toBe('unsupported_scheme');
      expect(upstream.requests).toHaveLength(0);
    },
  );
});

describe('operator allow-list (QUALITY relay 5)', () => {
  it('answers 403 to hosts that contain, prefix or suffix an allowed name, without resolving them', async () => {
    // Every name resolves to loopback here, so even a broken allow-list could reach nothing but loopback.
    const dns = testLookup({ 'upstream.test': ['127.0.0.1'] });
    const relay = await relayWith({
      lookup: dns.lookup,
      relay: { allowedHosts: ['upstream.test'], allowPrivate: [`upstream.test:${upstream.port}`] },
    });
    for (const host of [
      'evil-upstream.test',
      'upstream.test.evil.com',
      'upstream.testx',
      'xupstream.test',
      'a.upstream.test',
    ]) {
      const response = await relayChat({ relay, upstream: `http://${host}:${upstream.port}/v1` });
      expect(response.status, host).toBe(403);
      expect((await errorOf(response)).code, host).toBe('host_not_allowed');
    }
    expect(dns.asked).toEqual([]);
    expect(upstream.requests).toHaveLength(0);
    const allowed = await relayChat({ relay, upstream: `http://UPSTREAM.test.:${upstream.port}/v1`, stream: false });
    expect(allowed.status).toBe(200);
    expect(upstream.requests).toHaveLength(1);
  });
});

describe('relay token (QUALITY relay 6)', () => {
  it('answers 401 to a missing or wrong token and never calls the upstream', async () => {
    const relay = await relayWith({ relay: { token: 'relay-secret-token' } });
    const missing = await relayChat({ relay, upstream: upstream.baseUrl() });
    expect(missing.status).toBe(401);
    expect((await errorOf(missing)).code).toBe('invalid_relay_token');
    for (const token of ['wrong', 'relay-secret-toke', 'relay-secret-token2', '']) {
      const wrong = await relayChat({ relay, upstream: upstream.baseUrl(), headers: { 'x-relay-token': token } });
      expect(wrong.status, token).toBe(401);
      expect((await errorOf(wrong)).message).not.toContain('relay-secret-token');
    }
    expect(upstream.requests).toHaveLength(0);
    expect(relay.metrics.started).toBe(0);
  });

  it('relays with the right token, which never reaches the upstream', async () => {
    const relay = await relayWith({ relay: { token: 'relay-secret-token' } });
    const response = await relayChat({
      relay,
      upstream: upstream.baseUrl(),
      stream: false,
      headers: { 'x-relay-token': 'relay-secret-token' },
    });
    expect(response.status).toBe(200);
    const recorded = await upstream.waitForRequest();
    expect(JSON.stringify(recorded.headers)).not.toContain('relay-secret-token');
  });
});

describe('request body limit (QUALITY relay 9)', () => {
  it('answers 413 to a declared Content-Length over the limit, with no upstream call', async () => {
    const relay = await relayWith({ relay: { maxRequestBytes: 1000 } });
    const response = await relayFetch({
      relay,
      upstream: upstream.baseUrl(),
      init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(1001) },
    });
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe('request_too_large');
    expect(upstream.requests).toHaveLength(0);
    expect(relay.metrics.started).toBe(0);
  });

  it('answers 413 to a chunked body that grows over the limit, with no upstream call', async () => {
    const relay = await relayWith({ relay: { maxRequestBytes: 1000 } });
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        `${relay.relayUrl}/chat/completions`,
        { method: 'POST', headers: { 'x-relay-upstream': upstream.baseUrl(), 'content-type': 'application/json' } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      // No Content-Length: Node sends the body chunked, so only counting can catch it.
      for (let i = 0; i < 3; i++) req.write('y'.repeat(400));
      req.end();
    });
    expect(status).toBe(413);
    expect((JSON.parse(body) as RelayErrorJson).error.code).toBe('request_too_large');
    expect(upstream.requests).toHaveLength(0);
  });

  it('relays a body just under the limit with its exact length', async () => {
    const relay = await relayWith({ relay: { maxRequestBytes: 1000 } });
    const body = JSON.stringify({ model: 'm', stream: false, messages: [{ role: 'user', content: 'z'.repeat(900) }] });
    const response = await relayFetch({
      relay,
      upstream: upstream.baseUrl(),
      init: { method: 'POST', headers: { 'content-type': 'application/json' }, body },
    });
    expect(response.status).toBe(200);
    const recorded = await upstream.waitForRequest();
    expect(recorded.bodyBytes).toBe(Buffer.byteLength(body));
    expect(recorded.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(recorded.headers['transfer-encoding']).toBeUndefined();
  });
});

describe('rate limit (QUALITY relay 12)', () => {
  it('answers 429 with Retry-After in whole seconds and no upstream call', async () => {
    const relay = await relayWith({ relay: { requestsPerMinute: 2 } });
    for (let i = 0; i < 2; i++) {
      const ok = await relayChat({ relay, upstream: upstream.baseUrl(), stream: false });
      expect(ok.status).toBe(200);
      await ok.arrayBuffer();
    }
    const limited = await relayChat({ relay, upstream: upstream.baseUrl(), stream: false });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(30);
    expect((await errorOf(limited)).code).toBe('rate_limited');
    expect(upstream.requests).toHaveLength(2);
  });

  it('limits per token when a token is set', async () => {
    const relay = await relayWith({ relay: { requestsPerMinute: 1, token: 't' } });
    const first = await relayChat({
      relay,
      upstream: upstream.baseUrl(),
      stream: false,
      headers: { 'x-relay-token': 't' },
    });
    expect(first.status).toBe(200);
    await first.arrayBuffer();
    const second = await relayChat({
      relay,
      upstream: upstream.baseUrl(),
      stream: false,
      headers: { 'x-relay-token': 't' },
    });
    expect(second.status).toBe(429);
    // A request without the token is refused for that first, and does not use up anything.
    const anonymous = await relayChat({ relay, upstream: upstream.baseUrl(), stream: false });
    expect(anonymous.status).toBe(401);
  });
});

describe('CORS', () => {
  it('answers a preflight from a configured origin, and nobody else', async () => {
    const relay = await relayWith({ relay: { corsOrigins: ['https://chat.example'] } });
    const preflight = (origin: string) =>
      fetch(`${relay.relayUrl}/chat/completions`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type, x-relay-upstream, x-relay-token',
        },
      });
    const allowed = await preflight('https://chat.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://chat.example');
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    const allowedHeaders = allowed.headers.get('access-control-allow-headers') ?? '';
    for (const name of ['authorization', 'content-type', 'x-relay-upstream', 'x-relay-token']) {
      expect(allowedHeaders).toContain(name);
    }
    for (const origin of ['https://evil.example', 'https://chat.example.evil', 'http://chat.example', 'null']) {
      const refused = await preflight(origin);
      expect(refused.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(refused.headers.get('access-control-allow-headers'), origin).toBeNull();
    }
    // A preflight is answered by the relay itself.
    expect(upstream.requests).toHaveLength(0);
  });

  it('adds Access-Control-Allow-Origin to answers and errors for a configured origin only', async () => {
    const relay = await relayWith({ relay: { corsOrigins: ['https://chat.example'] } });
    const ok = await relayChat({
      relay,
      upstream: upstream.baseUrl(),
      stream: false,
      headers: { origin: 'https://chat.example' },
    });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://chat.example');
    await ok.arrayBuffer();
    const error = await relayChat({ relay, upstream: 'ftp://x', headers: { origin: 'https://chat.example' } });
    expect(error.headers.get('access-control-allow-origin')).toBe('https://chat.example');
    await error.arrayBuffer();
    const other = await relayChat({
      relay,
      upstream: upstream.baseUrl(),
      stream: false,
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    await other.arrayBuffer();
    // The fake upstream sends `Access-Control-Allow-Origin: *`; that never leaks through.
    const none = await relayChat({ relay, upstream: upstream.baseUrl(), stream: false });
    expect(none.headers.get('access-control-allow-origin')).toBeNull();
    await none.arrayBuffer();
  });
});
