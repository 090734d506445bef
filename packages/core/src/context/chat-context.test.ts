import type { Message } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { newUserMessage } from '../records/new-records.ts';
import { testContext, testConversation, testModelConfig } from '../test/fixtures.ts';
import { chatContextBudget, fitChatContext, questionOverflow } from './chat-context.ts';

// Ten turns, then the newest question; every message is 30 characters (10 tokens + 8 of overhead = 18).
function longChat(systemPrompt = '') {
  const { chat, messages } = testConversation(
    Array.from(
      { length: 10 },
      (_, index) => [`q${index} `.padEnd(30, '.'), `a${index} `.padEnd(30, '.'), 'done'] as const,
    ),
    { systemPrompt },
  );
  const newest = newUserMessage(testContext(), {
    chatId: chat.id,
    content: 'newest'.padEnd(30, '.'),
    parent: messages.at(-1) ?? null,
  });
  messages.push(newest);
  return { chat, messages };
}

const heads = (messages: readonly Message[]) =>
  messages.map((message) => message.content.split(' ')[0]?.replace(/\.+$/, ''));

describe('fitChatContext', () => {
  it('sends the newest messages that fit the model’s window, keeping a quarter of a small window for the answer', () => {
    const { chat, messages } = longChat();
    // 200 - 50 for the answer = 150 of room: 8 messages of 18, less the answer left first without its question.
    const result = fitChatContext({ config: testModelConfig({ contextWindow: 200 }), chat, messages });
    expect(result).toMatchObject({ fits: true, leftOut: 14, tokens: 7 * 18 });
    if (result.fits) expect(heads(result.messages)).toEqual(['q7', 'a7', 'q8', 'a8', 'q9', 'a9', 'newest']);
  });

  it('counts the system prompt, max tokens and the thinking budget of native providers against the window', () => {
    const { chat, messages } = longChat('S'.repeat(30));
    const config = testModelConfig({ provider: 'anthropic', contextWindow: 300, maxTokens: 100, thinkingBudget: 50 });
    expect(chatContextBudget({ config, chat })).toEqual({ contextWindow: 300, answerReserve: 150 });
    // 300 - 150 - 18 for the system prompt = 132: 7 messages, from a question.
    const result = fitChatContext({ config, chat, messages });
    if (result.fits) expect(heads(result.messages)).toEqual(['q7', 'a7', 'q8', 'a8', 'q9', 'a9', 'newest']);
    expect(result).toMatchObject({ fits: true, tokens: 7 * 18 + 18 });
    // OpenAI-compatible providers are never sent a thinking budget, so it takes no room.
    expect(chatContextBudget({ config: { ...config, provider: 'custom' }, chat }).answerReserve).toBe(100);
  });

  it('leaves out failed answers before counting, and takes what attachments add', () => {
    const { chat, messages } = testConversation([
      ['first'.padEnd(30, '.'), 'broken', 'error'],
      ['second'.padEnd(30, '.'), 'fine'.padEnd(30, '.'), 'done'],
    ]);
    const config = testModelConfig({ contextWindow: 1_000, maxTokens: 10 });
    const all = fitChatContext({ config, chat, messages });
    if (all.fits) expect(heads(all.messages)).toEqual(['first', 'second', 'fine']);
    const heavy = fitChatContext({
      config,
      chat,
      messages,
      extraCost: (message) => (message.content.startsWith('first') ? 2_000 : 0),
    });
    if (heavy.fits) expect(heads(heavy.messages)).toEqual(['second', 'fine']);
    expect(heavy.fits && all.fits).toBe(true);
  });

  it('refuses when the newest question alone is more than the window can take', () => {
    const { chat } = longChat();
    const question = newUserMessage(testContext(), { chatId: chat.id, content: '你'.repeat(500), parent: null });
    const result = fitChatContext({ config: testModelConfig({ contextWindow: 400 }), chat, messages: [question] });
    expect(result).toEqual({ fits: false, neededTokens: 508 + 100, contextWindow: 400 });
  });

  it('tells before sending whether a question alone overflows, with the same estimate', () => {
    const config = testModelConfig({ contextWindow: 400 });
    const chat = { systemPrompt: '', params: {} };
    expect(questionOverflow({ config, chat, content: '你'.repeat(500) })).toEqual({
      neededTokens: 608,
      contextWindow: 400,
    });
    expect(questionOverflow({ config, chat, content: '你'.repeat(292) })).toBeNull();
    expect(questionOverflow({ config, chat, content: '你'.repeat(293) })).not.toBeNull();
  });
});
