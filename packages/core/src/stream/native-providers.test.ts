import type { ProviderKind } from '@hearth/schema';
import { type FakeApi, type FakeUpstream, type Scenario, startFakeUpstream } from '@hearth/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChatRequest } from '../provider/build-chat-request.ts';
import { newUserMessage } from '../records/new-records.ts';
import { testContext, testConversation, testModelConfig } from '../test/fixtures.ts';
import { streamCompletion } from './stream-completion.ts';
import { collect, joinDeltas } from './test-support.ts';

// The builders and the decoder against the fake upstream, which checks each request as the provider would
// and answers in the provider's format: the two ends of one provider must fit each other.

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream();
});
afterAll(() => upstream.close());

const providers: { provider: ProviderKind; api: FakeApi; modelId: string }[] = [
  { provider: 'anthropic', api: 'anthropic', modelId: 'claude-test' },
  { provider: 'gemini', api: 'gemini', modelId: 'gemini-test' },
];

function ask(options: { provider: ProviderKind; api: FakeApi; modelId: string; scenario: Partial<Scenario> }) {
  const { chat, messages } = testConversation([['first', 'an answer', 'done']], { systemPrompt: 'Be brief.' });
  messages.push(
    newUserMessage(testContext(), { chatId: chat.id, content: 'how are you', parent: messages.at(-1) ?? null }),
  );
  const config = testModelConfig({
    provider: options.provider,
    baseUrl: upstream.baseUrl(options.scenario, options.api),
    modelId: options.modelId,
    thinkingBudget: 1024,
  });
  const request = buildChatRequest({ config, apiKey: 'test-key', chat, messages });
  return collect(streamCompletion(request));
}

describe.each(providers)('$provider natively, against the fake upstream', (provider) => {
  it('streams reasoning, the answer, the stop reason and usage, however the bytes arrive', async () => {
    const events = await ask({ ...provider, scenario: { reasoning: 'Thinking hard.', splitBytes: 7 } });
    expect(joinDeltas(events, 'reasoning-delta')).toBe('Thinking hard.');
    expect(joinDeltas(events)).toBe('Echo: how are you');
    expect(events).toContainEqual({ type: 'finish', reason: 'stop' });
    const usage = events.find((event) => event.type === 'usage');
    expect(usage?.type === 'usage' && usage.usage).toMatchObject({
      promptTokens: 8,
      completionTokens: 6,
      totalTokens: 14,
    });
    expect(events.some((event) => event.type === 'error')).toBe(false);
  });

  it('reads a refusal in the provider’s own words', async () => {
    const events = await ask({ ...provider, scenario: { status: 429, message: 'Slow down, please.' } });
    expect(events).toEqual([
      { type: 'error', error: { code: 'upstream_http', message: 'Slow down, please.', httpStatus: 429 } },
    ]);
  });

  it('reads an error inside the stream in the provider’s own words, keeping the words before it', async () => {
    const events = await ask({ ...provider, scenario: { tokens: 6, errorAfter: 3, message: 'Overloaded' } });
    expect(joinDeltas(events)).toBe('token1 token2 token3');
    expect(events.at(-1)).toEqual({ type: 'error', error: { code: 'stream_error', message: 'Overloaded' } });
  });

  it('calls a stream cut before the provider’s end of answer interrupted', async () => {
    const events = await ask({ ...provider, scenario: { tokens: 6, endAfter: 3 } });
    expect(events.at(-1)).toMatchObject({ type: 'error', error: { code: 'interrupted' } });
  });

  it('treats unknown events and non-JSON data in the stream as data, never as the end or an error', async () => {
    const events = await ask({ ...provider, scenario: { hostile: true, keepAlive: true, crlf: true } });
    expect(joinDeltas(events)).toContain('Here is a perfectly normal answer.');
    expect(events).toContainEqual({ type: 'finish', reason: 'stop' });
    expect(events.some((event) => event.type === 'error')).toBe(false);
  });

  it('reads a whole JSON answer from a provider that ignored streaming', async () => {
    const events = await ask({ ...provider, scenario: { jsonMode: true, reasoning: 'Hm.' } });
    expect(joinDeltas(events, 'reasoning-delta')).toBe('Hm.');
    expect(joinDeltas(events)).toBe('Echo: how are you');
  });
});

describe('Azure OpenAI, against the fake upstream’s deployment routes', () => {
  function askAzure(baseUrl: string, apiKey = 'azure-key') {
    const { chat, messages } = testConversation([['how are you', '', 'pending']]);
    const config = testModelConfig({ provider: 'azure', baseUrl, modelId: 'my-deployment' });
    const request = buildChatRequest({ config, apiKey, chat, messages: messages.slice(0, 1) });
    return { request, events: collect(streamCompletion(request)) };
  }

  it('addresses the deployment with an api-version and the key in api-key, and streams OpenAI’s format back', async () => {
    upstream.reset();
    const { events } = askAzure(upstream.baseUrl({ reasoning: 'Hm.' }));
    expect(joinDeltas(await events)).toBe('Echo: how are you');
    const sent = await upstream.waitForRequest((request) => request.method === 'POST');
    expect(sent.url).toMatch(/\/v1\/openai\/deployments\/my-deployment\/chat\/completions\?api-version=2024-10-21$/);
    expect(sent.headers['api-key']).toBe('azure-key');
    expect(sent.headers.authorization).toBeUndefined();
  });

  it('reads Azure’s refusal of a missing key in its own words', async () => {
    const { events } = askAzure(upstream.baseUrl(), '');
    expect(await events).toEqual([
      {
        type: 'error',
        error: expect.objectContaining({
          code: 'upstream_http',
          httpStatus: 401,
          message: expect.stringMatching(/^Access denied/),
        }),
      },
    ]);
  });
});
