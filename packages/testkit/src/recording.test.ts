import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeUpstreamControl } from './control-client.ts';
import { type FakeUpstream, startFakeUpstream } from './fake-upstream.ts';
import { defaultScenario } from './scenario.ts';
import { chatBody, deltaText, jsonChunks, parseSse, postChat, readUntil } from './test-helpers.ts';

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream();
});
afterAll(() => upstream.close());
beforeEach(() => upstream.reset());

describe('recorded requests', () => {
  it('records method, path, headers, parsed body, scenario and outcome', async () => {
    const response = await postChat({ baseUrl: upstream.baseUrl({ tokens: 2 }) });
    await response.text();
    const record = await upstream.waitForRequest((request) => request.outcome === 'completed');
    expect(record).toMatchObject({
      id: 1,
      method: 'POST',
      path: '/v1/chat/completions',
      url: '/s/tokens=2/v1/chat/completions',
      status: 200,
      chunksSent: 2,
      scenario: { ...defaultScenario, tokens: 2 },
      body: { model: 'test-model', messages: [{ role: 'user', content: 'hello there' }] },
    });
    expect(record.headers.authorization).toBe('Bearer sk-test');
    expect(record.settledAt).toEqual(expect.any(Number));
  });

  it('records a non-JSON body as text', async () => {
    await (await postChat({ baseUrl: upstream.baseUrl(), body: 'plain words' })).text();
    expect((await upstream.waitForRequest()).body).toBe('plain words');
  });

  it('records a client that aborts mid-stream as aborted-by-client and stops writing', async () => {
    const controller = new AbortController();
    const response = await postChat({
      baseUrl: upstream.baseUrl({ tokens: 1000, rate: 20 }),
      init: { signal: controller.signal },
    });
    await readUntil({ response, until: (text) => text.includes('token2') });
    controller.abort();
    const record = await upstream.waitForRequest((request) => request.outcome === 'aborted-by-client');
    expect(record.settledAt).toBeGreaterThanOrEqual(record.receivedAt);
    const sentWhenNoticed = record.chunksSent;
    expect(sentWhenNoticed).toBeLessThan(1000);
    // The next paced event would be due by now; nothing more may be written after the disconnect.
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(record.chunksSent).toBe(sentWhenNoticed);
  });

  it('waits for a future request and times out with the requests it saw', async () => {
    const waiting = upstream.waitForRequest((request) => request.path === '/v1/models');
    await fetch(`${upstream.baseUrl()}/models`);
    expect((await waiting).method).toBe('GET');
    await expect(upstream.waitForRequest((request) => request.method === 'PUT', 50)).rejects.toThrow(
      /No matching request within 50 ms. Requests seen: GET \/v1\/models/,
    );
  });

  it('forgets everything on reset and numbers from 1 again', async () => {
    await fetch(`${upstream.baseUrl()}/models`);
    await fetch(`${upstream.baseUrl()}/models`);
    expect(upstream.requests.map((request) => request.id)).toEqual([1, 2]);
    upstream.reset();
    expect(upstream.requests).toEqual([]);
    await fetch(`${upstream.baseUrl()}/models`);
    expect(upstream.requests.map((request) => request.id)).toEqual([1]);
  });

  it('applies server-wide defaults under the URL scenario', async () => {
    const own = await startFakeUpstream({ defaults: { text: 'server default', cors: false } });
    try {
      const plain = await postChat({ baseUrl: own.baseUrl() });
      expect(plain.headers.get('access-control-allow-origin')).toBeNull();
      expect(deltaText(jsonChunks(parseSse(await plain.text())))).toBe('server default');
      const echo = await postChat({ baseUrl: own.baseUrl({ text: null }) });
      expect(deltaText(jsonChunks(parseSse(await echo.text())))).toBe('Echo: hello there');
    } finally {
      await own.close();
    }
  });
});

describe('other routes', () => {
  it('lists models OpenAI-style', async () => {
    const response = await fetch(`${upstream.baseUrl()}/models`);
    expect(await response.json()).toEqual({
      object: 'list',
      data: defaultScenario.models.map((id) => ({
        id,
        object: 'model',
        created: expect.any(Number),
        owned_by: 'hearth-testkit',
      })),
    });
    const custom = await fetch(`${upstream.baseUrl({ models: ['llama3.2:1b', 'qwen'] })}/models`);
    expect(((await custom.json()) as { data: { id: string }[] }).data.map((model) => model.id)).toEqual([
      'llama3.2:1b',
      'qwen',
    ]);
    // The context window, when a test gives one, as OpenRouter lists it.
    const sized = await fetch(`${upstream.baseUrl({ models: ['m'], contextWindow: 4_000 })}/models`);
    expect(((await sized.json()) as { data: unknown[] }).data).toEqual([
      expect.objectContaining({ id: 'm', context_length: 4_000 }),
    ]);
  });

  it.each([
    ['GET', '/v1/engines', 404, 'unknown_url'],
    ['GET', '/nowhere', 404, 'unknown_url'],
    ['GET', '/v1/chat/completions', 405, 'method_not_allowed'],
    ['GET', '/s/tokens=3,bogus/v1/models', 400, 'invalid_scenario'],
  ])('answers %s %s with %i in OpenAI shape', async (method, path, status, code) => {
    const response = await fetch(`${upstream.origin}${path}`, { method });
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: { message: string; code: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(0);
  });

  it('names the unknown scenario key in the 400', async () => {
    const response = await fetch(`${upstream.origin}/s/tokens=3,bogus=1/v1/chat/completions`, {
      method: 'POST',
      body: chatBody(),
    });
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      'Unknown scenario key "bogus"',
    );
  });
});

describe('tracker pixel and control API', () => {
  it('counts pixel loads, which only happen when the image is fetched', async () => {
    const events = parseSse(await (await postChat({ baseUrl: upstream.baseUrl({ hostile: true }) })).text());
    const pixelUrl = /!\[tracker\]\(([^)]+)\)/.exec(deltaText(jsonChunks(events)))?.[1];
    expect(pixelUrl).toMatch(new RegExp(`^${upstream.origin}/pixel\\.png`));
    expect(upstream.pixelHits).toEqual([]);
    const image = await fetch(pixelUrl ?? '', { headers: { referer: 'http://app.example/' } });
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await image.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    expect(upstream.pixelHits).toHaveLength(1);
    expect(upstream.pixelHits[0]?.headers.referer).toBe('http://app.example/');
    expect(upstream.requests.map((request) => request.path)).toEqual(['/v1/chat/completions']);
  });

  it('serves requests, pixel hits and reset to another process', async () => {
    const control = fakeUpstreamControl(upstream.origin);
    expect(control.baseUrl({ cors: false })).toBe(upstream.baseUrl({ cors: false }));
    await (await postChat({ baseUrl: control.baseUrl(), body: chatBody({ padding: 'x'.repeat(100_000) }) })).text();
    await fetch(`${upstream.origin}/pixel.png`);
    const listed = await control.waitForRequest((request) => request.outcome === 'completed');
    expect(listed).toMatchObject({ path: '/v1/chat/completions', bodyOmitted: true, status: 200 });
    expect(listed.body).toBeUndefined();
    expect(await control.pixelHits()).toHaveLength(1);
    await control.reset();
    expect(await control.requests()).toEqual([]);
    expect(await control.pixelHits()).toEqual([]);
    expect(upstream.requests).toEqual([]);
  });

  it('lists small bodies in full', async () => {
    await (await postChat({ baseUrl: upstream.baseUrl() })).text();
    const [listed] = await fakeUpstreamControl(upstream.origin).requests();
    expect(listed).toMatchObject({ bodyOmitted: false, body: { model: 'test-model' } });
  });
});
