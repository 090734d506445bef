import { HybridClock, newAssistantMessage, newChat, newModelConfig, newUserMessage } from '@hearth/core';
import type { Message } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { contextStartId } from './context-start.ts';

const context = {
  clock: new HybridClock({ deviceId: 'test', now: () => 1_700_000_000_000 }),
  nowMs: 1_700_000_000_000,
};
const chat = newChat(context);
const config = (contextWindow: number) =>
  newModelConfig(context, {
    name: 'Small',
    provider: 'custom',
    baseUrl: 'http://127.0.0.1:9/v1',
    modelId: 'small',
    headers: {},
    connection: 'auto',
    contextWindow,
  });

// Six turns of 60-character messages (20 tokens + 8 = 28 each).
function conversation(): Message[] {
  const messages: Message[] = [];
  for (let turn = 0; turn < 6; turn++) {
    const question = newUserMessage(context, {
      chatId: chat.id,
      content: `q${turn}`.padEnd(60, '.'),
      parent: messages.at(-1) ?? null,
    });
    const answer = {
      ...newAssistantMessage(context, { chatId: chat.id, model: 'small', parent: question }),
      content: `a${turn}`.padEnd(60, '.'),
      status: 'done' as const,
    };
    messages.push(question, answer);
  }
  return messages;
}

describe('contextStartId', () => {
  it('marks the oldest question sent when older messages do not fit', () => {
    const messages = conversation();
    // 200 tokens, 50 kept for the answer: 150 hold five messages, the first of them an answer left out.
    expect(contextStartId({ messages, chat, config: config(200) })).toBe(messages[8]?.id);
  });

  it('marks nothing when everything on screen is sent, or without a model', () => {
    const messages = conversation();
    expect(contextStartId({ messages, chat, config: config(100_000) })).toBeNull();
    expect(contextStartId({ messages, chat, config: undefined })).toBeNull();
  });
});
