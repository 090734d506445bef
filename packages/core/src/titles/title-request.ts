import type { ModelConfig } from '@hearth/schema';
import { buildChatRequest, type ProviderChatRequest } from '../provider/build-chat-request.ts';
import { newUserMessage, type RecordContext } from '../records/new-records.ts';

// A title is a few words; room for them in any script, and no more (it costs the person tokens).
const titleTokens = 40;
// What is quoted of the first exchange: enough to tell what it is about, never a long paste.
const quotedChars = 2_000;

/** The instruction of a title request; the model is asked to answer in the conversation's own language. */
export const titleInstruction =
  'You name conversations. Reply with a title of at most six words for the conversation the user shows you, ' +
  'written in the same language as the conversation (a conversation in Chinese gets a Chinese title). ' +
  'Reply with the title only: no quotes, no punctuation at the end, no explanation.';

/**
 * A short, separate request that asks a chat's model for a title for its first question and answer. It
 * goes to the same provider in its own format, without thinking (a title needs none, and a thinking budget
 * would dwarf the title's few tokens) and with the model's other settings left out.
 */
export function buildTitleRequest(options: {
  config: ModelConfig;
  apiKey: string | undefined;
  context: RecordContext;
  question: string;
  answer: string;
}): ProviderChatRequest {
  const { thinkingBudget: _thinking, temperature: _temperature, ...rest } = options.config;
  const config: ModelConfig = { ...rest, maxTokens: titleTokens };
  const conversation = `User: ${options.question.slice(0, quotedChars)}\n\nAssistant: ${options.answer.slice(0, quotedChars)}`;
  const question = newUserMessage(options.context, { chatId: config.id, content: conversation, parent: null });
  return buildChatRequest({
    config,
    apiKey: options.apiKey,
    chat: { systemPrompt: titleInstruction, params: {} },
    messages: [question],
  });
}
