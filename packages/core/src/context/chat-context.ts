import type { Message } from '@hearth/schema';
import type { ChatRequestInput } from '../provider/build-chat-request.ts';
import { acceptsThinkingBudget, generationSettings, outputLimit } from '../provider/generation-settings.ts';
import { isSentToModel } from '../provider/select-history.ts';
import { contextWindowOf } from './context-window.ts';
import { type ContextBudget, type FitContextResult, fitContext } from './fit-context.ts';
import { estimateTextTokens, messageOverheadTokens } from './token-estimate.ts';

// Without a max tokens setting, the answer is given this much room, or a quarter of a small window.
const defaultAnswerReserve = 4_096;

export interface ChatContextInput extends Pick<ChatRequestInput, 'config' | 'chat' | 'messages'> {
  /**
   * Tokens a message costs beyond its text (its attachments, say); the text and overhead are counted here.
   * Absent: nothing beyond the text.
   */
  extraCost?: (message: Message) => number;
}

/** The estimated tokens a message costs in a request: its text and the wrapping of a turn. */
export function messageTokens(message: Pick<Message, 'content'>): number {
  return estimateTextTokens(message.content) + messageOverheadTokens;
}

/**
 * How much of a chat a model can be sent: its context window, less the answer's room, which is the
 * request's output limit (max tokens, and the thinking budget where the provider counts it in) or a reserve.
 */
export function chatContextBudget(input: Pick<ChatRequestInput, 'config' | 'chat'>): ContextBudget {
  const contextWindow = contextWindowOf(input.config);
  const settings = generationSettings(input);
  const answerTokens = settings.maxTokens ?? Math.min(defaultAnswerReserve, Math.floor(contextWindow / 4));
  const thinking = acceptsThinkingBudget(input.config.provider) ? settings : { ...settings, thinkingBudget: 0 };
  return { contextWindow, answerReserve: outputLimit(thinking, answerTokens) ?? answerTokens };
}

/**
 * The newest messages of the branch being answered that fit the model's context window, with the system
 * prompt always sent; these are what `buildChatRequest` is then given. Messages the model is never sent
 * (failed or unfinished answers) are left out first, as `selectHistory` does.
 */
export function fitChatContext(input: ChatContextInput): FitContextResult<Message> {
  const { extraCost } = input;
  const system = input.chat.systemPrompt.trim();
  return fitContext({
    fixedTokens: system ? messageTokens({ content: system }) : 0,
    messages: input.messages.filter(isSentToModel),
    cost: extraCost ? (message) => messageTokens(message) + extraCost(message) : messageTokens,
    startsTurn: (message) => message.role === 'user',
    budget: chatContextBudget(input),
  });
}

/**
 * Whether a question about to be sent is, alone, more than the model can take (with the system prompt and
 * the answer's room): checked before it is stored, so the person can shorten it or pick another model.
 */
export function questionOverflow(
  input: Pick<ChatRequestInput, 'config' | 'chat'> & { content: string; extraTokens?: number },
): { neededTokens: number; contextWindow: number } | null {
  const budget = chatContextBudget(input);
  const system = input.chat.systemPrompt.trim();
  const neededTokens =
    messageTokens({ content: input.content }) +
    (input.extraTokens ?? 0) +
    (system ? messageTokens({ content: system }) : 0) +
    budget.answerReserve;
  return neededTokens > budget.contextWindow ? { neededTokens, contextWindow: budget.contextWindow } : null;
}
