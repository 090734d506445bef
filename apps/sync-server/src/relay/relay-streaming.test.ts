import { type FakeUpstream, startFakeUpstream } from '@hearth/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chatBody, type RelayHarness, relayChat, relayFetch, startRelay } from './test/relay-harness.ts';

let upstream: FakeUpstream;
let relay: RelayHarness;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  relay = await startRelay({ relay: { allowPrivate: [`127.0.0.1:${upstream.port}`] } });
});
afterAll(async () => {
  await relay.close();
  await upstream.close();
});
beforeEach(() => upstream.reset());

/** Reads a response body until it ends, as text. */
const readAll = (response: Response) => response.text();

describe('pass-through', () => {
  it('streams a chat completion and ends with [DONE]', async () => {
    const response = await relayChat({ relay, upstream: upstream.baseUrl({ tokens: 5 }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await readAll(response);
    for (let i = 1; i <= 5; i++) expect(text).toContain(`token${i}`);
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
    const recorded = await upstream.waitForRequest();
    expect(recorded).toMatchObject({ method: 'POST', path: '/v1/chat/completions', outcome: 'completed' });
    expect(recorded.body).toEqual(JSON.parse(chatBody()));
  });

  it.each([
    ['a content type Fastify could not parse', { 'content-type': 'application/json;;; charset' }, '{"a":1}', { a: 1 }],
    ['no content type at all', {}, '{"b":2}', { b: 2 }],
  ])('passes a body with %s on, byte for byte, with its length', async (_, headers, body, parsed) => {
    const response = await relayFetch({
      relay,
      upstream: upstream.baseUrl(),
      path: '/chat/completions',
      init: { method: 'POST', headers, body },
    });
    await response.text();
    const recorded = await upstream.waitForRequest();
    expect(recorded.body).toEqual(parsed);
    expect(recorded.headers['content-length']).toBe(String(body.length));
  });

  it('sends no body upstream for a GET, nor for a POST without one', async () => {
    await (await relayFetch({ relay, upstream: upstream.baseUrl({ models: ['m'] }), path: '/models' })).text();
    await (await relayFetch({ relay, upstream: upstream.baseUrl(), path: '/models', init: { method: 'POST' } })).text();
    const [get, post] = upstream.requests;
    expect(get).toMatchObject({ method: 'GET', body: undefined });
    expect(post).toMatchObject({ method: 'POST', body: undefined });
  });

  it('passes a non-streaming answer and its Content-Length', async () => {
    const response = await relayChat({ relay, upstream: upstream.baseUrl({ text: 'Hi there' }), stream: false });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { choices: { message: { content: string } }[] };
    expect(body.choices[0]?.message.content).toBe('Hi there');
    expect(response.headers.get('content-length')).not.toBeNull();
  });

  it('maps <relay>/relay/v1/<path>?<query> to <base>/<path>?<query> with the same method', async () => {
    const base = upstream.baseUrl({ models: ['a', 'b'] });
    const response = await relayFetch({ relay, upstream: base, path: '/models?limit=2&after=x', init: {} });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: [{ id: 'a' }, { id: 'b' }] });
    const recorded = await upstream.waitForRequest();
    expect(recorded.method).toBe('GET');
    expect(recorded.url).toBe(`${new URL(base).pathname}/models?limit=2&after=x`);
  });

  it('passes Anthropic and Gemini native paths through untouched', async () => {
    const base = `${upstream.origin}/v1`;
    const messages = await relayFetch({
      relay,
      upstream: base,
      path: '/messages',
      init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"x":1}' },
    });
    // The fake has no such route: its own 404 comes back unchanged.
    expect(messages.status).toBe(404);
    expect(await messages.json()).toMatchObject({ error: { code: 'unknown_url' } });
    const gemini = await relayFetch({
      relay,
      upstream: `${upstream.origin}/v1beta`,
      path: '/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
      init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
    });
    expect(gemini.status).toBe(404);
    await gemini.arrayBuffer();
    const urls = upstream.requests.map((r) => `${r.method} ${r.url}`);
    expect(urls).toEqual(['POST /v1/messages', 'POST /v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse']);
  });

  it('passes upstream 4xx/5xx statuses and bodies unchanged', async () => {
    const json = await relayChat({ relay, upstream: upstream.baseUrl({ status: 401, message: 'Bad key here' }) });
    expect(json.status).toBe(401);
    expect(json.headers.get('x-relay-error')).toBeNull();
    expect(await json.json()).toMatchObject({ error: { message: 'Bad key here', code: 'invalid_api_key' } });
    const html = await relayChat({
      relay,
      upstream: upstream.baseUrl({ status: 502, errorBody: 'html', message: 'down' }),
    });
    expect(html.status).toBe(502);
    expect(await html.text()).toContain('<h1>502 Error</h1>');
    const text = await relayChat({
      relay,
      upstream: upstream.baseUrl({ status: 429, errorBody: 'text', message: 'slow' }),
    });
    expect(text.status).toBe(429);
    expect(await text.text()).toBe('slow');
  });

  it('keeps the bytes exactly as sent: CRLF line ends and splits inside UTF-8 characters', async () => {
    const direct = await fetch(
      `${upstream.baseUrl({ text: 'héllo 你好 🦊', crlf: true, splitBytes: 3 })}/chat/completions`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: chatBody(),
      },
    );
    const expected = Buffer.from(await direct.arrayBuffer());
    const relayed = await relayChat({
      relay,
      upstream: upstream.baseUrl({ text: 'héllo 你好 🦊', crlf: true, splitBytes: 3 }),
    });
    const actual = Buffer.from(await relayed.arrayBuffer());
    // Ids and timestamps differ per request; compare with them masked.
    const mask = (bytes: Buffer) =>
      bytes
        .toString('utf8')
        .replace(/chatcmpl-fake\d+/g, 'ID')
        .replace(/"created":\d+/g, 'C');
    expect(mask(actual)).toBe(mask(expected));
    expect(actual.includes(Buffer.from('\r\n'))).toBe(true);
  });
});

describe('streaming without buffering', () => {
  it('delivers the first chunk while the upstream is still sending', async () => {
    // 20 tokens at 10/s: the upstream needs about two seconds to finish.
    const response = await relayChat({ relay, upstream: upstream.baseUrl({ tokens: 20, rate: 10 }) });
    const reader = response.body?.getReader();
    if (reader === undefined) throw new Error('no body');
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('token1');
    const recorded = await upstream.waitForRequest();
    // The first chunk arrived and the upstream has not finished: nothing waited for the whole answer.
    expect(recorded.outcome).toBe('in-progress');
    expect(recorded.chunksSent).toBeLessThan(20);
    await reader.cancel();
    await upstream.waitForRequest((r) => r.outcome === 'aborted-by-client');
  });
});

describe('metrics', () => {
  it('reports start, end, bytes and first-byte time once per exchange', async () => {
    // Every earlier exchange is over, so the differences below belong to this one.
    expect(relay.metrics.ended).toBe(relay.metrics.started);
    const before = { ...relay.metrics, firstByteSeconds: [...relay.metrics.firstByteSeconds] };
    const response = await relayChat({ relay, upstream: upstream.baseUrl({ tokens: 3 }) });
    const bytes = (await response.arrayBuffer()).byteLength;
    await upstream.waitForRequest((r) => r.outcome === 'completed');
    expect(relay.metrics.started - before.started).toBe(1);
    expect(relay.metrics.ended - before.ended).toBe(1);
    expect(relay.metrics.bytes - before.bytes).toBe(bytes);
    expect(relay.metrics.firstByteSeconds.length - before.firstByteSeconds.length).toBe(1);
    expect(relay.metrics.firstByteSeconds.at(-1)).toBeGreaterThan(0);
  });

  it('reports no exchange for a request refused before the upstream', async () => {
    const before = relay.metrics.started;
    const response = await relayChat({ relay, upstream: 'ftp://example.com/v1' });
    expect(response.status).toBe(400);
    expect(relay.metrics.started).toBe(before);
  });
});
