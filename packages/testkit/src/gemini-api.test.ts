import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeUpstream, startFakeUpstream } from './fake-upstream.ts';
import type { Scenario } from './scenario.ts';
import { jsonOf, type LooseJson, parseSse } from './test-helpers.ts';

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream();
});
afterAll(() => upstream.close());
beforeEach(() => upstream.reset());

const body = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    systemInstruction: { parts: [{ text: 'be brief' }] },
    contents: [{ role: 'user', parts: [{ text: 'hello there' }] }],
    ...overrides,
  });

function post(options: { scenario?: Partial<Scenario>; body?: string; key?: string; path?: string } = {}) {
  const path = options.path ?? 'models/gemini-test:streamGenerateContent?alt=sse';
  return fetch(`${upstream.baseUrl(options.scenario, 'gemini')}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-goog-api-key': options.key ?? 'AIza-test' },
    body: options.body ?? body(),
  });
}

const piecesOf = async (response: Response) => parseSse(await response.text()).map((event) => JSON.parse(event.data));
const textOf = (
  pieces: { candidates?: { content: { parts: { text: string; thought?: boolean }[] } }[] }[],
  thought = false,
) =>
  pieces
    .flatMap((piece) => piece.candidates?.[0]?.content.parts ?? [])
    .filter((part: LooseJson) => (part.thought ?? false) === thought)
    .map((part: LooseJson) => part.text)
    .join('');

describe('the fake Gemini API', () => {
  it('streams GenerateContentResponses as SSE with running usage and a finish reason last', async () => {
    const response = await post();
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const pieces = await piecesOf(response);
    expect(textOf(pieces)).toBe('Echo: hello there');
    expect(pieces.at(-1)?.candidates[0].finishReason).toBe('STOP');
    expect(pieces.at(-1)?.usageMetadata).toEqual({ promptTokenCount: 4, candidatesTokenCount: 3, totalTokenCount: 7 });
    expect(pieces.slice(0, -1).every((piece) => piece.candidates[0].finishReason === undefined)).toBe(true);
    expect((await upstream.waitForRequest()).path).toBe('/gemini/v1beta/models/gemini-test:streamGenerateContent');
  });

  it('sends thought parts only when the request asks includeThoughts, and counts them apart', async () => {
    const scenario = { reasoning: 'Let me think.' };
    expect(textOf(await piecesOf(await post({ scenario })), true)).toBe('');
    const asked = await piecesOf(
      await post({ scenario, body: body({ generationConfig: { thinkingConfig: { includeThoughts: true } } }) }),
    );
    expect(textOf(asked, true)).toBe('Let me think.');
    expect(asked.at(-1)?.usageMetadata).toMatchObject({ thoughtsTokenCount: 3, candidatesTokenCount: 3 });
  });

  it('answers a JSON array without alt=sse, and one response from generateContent', async () => {
    const array = await jsonOf(await post({ path: 'models/gemini-test:streamGenerateContent' }));
    expect(Array.isArray(array)).toBe(true);
    expect(textOf(array)).toBe('Echo: hello there');
    const whole = await jsonOf(await post({ path: 'models/gemini-test:generateContent' }));
    expect(textOf([whole])).toBe('Echo: hello there');
  });

  it('refuses what Gemini refuses, in its words and shape', async () => {
    const missingKey = await post({ key: '' });
    expect(missingKey.status).toBe(403);
    expect((await jsonOf(missingKey)).error).toMatchObject({ code: 403, status: 'PERMISSION_DENIED' });
    const role = await post({ body: body({ contents: [{ role: 'assistant', parts: [{ text: 'x' }] }] }) });
    expect(await jsonOf(role)).toEqual({
      error: { code: 400, message: 'Please use a valid role: user, model.', status: 'INVALID_ARGUMENT' },
    });
    const status = await post({ scenario: { status: 400 } });
    expect((await jsonOf(status)).error.message).toBe('API key not valid. Please pass a valid API key.');
  });

  it('reports an error inside the stream as Gemini does, and cuts it short like the other APIs', async () => {
    const failed = await piecesOf(await post({ scenario: { tokens: 5, errorAfter: 2, message: 'Overloaded.' } }));
    expect(failed.at(-1)).toEqual({ error: { code: 500, message: 'Overloaded.', status: 'INTERNAL' } });
    const ended = await piecesOf(await post({ scenario: { tokens: 5, endAfter: 2 } }));
    expect(ended.some((piece) => piece.candidates?.[0]?.finishReason)).toBe(false);
  });

  it('lists models page by page, an embedding model among them', async () => {
    const page = (token?: string) =>
      fetch(
        `${upstream.baseUrl({ models: ['a', 'b'], modelsPageSize: 2 }, 'gemini')}/models${token ? `?pageToken=${token}` : ''}`,
        {
          headers: { 'x-goog-api-key': 'AIza-test' },
        },
      ).then(jsonOf);
    const first = await page();
    expect(first.models.map((model: { name: string }) => model.name)).toEqual(['models/a', 'models/b']);
    // Gemini lists what each model reads and writes at most.
    expect(first.models[0]).toMatchObject({ inputTokenLimit: 1_048_576, outputTokenLimit: 65_536 });
    const second = await page(first.nextPageToken);
    expect(second).toEqual({
      models: [
        {
          name: 'models/text-embedding-004',
          supportedGenerationMethods: ['embedContent'],
          displayName: 'text-embedding-004',
        },
      ],
    });
  });
});
