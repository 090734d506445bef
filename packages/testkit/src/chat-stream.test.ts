import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeUpstream, startFakeUpstream } from './fake-upstream.ts';
import { hostileMarker } from './hostile-reply.ts';
import { chatBody, choicesOf, deltaText, jsonChunks, parseSse, postChat, readUntil } from './test-helpers.ts';

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream();
});
afterAll(() => upstream.close());
beforeEach(() => upstream.reset());

const history = chatBody({
  model: 'my-model',
  messages: [
    { role: 'system', content: 'be brief' },
    { role: 'user', content: 'first question' },
    { role: 'assistant', content: 'first answer' },
    { role: 'user', content: 'second question' },
  ],
});

describe('streamed chat completions', () => {
  it('echoes the last user message as OpenAI chunks, then usage and [DONE]', async () => {
    const response = await postChat({ baseUrl: upstream.baseUrl(), body: history });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const events = parseSse(await response.text());
    expect(events.at(-1)).toEqual({ event: null, data: '[DONE]' });
    const chunks = jsonChunks(events);
    expect(deltaText(chunks)).toBe('Echo: second question');
    for (const chunk of chunks) {
      expect(chunk).toMatchObject({ object: 'chat.completion.chunk', model: 'my-model' });
      expect(chunk.id).toMatch(/^chatcmpl-/);
      expect(chunk.id).toBe(chunks[0]?.id);
    }
    expect(choicesOf(chunks[0] ?? {})[0]?.delta?.role).toBe('assistant');
    const finish = chunks.at(-2) ?? {};
    expect(choicesOf(finish)[0]?.finish_reason).toBe('stop');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 8, completion_tokens: 3 } });
    expect(chunks.at(-1)?.usage).toMatchObject({ total_tokens: 11 });
  });

  it('sends usage only when asked for and enabled', async () => {
    const notAsked = jsonChunks(
      parseSse(
        await (await postChat({ baseUrl: upstream.baseUrl(), body: chatBody({ stream_options: undefined }) })).text(),
      ),
    );
    const disabled = jsonChunks(
      parseSse(await (await postChat({ baseUrl: upstream.baseUrl({ usage: false }) })).text()),
    );
    const asked = jsonChunks(parseSse(await (await postChat({ baseUrl: upstream.baseUrl() })).text()));
    expect(notAsked.some((chunk) => 'usage' in chunk)).toBe(false);
    expect(disabled.some((chunk) => 'usage' in chunk)).toBe(false);
    expect(asked.some((chunk) => 'usage' in chunk)).toBe(true);
  });

  it('generates N word tokens, chunkTokens per event', async () => {
    const response = await postChat({ baseUrl: upstream.baseUrl({ tokens: 10, chunkTokens: 3, rate: 2000 }) });
    const chunks = jsonChunks(parseSse(await response.text()));
    const contentChunks = chunks.filter((chunk) => choicesOf(chunk)[0]?.delta?.content !== undefined);
    expect(contentChunks.map((chunk) => choicesOf(chunk)[0]?.delta?.content)).toEqual([
      'token1 token2 token3',
      ' token4 token5 token6',
      ' token7 token8 token9',
      ' token10',
    ]);
    expect(chunks.at(-1)?.usage).toMatchObject({ completion_tokens: 10 });
  });

  it('paces tokens by rate: a client leaving after the first event finds the rest unsent', async () => {
    const controller = new AbortController();
    const response = await postChat({
      baseUrl: upstream.baseUrl({ tokens: 50, rate: 5 }),
      init: { signal: controller.signal },
    });
    await readUntil({ response, until: (text) => text.includes('token1') });
    controller.abort();
    const record = await upstream.waitForRequest((request) => request.settledAt !== null);
    expect(record.outcome).toBe('aborted-by-client');
    expect(record.chunksSent).toBeGreaterThanOrEqual(1);
    expect(record.chunksSent).toBeLessThan(50);

    const unpaced = await postChat({ baseUrl: upstream.baseUrl({ tokens: 50 }) });
    expect(deltaText(jsonChunks(parseSse(await unpaced.text())))).toContain('token50');
  });

  it('cuts the answer at max_tokens with finish_reason length', async () => {
    const response = await postChat({ baseUrl: upstream.baseUrl({ tokens: 20 }), body: chatBody({ max_tokens: 4 }) });
    const chunks = jsonChunks(parseSse(await response.text()));
    expect(deltaText(chunks)).toBe('token1 token2 token3 token4');
    expect(choicesOf(chunks.at(-2) ?? {})[0]?.finish_reason).toBe('length');
    expect(chunks.at(-1)?.usage).toMatchObject({ completion_tokens: 4 });
  });

  it.each(['reasoning_content', 'reasoning'] as const)(
    'streams reasoning as %s deltas before the answer',
    async (field) => {
      const scenario = { reasoning: 'let me think', text: 'done', reasoningField: field };
      const chunks = jsonChunks(parseSse(await (await postChat({ baseUrl: upstream.baseUrl(scenario) })).text()));
      expect(deltaText(chunks, field)).toBe('let me think');
      expect(deltaText(chunks)).toBe('done');
      const firstContent = chunks.findIndex((chunk) => choicesOf(chunk)[0]?.delta?.content !== undefined);
      const lastReasoning = chunks.findLastIndex((chunk) => choicesOf(chunk)[0]?.delta?.[field] !== undefined);
      expect(lastReasoning).toBeLessThan(firstContent);
      expect(chunks.at(-1)?.usage).toMatchObject({ completion_tokens_details: { reasoning_tokens: 3 } });
    },
  );

  it('uses CRLF line endings when asked', async () => {
    const text = await (await postChat({ baseUrl: upstream.baseUrl({ crlf: true }) })).text();
    expect(text).toContain('\r\n\r\n');
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
    expect(deltaText(jsonChunks(parseSse(text)))).toBe('Echo: hello there');
  });

  it('interleaves keep-alive comments', async () => {
    const text = await (await postChat({ baseUrl: upstream.baseUrl({ keepAlive: true, tokens: 4 }) })).text();
    expect(text.match(/^: keep-alive$/gm)).toHaveLength(4);
    expect(deltaText(jsonChunks(parseSse(text)))).toBe('token1 token2 token3 token4');
  });

  it.each([1, 2, 3, 7])('writes %i bytes at a time without corrupting UTF-8 text', async (splitBytes) => {
    const text = 'héllo wörld 🌍 中文';
    const response = await postChat({ baseUrl: upstream.baseUrl({ text, splitBytes, crlf: true }) });
    const reader = response.body?.getReader();
    const pieces: Uint8Array[] = [];
    for (;;) {
      const read = await reader?.read();
      if (read === undefined || read.done) break;
      pieces.push(read.value);
    }
    // Reads may merge pieces on a busy machine, but an unsplit stream arrives in one or two reads.
    expect(pieces.length).toBeGreaterThan(10);
    const decoded = new TextDecoder().decode(Buffer.concat(pieces));
    expect(deltaText(jsonChunks(parseSse(decoded)))).toBe(text);
    expect(decoded.endsWith('data: [DONE]\r\n\r\n')).toBe(true);
  });

  it('streams a hostile answer with an unknown event and a non-JSON data line', async () => {
    const events = parseSse(await (await postChat({ baseUrl: upstream.baseUrl({ hostile: true }) })).text());
    const content = deltaText(jsonChunks(events));
    expect(content).toContain('<script>');
    expect(content).toContain('onerror=');
    expect(content).toContain('[click](javascript:alert(1))');
    expect(content).toMatch(/<svg[^>]*onload=/);
    expect(content).toContain('<iframe');
    expect(content).toContain(hostileMarker);
    expect(content).toContain(`![tracker](${upstream.origin}/pixel.png`);
    expect(events.some((event) => event.event === 'weird')).toBe(true);
    expect(events.some((event) => event.event === null && event.data.startsWith('this line is not JSON'))).toBe(true);
    expect(events.at(-1)?.data).toBe('[DONE]');
  });

  it('adds one enormous non-JSON line when asked', async () => {
    const events = parseSse(await (await postChat({ baseUrl: upstream.baseUrl({ hugeLine: 200_000 }) })).text());
    expect(events.some((event) => event.data === 'x'.repeat(200_000))).toBe(true);
    expect(deltaText(jsonChunks(events))).toBe('Echo: hello there');
  });

  it('starts an empty answer with a role chunk', async () => {
    const chunks = jsonChunks(parseSse(await (await postChat({ baseUrl: upstream.baseUrl({ text: '' }) })).text()));
    expect(choicesOf(chunks[0] ?? {})[0]?.delta).toEqual({ role: 'assistant', content: '' });
    expect(choicesOf(chunks[1] ?? {})[0]?.finish_reason).toBe('stop');
  });
});

describe('whole chat completions', () => {
  it('answers stream:false with one chat.completion', async () => {
    const response = await postChat({ baseUrl: upstream.baseUrl(), body: chatBody({ stream: false, model: 'm2' }) });
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({
      object: 'chat.completion',
      model: 'm2',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Echo: hello there' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 },
    });
  });

  it('answers stream:true with whole JSON in jsonMode', async () => {
    const response = await postChat({ baseUrl: upstream.baseUrl({ jsonMode: true, reasoning: 'hmm' }) });
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({
      object: 'chat.completion',
      choices: [{ message: { content: 'Echo: hello there', reasoning_content: 'hmm' } }],
    });
  });
});

describe('request validation', () => {
  it.each([
    ['not JSON', '{"model": ', null],
    ['no model', JSON.stringify({ messages: [{ role: 'user', content: 'x' }] }), 'model'],
    ['no messages', JSON.stringify({ model: 'm' }), 'messages'],
    ['empty messages', JSON.stringify({ model: 'm', messages: [] }), 'messages'],
    ['a message without role', JSON.stringify({ model: 'm', messages: [{ content: 'x' }] }), 'messages[0]'],
  ])('answers %s with an OpenAI-style 400', async (_name, body, param) => {
    const response = await postChat({ baseUrl: upstream.baseUrl(), body });
    expect(response.status).toBe(400);
    const json = (await response.json()) as { error: Record<string, unknown> };
    expect(json.error).toMatchObject({ type: 'invalid_request_error', param });
    expect(json.error.message).toEqual(expect.any(String));
  });
});
