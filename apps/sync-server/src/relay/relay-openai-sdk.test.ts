import { type FakeUpstream, startFakeUpstream } from '@hearth/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RelayHarness, startRelay } from './test/relay-harness.ts';

// The promise of the relay: an unmodified official SDK works by changing its base URL and adding one header.

let upstream: FakeUpstream;
let relay: RelayHarness;
let client: OpenAI;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  relay = await startRelay({ relay: { allowPrivate: [`127.0.0.1:${upstream.port}`], token: 'relay-token' } });
  client = new OpenAI({
    baseURL: relay.relayUrl,
    apiKey: 'sk-dummy-key',
    defaultHeaders: {
      'x-relay-upstream': upstream.baseUrl({ text: 'Hello from the fake upstream' }),
      'x-relay-token': 'relay-token',
    },
    maxRetries: 0,
  });
});
beforeEach(() => upstream.reset());
afterAll(async () => {
  await relay.close();
  await upstream.close();
});

describe('the official openai client through the relay', () => {
  it('streams a chat completion', async () => {
    const stream = await client.chat.completions.create({
      model: 'fake-model',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      usage ??= chunk.usage;
    }
    expect(text).toBe('Hello from the fake upstream');
    expect(usage?.total_tokens).toBeGreaterThan(0);
    const recorded = await upstream.waitForRequest();
    expect(recorded.headers.authorization).toBe('Bearer sk-dummy-key');
    expect(recorded.headers['x-relay-token']).toBeUndefined();
  });

  it('makes a non-streaming call', async () => {
    const completion = await client.chat.completions.create({
      model: 'fake-model',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(completion.choices[0]?.message.content).toBe('Hello from the fake upstream');
  });

  it('lists models', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(['fake-model', 'fake-reasoner']);
  });

  it('surfaces the upstream’s own error message', async () => {
    const failing = client.withOptions({
      defaultHeaders: {
        'x-relay-upstream': upstream.baseUrl({ status: 401, message: 'Incorrect API key provided' }),
        'x-relay-token': 'relay-token',
      },
    });
    const error = await failing.models.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((error as InstanceType<typeof OpenAI.AuthenticationError>).message).toContain('Incorrect API key provided');
  });

  it('surfaces the relay’s own errors with their code', async () => {
    const refused = client.withOptions({
      defaultHeaders: { 'x-relay-upstream': 'http://169.254.169.254/latest', 'x-relay-token': 'relay-token' },
    });
    const error = await refused.models.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect(error).toMatchObject({ status: 403, code: 'forbidden_address', type: 'relay_error' });
  });
});
