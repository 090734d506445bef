import { request as httpRequest } from 'node:http';
import { type FakeUpstream, hostileMarker, startFakeUpstream, upstreamCookie } from '@hearth/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rawHttp } from './test/raw-http.ts';
import { chatBody, type RelayHarness, relayChat, relayFetch, startRelay } from './test/relay-harness.ts';

let upstream: FakeUpstream;
let relay: RelayHarness;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  relay = await startRelay({ relay: { allowPrivate: [`127.0.0.1:${upstream.port}`] } });
});
beforeEach(() => upstream.reset());
afterAll(async () => {
  await relay.close();
  await upstream.close();
});

/** Sends a relay request with node:http, which lets a test set headers that fetch refuses. */
function nodePost(headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = chatBody({ stream: false });
    const req = httpRequest(
      `${relay.relayUrl}/chat/completions`,
      { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const rawRequest = (head: string, body = '') =>
  `POST /relay/v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:${relay.port}\r\n${head}Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;

describe('headers to the upstream (QUALITY relay 7)', () => {
  it('forwards allow-listed headers only', async () => {
    const status = await nodePost({
      'x-relay-upstream': upstream.baseUrl(),
      'x-relay-token': 'not-forwarded',
      authorization: 'Bearer sk-forwarded',
      'content-type': 'application/json',
      accept: 'application/json',
      'user-agent': 'test-client/1.0',
      'x-api-key': 'anthropic-key',
      'anthropic-version': '2023-06-01',
      'anthropic-beta': 'tools-2024',
      'openai-organization': 'org-1',
      'openai-project': 'proj-1',
      'x-goog-api-key': 'gemini-key',
      'http-referer': 'https://chat.example',
      'x-title': 'Hearth',
      cookie: 'session=client-cookie',
      host: 'internal.example',
      forwarded: 'for=10.0.0.1',
      'x-forwarded-for': '10.0.0.1',
      'x-forwarded-host': 'internal.example',
      'x-forwarded-proto': 'http',
      'x-real-ip': '10.0.0.1',
      'proxy-authorization': 'Basic cHJveHk=',
      te: 'trailers',
      'accept-encoding': 'gzip, br',
      'x-secret-internal': 'do-not-forward',
      'x-stainless-os': 'Linux',
    });
    expect(status).toBe(200);
    const { headers } = await upstream.waitForRequest();
    expect(headers).toMatchObject({
      authorization: 'Bearer sk-forwarded',
      'content-type': 'application/json',
      accept: 'application/json',
      'user-agent': 'test-client/1.0',
      'x-api-key': 'anthropic-key',
      'anthropic-version': '2023-06-01',
      'anthropic-beta': 'tools-2024',
      'openai-organization': 'org-1',
      'openai-project': 'proj-1',
      'x-goog-api-key': 'gemini-key',
      'http-referer': 'https://chat.example',
      'x-title': 'Hearth',
      'accept-encoding': 'identity',
      // Host names the upstream, never what the client said.
      host: `127.0.0.1:${upstream.port}`,
    });
    for (const name of [
      'cookie',
      'forwarded',
      'x-forwarded-for',
      'x-forwarded-host',
      'x-forwarded-proto',
      'x-real-ip',
      'proxy-authorization',
      'te',
      'x-relay-token',
      'x-relay-upstream',
      'x-secret-internal',
      'x-stainless-os',
    ]) {
      expect(headers[name], name).toBeUndefined();
    }
    expect(JSON.stringify(headers)).not.toContain('internal.example');
  });

  it('keeps a header smuggled in with CRLF from reaching the upstream', async () => {
    // The client "injects" a second line; to the relay that is just another header, and not an allowed one.
    const response = await rawHttp({
      port: relay.port,
      request: rawRequest(
        `X-Relay-Upstream: ${upstream.baseUrl()}\r\nContent-Type: application/json\r\nX-Api-Key: key\r\nX-Injected: evil\r\nCookie: a=1\r\n`,
        chatBody({ stream: false }),
      ),
    });
    expect(response.status).toBe(200);
    const { headers } = await upstream.waitForRequest();
    expect(headers['x-api-key']).toBe('key');
    expect(headers['x-injected']).toBeUndefined();
    expect(headers.cookie).toBeUndefined();
  });

  it.each([
    ['a bare CR', 'X-Api-Key: key\rX-Injected: evil\r\n'],
    ['a NUL', 'X-Api-Key: key\0evil\r\n'],
    ['a bare LF inside the value', 'Authorization: Bearer a\nX-Injected: evil\r\n'],
  ])('refuses a header value with %s with a 400, and the server keeps serving', async (_name, head) => {
    const response = await rawHttp({
      port: relay.port,
      request: rawRequest(`X-Relay-Upstream: ${upstream.baseUrl()}\r\n${head}`, chatBody({ stream: false })),
    });
    expect(response.status).toBe(400);
    expect(upstream.requests.filter((r) => r.headers['x-injected'] !== undefined)).toEqual([]);
    const after = await relayChat({ relay, upstream: upstream.baseUrl(), stream: false });
    expect(after.status).toBe(200);
  });
});

describe('headers and bodies from the upstream (QUALITY relay 8)', () => {
  const security = (response: Response) => ({
    nosniff: response.headers.get('x-content-type-options'),
    csp: response.headers.get('content-security-policy'),
    corp: response.headers.get('cross-origin-resource-policy'),
  });
  const expectedSecurity = { nosniff: 'nosniff', csp: "sandbox; default-src 'none'", corp: 'same-origin' };

  it('strips Set-Cookie from answers and errors', async () => {
    for (const scenario of [{ setCookie: true }, { setCookie: true, status: 500 }, { setCookie: true, tokens: 3 }]) {
      const response = await relayChat({ relay, upstream: upstream.baseUrl(scenario) });
      expect(response.headers.get('set-cookie'), JSON.stringify(scenario)).toBeNull();
      expect(response.headers.getSetCookie()).toEqual([]);
      expect(security(response)).toEqual(expectedSecurity);
      await response.arrayBuffer();
    }
    // The fake did send it: otherwise this test would prove nothing.
    const direct = await fetch(`${upstream.baseUrl({ setCookie: true })}/models`);
    expect(direct.headers.get('set-cookie')).toBe(upstreamCookie);
  });

  it('serves an upstream HTML page sandboxed, unsniffed and same-origin only', async () => {
    const response = await relayChat({ relay, upstream: upstream.baseUrl({ html: true }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(security(response)).toEqual(expectedSecurity);
    expect(await response.text()).toContain(hostileMarker);
  });

  it('adds the same headers to the relay’s own errors and to streams', async () => {
    const error = await relayChat({ relay, upstream: 'gopher://x' });
    expect(security(error)).toEqual(expectedSecurity);
    await error.arrayBuffer();
    const stream = await relayChat({ relay, upstream: upstream.baseUrl({ tokens: 2 }) });
    expect(security(stream)).toEqual(expectedSecurity);
    expect(stream.headers.get('x-request-id')).toMatch(/^req_fake_/);
    await stream.arrayBuffer();
  });

  it('passes only allow-listed response headers', async () => {
    const response = await relayFetch({ relay, upstream: upstream.baseUrl(), path: '/models' });
    const names = [...response.headers.keys()].sort();
    await response.arrayBuffer();
    // What Node adds itself (date, connection, keep-alive) plus the allow-list; nothing the fake adds.
    expect(names).toEqual(
      [
        'cache-control',
        'connection',
        'content-length',
        'content-security-policy',
        'content-type',
        'cross-origin-resource-policy',
        'date',
        'keep-alive',
        'x-content-type-options',
        'x-request-id',
      ].sort(),
    );
  });
});
