import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakeApi } from './fake-api.ts';
import { type FakeUpstream, startFakeUpstream } from './fake-upstream.ts';

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream();
});
afterAll(() => upstream.close());
beforeEach(() => upstream.reset());

// A 1×1 PNG (67 bytes) and the same bytes claimed to be a JPEG.
const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const pngBytes = Buffer.from(png, 'base64').length;

interface ImageCase {
  api: FakeApi;
  path: string;
  headers: Record<string, string>;
  body: (image: { mediaType: string; data: string }) => unknown;
  answerOf: (json: Record<string, unknown>) => unknown;
  errorOf: (json: Record<string, unknown>) => unknown;
}

// Each API's own format for an image and a question, asked for a whole (not streamed) answer.
const cases: Record<'OpenAI-compatible' | 'Anthropic' | 'Gemini', ImageCase> = {
  'OpenAI-compatible': {
    api: 'openai',
    path: 'chat/completions',
    headers: { authorization: 'Bearer sk-test' },
    body: ({ mediaType, data }) => ({
      model: 'vision',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image_url', image_url: { url: `data:${mediaType};base64,${data}` } },
            { type: 'text', text: 'what is it?' },
          ],
        },
      ],
    }),
    answerOf: (json) => (json as { choices: { message: { content: string } }[] }).choices[0]?.message.content,
    errorOf: (json) => (json as { error: { type: string; message: string } }).error,
  },
  Anthropic: {
    api: 'anthropic',
    path: 'messages',
    headers: { 'x-api-key': 'sk-ant-test', 'anthropic-version': '2023-06-01' },
    body: ({ mediaType, data }) => ({
      model: 'claude-test',
      max_tokens: 100,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: mediaType, data } },
            { type: 'text', text: 'what is it?' },
          ],
        },
      ],
    }),
    answerOf: (json) => (json as { content: { text: string }[] }).content[0]?.text,
    errorOf: (json) => (json as { type: string; error: { type: string; message: string } }).error,
  },
  Gemini: {
    api: 'gemini',
    path: 'models/gemini-test:generateContent',
    headers: { 'x-goog-api-key': 'AIza-test' },
    body: ({ mediaType, data }) => ({
      contents: [{ role: 'user', parts: [{ inline_data: { mime_type: mediaType, data } }, { text: 'what is it?' }] }],
    }),
    answerOf: (json) =>
      (json as { candidates: { content: { parts: { text: string }[] } }[] }).candidates[0]?.content.parts[0]?.text,
    errorOf: (json) => (json as { error: { status: string; message: string } }).error,
  },
};

async function post(format: ImageCase, image: { mediaType: string; data: string }) {
  const response = await fetch(`${upstream.baseUrl({}, format.api)}/${format.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...format.headers },
    body: JSON.stringify(format.body(image)),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe.each(Object.entries(cases))('the fake %s API with an image', (_name, format) => {
  it('answers with the type and decoded size of the image it saw', async () => {
    const { status, json } = await post(format, { mediaType: 'image/png', data: png });
    expect(status).toBe(200);
    expect(format.answerOf(json)).toBe(`Echo: what is it? [image/png, ${pngBytes} bytes]`);
  });

  it.each([
    ['a type it does not take', { mediaType: 'image/tiff', data: png }],
    ['data that is not base64', { mediaType: 'image/png', data: 'not base64!' }],
    ['bytes of another type than the one named', { mediaType: 'image/jpeg', data: png }],
  ])('refuses %s with a 400 in its own error format', async (_what, image) => {
    const { status, json } = await post(format, image);
    expect(status).toBe(400);
    const error = format.errorOf(json);
    expect(error).toMatchObject(
      format.api === 'gemini' ? { status: 'INVALID_ARGUMENT' } : { type: 'invalid_request_error' },
    );
    expect((error as { message: string }).message).toMatch(/image|MIME|media_type|Base64/i);
  });
});
