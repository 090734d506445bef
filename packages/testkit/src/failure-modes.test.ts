import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { upstreamCookie } from './exchange.ts';
import { type FakeUpstream, startFakeUpstream } from './fake-upstream.ts';
import { hostileMarker } from './hostile-reply.ts';
import { redirectTargetPath } from './scenario-failures.ts';
import { deltaText, jsonChunks, parseSse, postChat, readUntil } from './test-helpers.ts';

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream();
});
afterAll(() => upstream.close());
beforeEach(() => upstream.reset());

describe('failure statuses', () => {
  it('answers status=401 with OpenAI error JSON and a realistic message', async () => {
    const response = await postChat({ baseUrl: upstream.baseUrl({ status: 401 }) });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_api_key' });
    expect(body.error.message).toMatch(/^Incorrect API key provided: sk-te\*\*\*/);
  });

  it('uses the message given in the URL', async () => {
    const response = await postChat({ baseUrl: upstream.baseUrl({ status: 503, message: 'Overloaded, try later' }) });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { message: 'Overloaded, try later', type: 'server_error' } });
  });

  it('sends a plain-text or HTML error body when asked', async () => {
    const text = await postChat({ baseUrl: upstream.baseUrl({ status: 500, errorBody: 'text', message: 'boom' }) });
    expect(text.status).toBe(500);
    expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await text.text()).toBe('boom');

    const html = await postChat({ baseUrl: upstream.baseUrl({ status: 502, errorBody: 'html', message: 'a <b> c' }) });
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await html.text();
    expect(page).toContain('<h1>502 Error</h1>');
    expect(page).toContain('a &lt;b&gt; c');
  });

  it('fails the model list the same way', async () => {
    const response = await fetch(`${upstream.baseUrl({ status: 401 })}/models`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_api_key' } });
  });
});

describe('broken streams', () => {
  it('dropAfter destroys the socket after N content events, before [DONE]', async () => {
    const response = await postChat({ baseUrl: upstream.baseUrl({ tokens: 10, dropAfter: 2 }) });
    expect(response.status).toBe(200);
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const failure = await (async () => {
      for (;;) {
        const read = await reader?.read();
        if (read === undefined || read.done) return null;
        text += decoder.decode(read.value, { stream: true });
      }
    })().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(text).not.toContain('[DONE]');
    expect(deltaText(jsonChunks(parseSse(text)))).toBe('token1 token2');
    expect((await upstream.waitForRequest()).outcome).toBe('dropped');
  });

  it('dropAfter past the end of the answer still drops before the finish chunk', async () => {
    const response = await postChat({ baseUrl: upstream.baseUrl({ tokens: 2, dropAfter: 100 }) });
    await expect(response.text()).rejects.toThrow();
    expect((await upstream.waitForRequest()).outcome).toBe('dropped');
  });

  it('endAfter ends cleanly after N content events without a finish chunk or [DONE]', async () => {
    const response = await postChat({ baseUrl: upstream.baseUrl({ tokens: 10, endAfter: 3 }) });
    const text = await response.text();
    expect(text).not.toContain('[DONE]');
    expect(text).not.toContain('finish_reason":"stop');
    expect(deltaText(jsonChunks(parseSse(text)))).toBe('token1 token2 token3');
    expect((await upstream.waitForRequest()).outcome).toBe('ended-without-done');
  });

  it('stallAfter sends N events and then nothing, until the client gives up', async () => {
    const controller = new AbortController();
    const response = await postChat({
      baseUrl: upstream.baseUrl({ tokens: 10, stallAfter: 1 }),
      init: { signal: controller.signal },
    });
    const { text, reader } = await readUntil({ response, until: (sofar) => sofar.includes('token1') });
    expect((await upstream.waitForRequest((request) => request.outcome === 'stalled')).chunksSent).toBe(1);
    setTimeout(() => controller.abort(), 200);
    await expect(reader.read()).rejects.toThrow();
    expect(text).not.toContain('token2');
    const record = await upstream.waitForRequest((request) => request.outcome === 'aborted-by-client');
    expect(record.chunksSent).toBe(1);
    expect(record.settledAt).toEqual(expect.any(Number));
  });

  it('delayFirstByteMs holds the headers back; a client leaving meanwhile is recorded', async () => {
    const controller = new AbortController();
    const pending = postChat({
      baseUrl: upstream.baseUrl({ delayFirstByteMs: 60_000 }),
      init: { signal: controller.signal },
    });
    await upstream.waitForRequest();
    controller.abort();
    await expect(pending).rejects.toThrow();
    const record = await upstream.waitForRequest((request) => request.outcome === 'aborted-by-client');
    expect(record.status).toBeNull();
  });
});

describe('odd but successful answers', () => {
  it.each([302, 307] as const)(
    'redirect=%i answers with a Location on this server and is not followed',
    async (status) => {
      const response = await postChat({
        baseUrl: upstream.baseUrl({ redirect: status }),
        init: { redirect: 'manual' },
      });
      expect(response.status).toBe(status);
      expect(response.headers.get('location')).toBe(`${upstream.origin}${redirectTargetPath}`);
      expect(upstream.requests.map((request) => request.path)).toEqual(['/v1/chat/completions']);
    },
  );

  it('redirects to redirectTo when given, and the target answers with its canary', async () => {
    const response = await postChat({
      baseUrl: upstream.baseUrl({ redirect: 307, redirectTo: '/elsewhere' }),
      init: { redirect: 'manual' },
    });
    expect(response.headers.get('location')).toBe('/elsewhere');
    const target = await fetch(`${upstream.origin}${redirectTargetPath}`);
    expect(await target.json()).toEqual({ canary: 'redirect-target-canary' });
  });

  it('setCookie adds a Set-Cookie header, which is absent by default', async () => {
    const withCookie = await postChat({ baseUrl: upstream.baseUrl({ setCookie: true }) });
    expect(withCookie.headers.get('set-cookie')).toBe(upstreamCookie);
    expect(deltaText(jsonChunks(parseSse(await withCookie.text())))).toBe('Echo: hello there');
    const plain = await postChat({ baseUrl: upstream.baseUrl() });
    expect(plain.headers.get('set-cookie')).toBeNull();
    await plain.body?.cancel();
  });

  it('html answers 200 with an HTML page that carries a script', async () => {
    const response = await postChat({ baseUrl: upstream.baseUrl({ html: true }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain(`<script>window.${hostileMarker}`);
  });
});

describe('close', () => {
  it('resolves with stalled streams open and marks them closed by the server', async () => {
    const own = await startFakeUpstream();
    const response = await postChat({ baseUrl: own.baseUrl({ stallAfter: 0 }) });
    expect(response.status).toBe(200);
    await own.waitForRequest((request) => request.outcome === 'stalled');
    await own.close();
    expect(own.requests[0]?.outcome).toBe('closed-by-server');
    await expect(response.text()).rejects.toThrow();
    await expect(fetch(`${own.origin}/v1/models`)).rejects.toThrow();
  });
});
