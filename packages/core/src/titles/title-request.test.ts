import { anthropicMessagesRequestSchema, chatCompletionRequestSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { testContext, testModelConfig } from '../test/fixtures.ts';
import { buildTitleRequest, titleInstruction } from './title-request.ts';

describe('buildTitleRequest', () => {
  it('asks the chat’s model for a short title in the conversation’s language, quoting the first exchange', () => {
    const config = testModelConfig({ temperature: 1.5, maxTokens: 4_000 });
    const request = buildTitleRequest({
      config,
      apiKey: 'k',
      context: testContext(),
      question: '怎么烤面包？',
      answer: '先准备面粉。',
    });
    const body = chatCompletionRequestSchema.parse(JSON.parse(request.init.body ?? ''));
    expect(body).toMatchObject({ model: 'test-model', max_tokens: 40 });
    expect(body.temperature).toBeUndefined();
    expect(body.messages).toEqual([
      { role: 'system', content: titleInstruction },
      { role: 'user', content: 'User: 怎么烤面包？\n\nAssistant: 先准备面粉。' },
    ]);
    expect(titleInstruction).toMatch(/same language as the conversation/);
  });

  it('goes to native providers in their format, without thinking', () => {
    const config = testModelConfig({
      provider: 'anthropic',
      baseUrl: 'https://api.anthropic.test/v1',
      thinkingBudget: 4_096,
    });
    const request = buildTitleRequest({ config, apiKey: 'k', context: testContext(), question: 'q', answer: 'a' });
    expect(request.protocol).toBe('anthropic');
    const body = anthropicMessagesRequestSchema.parse(JSON.parse(request.init.body ?? ''));
    expect(body.thinking).toBeUndefined();
    expect(body.max_tokens).toBe(40);
    expect(body.system).toBe(titleInstruction);
  });
});
