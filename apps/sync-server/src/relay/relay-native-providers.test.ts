import {
  buildChatRequest,
  buildModelsRequest,
  HybridClock,
  newChat,
  newModelConfig,
  newUserMessage,
  routeThroughRelay,
  streamCompletion,
} from '@hearth/core';
import type { ProviderKind, StreamEvent } from '@hearth/schema';
import { type FakeApi, type FakeUpstream, startFakeUpstream } from '@hearth/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RelayHarness, startRelay } from './test/relay-harness.ts';

// Anthropic's and Gemini's native APIs through the relay, as the app sends them: their own auth and version
// headers reach the upstream, Gemini's `:` path and `?alt=sse` arrive intact, the answer streams back in the
// provider's format, and no key or prompt reaches a log line. Fastify logs at trace level here.

const canaries = { anthropicKey: 'sk-ant-canary-3e9d', googleKey: 'AIza-canary-7b41', prompt: 'canary question 5c0f' };
let upstream: FakeUpstream;
let relay: RelayHarness;
const logLines: string[] = [];

beforeAll(async () => {
  upstream = await startFakeUpstream();
  relay = await startRelay({
    fastify: {
      logger: {
        level: 'trace',
        stream: { write: (line: string) => logLines.push(line) },
        serializers: { req: (req) => ({ method: req.method }), res: (res) => ({ statusCode: res.statusCode }) },
      },
    },
    relay: { allowPrivate: [`127.0.0.1:${upstream.port}`] },
  });
});
beforeEach(() => upstream.reset());
afterAll(async () => {
  await relay.close();
  await upstream.close();
});

const context = () => ({ clock: new HybridClock({ deviceId: 'test' }), nowMs: Date.now() });

function configFor(provider: ProviderKind, api: FakeApi, scenario = {}) {
  return newModelConfig(context(), {
    name: provider,
    provider,
    baseUrl: upstream.baseUrl({ cors: false, ...scenario }, api),
    modelId: `${provider}-test`,
    headers: {},
    thinkingBudget: 1024,
    connection: 'relay',
  });
}

async function askThroughRelay(provider: ProviderKind, api: FakeApi, apiKey: string): Promise<StreamEvent[]> {
  const config = configFor(provider, api, { reasoning: 'Thinking it over.' });
  const chat = newChat(context());
  const question = newUserMessage(context(), { chatId: chat.id, content: canaries.prompt, parent: null });
  const direct = buildChatRequest({ config, apiKey, chat, messages: [question] });
  const request = routeThroughRelay(direct, { baseUrl: config.baseUrl, relay: { url: relay.origin } });
  const events: StreamEvent[] = [];
  for await (const event of streamCompletion(request)) events.push(event);
  return events;
}

const text = (events: StreamEvent[], type: 'text-delta' | 'reasoning-delta') =>
  events.map((event) => (event.type === type ? event.text : '')).join('');

describe('native providers through the relay', () => {
  it('passes Anthropic’s key and version, and streams its thinking and answer back', async () => {
    const events = await askThroughRelay('anthropic', 'anthropic', canaries.anthropicKey);
    expect(text(events, 'reasoning-delta')).toBe('Thinking it over.');
    expect(text(events, 'text-delta')).toBe(`Echo: ${canaries.prompt}`);
    expect(events).toContainEqual({ type: 'finish', reason: 'stop' });
    const { headers, path } = await upstream.waitForRequest((r) => r.method === 'POST');
    expect(path).toBe('/anthropic/v1/messages');
    expect(headers).toMatchObject({ 'x-api-key': canaries.anthropicKey, 'anthropic-version': '2023-06-01' });
    // The browser's acknowledgement means nothing server-side; the relay leaves it (and the page's origin) behind.
    expect(headers['anthropic-dangerous-direct-browser-access']).toBeUndefined();
    expect(headers.origin).toBeUndefined();
  });

  it('passes Gemini’s key and its model path with `:` and `?alt=sse` intact', async () => {
    const events = await askThroughRelay('gemini', 'gemini', canaries.googleKey);
    expect(text(events, 'reasoning-delta')).toBe('Thinking it over.');
    expect(text(events, 'text-delta')).toBe(`Echo: ${canaries.prompt}`);
    expect(events.some((event) => event.type === 'usage')).toBe(true);
    const { headers, url } = await upstream.waitForRequest((r) => r.method === 'POST');
    expect(url.endsWith('/gemini/v1beta/models/gemini-test:streamGenerateContent?alt=sse')).toBe(true);
    expect(headers['x-goog-api-key']).toBe(canaries.googleKey);
    expect(headers.authorization).toBeUndefined();
  });

  it('lists models page by page through the relay, each page’s cursor in the query', async () => {
    const config = configFor('gemini', 'gemini', { models: ['a', 'b', 'c'], modelsPageSize: 2 });
    const direct = buildModelsRequest({ config, apiKey: canaries.googleKey, cursor: 'page-2' });
    const request = routeThroughRelay(direct, { baseUrl: config.baseUrl, relay: { url: relay.origin } });
    const response = await fetch(request.url, request.init);
    expect(await response.json()).toMatchObject({
      models: [{ name: 'models/c' }, { name: 'models/text-embedding-004' }],
    });
  });

  it('never logs a key or a prompt', async () => {
    await askThroughRelay('anthropic', 'anthropic', canaries.anthropicKey);
    await askThroughRelay('gemini', 'gemini', canaries.googleKey);
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) {
      for (const [name, canary] of Object.entries(canaries)) expect(line, name).not.toContain(canary);
    }
  });
});
