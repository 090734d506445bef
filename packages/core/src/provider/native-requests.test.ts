import { anthropicMessagesRequestSchema, geminiRequestSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { newUserMessage } from '../records/new-records.ts';
import { testContext, testConversation, testModelConfig } from '../test/fixtures.ts';
import { buildChatRequest } from './build-chat-request.ts';

// One conversation for every builder: a system prompt, an imported system message, a question whose answer
// failed (so two questions in a row), and the question to answer.
function conversation(params: { temperature?: number; maxTokens?: number } = {}) {
  const { chat, messages } = testConversation(
    [
      ['first question', 'first answer', 'done'],
      ['second question', 'broken partial', 'error'],
    ],
    { systemPrompt: ' Be brief. ', params },
  );
  const imported = {
    ...newUserMessage(testContext(), { chatId: chat.id, content: 'Answer in French.', parent: null }),
    role: 'system' as const,
  };
  messages.unshift(imported);
  messages.push(newUserMessage(testContext(), { chatId: chat.id, content: 'latest', parent: messages.at(-1) ?? null }));
  return { chat, messages };
}

describe('the Anthropic request', () => {
  const build = (config: Parameters<typeof testModelConfig>[0], params = {}) =>
    buildChatRequest({
      config: testModelConfig({
        provider: 'anthropic',
        baseUrl: 'https://api.anthropic.com/v1',
        modelId: 'claude-x',
        ...config,
      }),
      apiKey: ' sk-ant-test ',
      ...conversation(params),
    });
  const bodyOf = (request: ReturnType<typeof build>) =>
    anthropicMessagesRequestSchema.parse(JSON.parse(request.init.body ?? ''));

  it('posts to <base>/messages with the key, the version and the browser-access header, and streams Anthropic', () => {
    const request = build({});
    expect(request.protocol).toBe('anthropic');
    expect(request.url).toBe('https://api.anthropic.com/v1/messages');
    expect(request.init.headers).toEqual({
      'Content-Type': 'application/json',
      Accept: 'text/event-stream',
      'x-api-key': 'sk-ant-test',
      'anthropic-version': '2023-06-01',
      'anthropic-dangerous-direct-browser-access': 'true',
    });
  });

  it('puts the system prompt at the top level and joins turns of one role', () => {
    expect(bodyOf(build({}))).toEqual({
      model: 'claude-x',
      max_tokens: 4096,
      stream: true,
      system: 'Be brief.\n\nAnswer in French.',
      messages: [
        { role: 'user', content: 'first question' },
        { role: 'assistant', content: 'first answer' },
        { role: 'user', content: 'second question\n\nlatest' },
      ],
    });
  });

  it('keeps temperature within Anthropic’s scale and the person’s max tokens', () => {
    expect(bodyOf(build({}, { temperature: 1.6, maxTokens: 300 }))).toMatchObject({ temperature: 1, max_tokens: 300 });
    expect(bodyOf(build({}, { temperature: 0.3 })).temperature).toBe(0.3);
  });

  it('asks for thinking with the budget on top of the answer’s tokens, and then no temperature', () => {
    const body = bodyOf(build({ thinkingBudget: 2048 }, { temperature: 0.5, maxTokens: 1000 }));
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 2048 });
    expect(body.max_tokens).toBe(3048);
    expect('temperature' in body).toBe(false);
  });

  it('takes the chat’s own thinking budget over the model’s', () => {
    const body = bodyOf(build({ thinkingBudget: 2048 }, { thinkingBudget: 1024, maxTokens: 1000 }));
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 1024 });
    expect(body.max_tokens).toBe(2024);
  });
});

describe('the Gemini request', () => {
  const build = (config: Parameters<typeof testModelConfig>[0], params = {}) =>
    buildChatRequest({
      config: testModelConfig({
        provider: 'gemini',
        baseUrl: 'https://generativelanguage.googleapis.com/v1beta/',
        modelId: 'gemini-2.5-flash',
        ...config,
      }),
      apiKey: 'AIza-test',
      ...conversation(params),
    });
  const bodyOf = (request: ReturnType<typeof build>) => geminiRequestSchema.parse(JSON.parse(request.init.body ?? ''));

  it('posts to the model’s streamGenerateContent as SSE with the key in x-goog-api-key', () => {
    const request = build({});
    expect(request.protocol).toBe('gemini');
    expect(request.url).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
    );
    expect(request.init.headers).toEqual({
      'Content-Type': 'application/json',
      Accept: 'text/event-stream',
      'x-goog-api-key': 'AIza-test',
    });
    expect(build({ modelId: 'models/gemini-2.0-flash' }).url).toContain('/v1beta/models/gemini-2.0-flash:stream');
    expect(build({ modelId: 'tunedModels/my-model' }).url).toContain('/v1beta/tunedModels/my-model:stream');
  });

  it('sends turns as user and model with text parts, and the system prompt as the system instruction', () => {
    expect(bodyOf(build({}))).toEqual({
      systemInstruction: { parts: [{ text: 'Be brief.\n\nAnswer in French.' }] },
      contents: [
        { role: 'user', parts: [{ text: 'first question' }] },
        { role: 'model', parts: [{ text: 'first answer' }] },
        { role: 'user', parts: [{ text: 'second question\n\nlatest' }] },
      ],
    });
  });

  it('puts temperature and max tokens in the generation config, and asks for thoughts with a budget', () => {
    expect(bodyOf(build({}, { temperature: 1.5, maxTokens: 300 })).generationConfig).toEqual({
      temperature: 1.5,
      maxOutputTokens: 300,
    });
    expect(bodyOf(build({ thinkingBudget: 1024 }, { maxTokens: 300 })).generationConfig).toEqual({
      maxOutputTokens: 1324,
      thinkingConfig: { includeThoughts: true, thinkingBudget: 1024 },
    });
  });
});

describe('the Azure OpenAI request', () => {
  const url = (baseUrl: string, modelId = 'my deployment') =>
    buildChatRequest({
      config: testModelConfig({ provider: 'azure', baseUrl, modelId }),
      apiKey: 'azure-key',
      ...conversation(),
    });

  it('goes to the deployment’s chat completions with an api-version, the key in api-key', () => {
    const request = url('https://res.openai.azure.com/');
    expect(request.protocol).toBe('openai');
    expect(request.url).toBe(
      'https://res.openai.azure.com/openai/deployments/my%20deployment/chat/completions?api-version=2024-10-21',
    );
    expect(request.init.headers).toMatchObject({ 'api-key': 'azure-key' });
    expect(Object.keys(request.init.headers)).not.toContain('Authorization');
  });

  it('takes an endpoint that already ends in /openai, and an api-version of the person’s own', () => {
    expect(url('https://res.openai.azure.com/openai?api-version=2025-01-01-preview').url).toBe(
      'https://res.openai.azure.com/openai/deployments/my%20deployment/chat/completions?api-version=2025-01-01-preview',
    );
  });
});
