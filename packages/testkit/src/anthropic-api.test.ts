import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeUpstream, startFakeUpstream } from './fake-upstream.ts';
import type { Scenario } from './scenario.ts';
import { jsonOf, parseSse } from './test-helpers.ts';

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream();
});
afterAll(() => upstream.close());
beforeEach(() => upstream.reset());

const headers = { 'content-type': 'application/json', 'x-api-key': 'sk-ant-test', 'anthropic-version': '2023-06-01' };
const body = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    model: 'claude-test',
    max_tokens: 4096,
    stream: true,
    system: 'be brief',
    messages: [{ role: 'user', content: 'hello there' }],
    ...overrides,
  });

function post(options: { scenario?: Partial<Scenario>; body?: string; headers?: Record<string, string> } = {}) {
  return fetch(`${upstream.baseUrl(options.scenario, 'anthropic')}/messages`, {
    method: 'POST',
    headers: { ...headers, ...options.headers },
    body: options.body ?? body(),
  });
}

const eventsOf = async (response: Response) =>
  parseSse(await response.text()).map((event) => ({ event: event.event, data: JSON.parse(event.data) }));

describe('the fake Anthropic Messages API', () => {
  it('streams named events whose data repeats the name, with usage and the stop reason', async () => {
    const response = await post();
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = await eventsOf(response);
    for (const { event, data } of events) expect(data.type).toBe(event);
    expect(events.map(({ event }) => event)).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    const text = events.flatMap(({ data }) => (data.delta?.type === 'text_delta' ? [data.delta.text] : [])).join('');
    expect(text).toBe('Echo: hello there');
    expect(events[0]?.data.message.usage).toEqual({ input_tokens: 4, output_tokens: 1 });
    expect(events.at(-2)?.data).toMatchObject({ delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 3 } });
    const recorded = await upstream.waitForRequest();
    expect(recorded.path).toBe('/anthropic/v1/messages');
  });

  it('thinks in a thinking block, with its signature, only when the request enables thinking', async () => {
    const scenario = { reasoning: 'Let me think.' };
    const plain = await eventsOf(await post({ scenario }));
    expect(plain.some(({ data }) => data.delta?.type === 'thinking_delta')).toBe(false);
    const thinking = await eventsOf(
      await post({ scenario, body: body({ thinking: { type: 'enabled', budget_tokens: 1024 }, max_tokens: 2048 }) }),
    );
    const blocks = thinking
      .filter(({ event }) => event === 'content_block_start')
      .map(({ data }) => data.content_block.type);
    expect(blocks).toEqual(['thinking', 'text']);
    const thoughts = thinking.flatMap(({ data }) =>
      data.delta?.type === 'thinking_delta' ? [data.delta.thinking] : [],
    );
    expect(thoughts.join('')).toBe('Let me think.');
    expect(thinking.some(({ data }) => data.delta?.type === 'signature_delta')).toBe(true);
  });

  it('refuses what Anthropic refuses, in its words', async () => {
    const refusal = async (response: Response) => ({ status: response.status, body: await jsonOf(response) });
    expect(await refusal(await post({ headers: { 'x-api-key': '' } }))).toMatchObject({
      status: 401,
      body: { type: 'error', error: { type: 'authentication_error', message: 'x-api-key header is required' } },
    });
    expect((await refusal(await post({ headers: { 'anthropic-version': '' } }))).body.error.message).toBe(
      'anthropic-version: header is required',
    );
    expect((await refusal(await post({ body: body({ max_tokens: undefined }) }))).body.error.message).toBe(
      'max_tokens: Field required',
    );
    const system = body({ messages: [{ role: 'system', content: 'x' }] });
    expect((await refusal(await post({ body: system }))).body.error.message).toMatch(/top-level `system` parameter/);
    const budget = body({ thinking: { type: 'enabled', budget_tokens: 2048 }, max_tokens: 1024 });
    expect((await refusal(await post({ body: budget }))).body.error.message).toBe(
      '`max_tokens` must be greater than `thinking.budget_tokens`.',
    );
    const status = await refusal(await post({ scenario: { status: 529 } }));
    expect(status).toMatchObject({ status: 529, body: { error: { type: 'overloaded_error', message: 'Overloaded' } } });
  });

  it('refuses a browser’s request without the direct-browser-access header, as Anthropic does', async () => {
    const browser = await post({ headers: { origin: 'http://app.example' } });
    expect(browser.status).toBe(401);
    expect((await jsonOf(browser)).error.message).toBe(
      "CORS requests must set 'anthropic-dangerous-direct-browser-access' header",
    );
    const acknowledged = await post({
      headers: { origin: 'http://app.example', 'anthropic-dangerous-direct-browser-access': 'true' },
    });
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.headers.get('access-control-allow-origin')).toBe('*');
    await acknowledged.text();
  });

  it('reports an error inside the stream with an error event, and cuts it short like the other APIs', async () => {
    const failed = await eventsOf(await post({ scenario: { tokens: 5, errorAfter: 2, message: 'Overloaded' } }));
    expect(failed.at(-1)).toEqual({
      event: 'error',
      data: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
    });
    const ended = await eventsOf(await post({ scenario: { tokens: 5, endAfter: 2 } }));
    expect(ended.some(({ event }) => event === 'message_stop')).toBe(false);
  });

  it('answers a whole message without stream, and lists models page by page', async () => {
    const whole = await jsonOf(await post({ body: body({ stream: false }) }));
    expect(whole).toMatchObject({ type: 'message', content: [{ type: 'text', text: 'Echo: hello there' }] });
    const page = (after?: string) =>
      fetch(
        `${upstream.baseUrl({ models: ['a', 'b', 'c'], modelsPageSize: 2 }, 'anthropic')}/models${after ? `?after_id=${after}` : ''}`,
        {
          headers,
        },
      ).then(jsonOf);
    expect(await page()).toMatchObject({ data: [{ id: 'a' }, { id: 'b' }], has_more: true, last_id: 'b' });
    expect(await page('b')).toMatchObject({ data: [{ id: 'c' }], has_more: false });
  });

  it('lists each model’s context window and output limit, as Anthropic does', async () => {
    const list = (window?: number) =>
      fetch(`${upstream.baseUrl(window === undefined ? {} : { contextWindow: window }, 'anthropic')}/models`, {
        headers,
      }).then(jsonOf);
    expect((await list()).data[0]).toMatchObject({ max_input_tokens: 200_000, max_tokens: 64_000 });
    expect((await list(1_000)).data[0]).toMatchObject({ max_input_tokens: 1_000 });
  });
});
