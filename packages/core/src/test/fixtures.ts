import type { Chat, Message, ModelConfig } from '@hearth/schema';
import { HybridClock } from '../clock/hybrid-clock.ts';
import {
  newAssistantMessage,
  newChat,
  newModelConfig,
  newUserMessage,
  type RecordContext,
} from '../records/new-records.ts';

/** A record context with a deterministic clock, for tests. */
export function testContext(nowMs = 1_700_000_000_000): RecordContext {
  return { clock: new HybridClock({ deviceId: 'test', now: () => nowMs }), nowMs };
}

/** A model configuration as the form would save it. */
export function testModelConfig(overrides: Partial<ModelConfig> = {}): ModelConfig {
  return {
    ...newModelConfig(testContext(), {
      name: 'Test',
      provider: 'custom',
      baseUrl: 'http://127.0.0.1:9/v1',
      modelId: 'test-model',
      headers: {},
      connection: 'auto',
    }),
    ...overrides,
  };
}

/** A chat with a conversation: pairs of [user text, answer text, answer status]. */
export function testConversation(
  turns: readonly [string, string, Message['status']][],
  chatFields: Partial<Chat> = {},
): { chat: Chat; messages: Message[] } {
  const context = testContext();
  const chat = { ...newChat(context), ...chatFields };
  const messages: Message[] = [];
  for (const [question, answer, status] of turns) {
    const asked = newUserMessage(context, { chatId: chat.id, content: question, parent: messages.at(-1) ?? null });
    messages.push(asked);
    messages.push({
      ...newAssistantMessage(context, { chatId: chat.id, model: 'm', parent: asked }),
      content: answer,
      status,
    });
  }
  return { chat, messages };
}
