import { chatCompletionRequestSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { newUserMessage } from '../records/new-records.ts';
import { testContext, testConversation, testModelConfig } from '../test/fixtures.ts';
import { buildChatRequest } from './build-chat-request.ts';

function bodyOf(request: ReturnType<typeof buildChatRequest>) {
  return chatCompletionRequestSchema.parse(JSON.parse(request.init.body ?? ''));
}

describe('buildChatRequest', () => {
  it('sends the system prompt, then the history the person saw, then the new question', () => {
    const { chat, messages } = testConversation(
      [
        ['first question', 'first answer', 'done'],
        ['second question', 'half an ans', 'stopped'],
        ['third question', 'broken partial', 'error'],
      ],
      { systemPrompt: '  Be brief.  ' },
    );
    messages.push(
      newUserMessage(testContext(), { chatId: chat.id, content: 'latest', parent: messages.at(-1) ?? null }),
    );
    const body = bodyOf(buildChatRequest({ config: testModelConfig(), apiKey: undefined, chat, messages }));
    expect(body.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'first question' },
      { role: 'assistant', content: 'first answer' },
      { role: 'user', content: 'second question' },
      { role: 'assistant', content: 'half an ans' },
      { role: 'user', content: 'third question' },
      { role: 'user', content: 'latest' },
    ]);
    expect(body).toMatchObject({ model: 'test-model', stream: true, stream_options: { include_usage: true } });
  });

  it('leaves out answers in flight and an empty system prompt', () => {
    const { chat, messages } = testConversation([
      ['kept', 'kept answer', 'done'],
      ['pending', '', 'pending'],
    ]);
    const body = bodyOf(buildChatRequest({ config: testModelConfig(), apiKey: undefined, chat, messages }));
    expect(body.messages.map((m) => m.content)).toEqual(['kept', 'kept answer', 'pending']);
  });

  it('prefers the chat’s params over the model’s and omits unset ones', () => {
    const { chat, messages } = testConversation([['q', '', 'pending']], { params: { temperature: 0.2 } });
    const config = testModelConfig({ temperature: 1.1, maxTokens: 256 });
    const body = bodyOf(buildChatRequest({ config, apiKey: undefined, chat, messages }));
    expect(body.temperature).toBe(0.2);
    expect(body.max_tokens).toBe(256);
    const bare = bodyOf(
      buildChatRequest({ config: testModelConfig(), apiKey: undefined, chat: { ...chat, params: {} }, messages }),
    );
    expect('temperature' in bare).toBe(false);
    expect('max_tokens' in bare).toBe(false);
  });

  it('targets <base>/chat/completions, keeping the base path and query', () => {
    const { chat, messages } = testConversation([['q', '', 'pending']]);
    const url = (baseUrl: string) =>
      buildChatRequest({ config: testModelConfig({ baseUrl }), apiKey: undefined, chat, messages }).url;
    expect(url('https://api.example.com/v1')).toBe('https://api.example.com/v1/chat/completions');
    expect(url('https://api.example.com/v1///')).toBe('https://api.example.com/v1/chat/completions');
    expect(url('https://gw.example.com/openai?api-version=2')).toBe(
      'https://gw.example.com/openai/chat/completions?api-version=2',
    );
  });

  it('sends the key as a bearer token, the config’s extra headers, and no key when there is none', () => {
    const { chat, messages } = testConversation([['q', '', 'pending']]);
    const config = testModelConfig({ headers: { 'HTTP-Referer': 'https://me.example', 'X-Title': 'Hearth' } });
    const withKey = buildChatRequest({ config, apiKey: ' sk-test ', chat, messages }).init.headers;
    expect(withKey).toMatchObject({
      Authorization: 'Bearer sk-test',
      'Content-Type': 'application/json',
      'HTTP-Referer': 'https://me.example',
      'X-Title': 'Hearth',
    });
    const withoutKey = buildChatRequest({ config, apiKey: '', chat, messages }).init.headers;
    expect(Object.keys(withoutKey).map((k) => k.toLowerCase())).not.toContain('authorization');
  });
});
