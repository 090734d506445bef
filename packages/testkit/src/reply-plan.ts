import type { ChatRequest } from './chat-request.ts';
import { hostileReply } from './hostile-reply.ts';
import { seenImageText } from './image-data.ts';
import type { Scenario } from './scenario.ts';

/** Token usage in OpenAI's wire shape. */
export interface WireUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  completion_tokens_details?: { reasoning_tokens: number };
}

/** What the fake will answer, decided before the first byte so streamed and whole answers agree. */
export interface ReplyPlan {
  reasoningTokens: string[];
  contentTokens: string[];
  finishReason: 'stop' | 'length';
  usage: WireUsage;
}

/** Splits text into word tokens that concatenate back to it exactly (`Echo:`, ` hello`, ` world`). */
export function wordTokens(text: string): string[] {
  const tokens = text.match(/\s*\S+/g) ?? [];
  const covered = tokens.reduce((length, token) => length + token.length, 0);
  const trailing = text.slice(covered);
  if (trailing === '') return tokens;
  if (tokens.length === 0) return [trailing];
  tokens[tokens.length - 1] += trailing;
  return tokens;
}

function answerText(options: { scenario: Scenario; request: ChatRequest; origin: string; requestId: number }): string {
  const { scenario, request } = options;
  if (scenario.hostile) return hostileReply(options);
  if (scenario.tokens !== null) {
    return Array.from({ length: scenario.tokens }, (_, index) => `token${index + 1}`).join(' ');
  }
  if (scenario.text !== null) return scenario.text;
  const lastUser = request.messages.findLast((message) => message.role === 'user');
  // The images it saw are named by type and decoded size, so a test sees they arrived whole.
  const images = (lastUser?.images ?? []).map(seenImageText).join(' ');
  return `Echo: ${[lastUser?.text ?? '(no user message)', images].filter(Boolean).join(' ')}`;
}

/** Decides the answer for a validated request under a scenario; `max_tokens` cuts the answer with `length`. */
export function planReply(options: {
  scenario: Scenario;
  request: ChatRequest;
  origin: string;
  requestId: number;
}): ReplyPlan {
  const { scenario, request } = options;
  const reasoningTokens = scenario.reasoning === null || !request.reasoning ? [] : wordTokens(scenario.reasoning);
  const allContent = wordTokens(answerText(options));
  const limited = request.maxTokens !== null && allContent.length > request.maxTokens;
  const contentTokens = limited ? allContent.slice(0, request.maxTokens ?? 0) : allContent;
  const promptTokens = request.messages.reduce((sum, message) => sum + wordTokens(message.text).length, 0);
  const completionTokens = reasoningTokens.length + contentTokens.length;
  const usage: WireUsage = {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
  if (reasoningTokens.length > 0) usage.completion_tokens_details = { reasoning_tokens: reasoningTokens.length };
  return { reasoningTokens, contentTokens, finishReason: limited ? 'length' : 'stop', usage };
}
