import { type ChatMessage, type ChatRequest, isRecord } from './chat-request.ts';

/** A validated Messages request, or Anthropic's error for it (always a 400 `invalid_request_error`). */
export type AnthropicRequestParse = { success: true; value: ChatRequest } | { success: false; error: string };

// Content is a string or a list of blocks (`[{type: 'text', text}]`); only text blocks matter here.
function blockText(content: unknown): string | null {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return null;
  return content.map((block) => (isRecord(block) && typeof block.text === 'string' ? block.text : '')).join('');
}

function parseMessages(value: unknown): ChatMessage[] | string {
  if (!Array.isArray(value) || value.length === 0) return 'messages: at least one message is required';
  const messages: ChatMessage[] = [];
  for (const [index, message] of value.entries()) {
    if (!isRecord(message)) return `messages.${index}: Input should be a valid dictionary`;
    if (message.role !== 'user' && message.role !== 'assistant') {
      // Anthropic's own words for the most common mistake: a system message among the messages.
      return `messages: Unexpected role "${String(message.role)}". The Messages API accepts a top-level \`system\` parameter, not "system" as an input message role.`;
    }
    const text = blockText(message.content);
    if (text === null) return `messages.${index}.content: Input should be a valid list`;
    messages.push({ role: message.role, text });
  }
  return messages;
}

/** The thinking request: `null` when off, or Anthropic's error for a budget it refuses. */
function parseThinking(body: Record<string, unknown>, maxTokens: number): boolean | string {
  const thinking = body.thinking;
  if (thinking === undefined || (isRecord(thinking) && thinking.type === 'disabled')) return false;
  if (!isRecord(thinking) || thinking.type !== 'enabled') return 'thinking: Input tag does not match the expected tags';
  const budget = thinking.budget_tokens;
  if (typeof budget !== 'number' || !Number.isInteger(budget) || budget < 1024) {
    return 'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024';
  }
  if (budget >= maxTokens) return '`max_tokens` must be greater than `thinking.budget_tokens`.';
  if (body.temperature !== undefined && body.temperature !== 1) {
    return '`temperature` may only be set to 1 when thinking is enabled.';
  }
  return true;
}

/** Validates a Messages body the way Anthropic does, as far as the fake needs it. */
export function parseAnthropicRequest(body: unknown): AnthropicRequestParse {
  const fail = (error: string): AnthropicRequestParse => ({ success: false, error });
  if (!isRecord(body)) return fail('The request body is not valid JSON.');
  if (typeof body.model !== 'string' || body.model === '') return fail('model: Field required');
  const maxTokens = body.max_tokens;
  if (maxTokens === undefined) return fail('max_tokens: Field required');
  if (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens) || maxTokens < 1) {
    return fail('max_tokens: Input should be greater than or equal to 1');
  }
  if (body.system !== undefined && blockText(body.system) === null)
    return fail('system: Input should be a valid string');
  const messages = parseMessages(body.messages);
  if (typeof messages === 'string') return fail(messages);
  if (typeof body.temperature === 'number' && (body.temperature < 0 || body.temperature > 1)) {
    return fail('temperature: Input should be less than or equal to 1');
  }
  const thinking = parseThinking(body, maxTokens);
  if (typeof thinking === 'string') return fail(thinking);
  const system = body.system === undefined ? [] : [{ role: 'system', text: blockText(body.system) ?? '' }];
  return {
    success: true,
    value: {
      model: body.model,
      messages: [...system, ...messages],
      stream: body.stream === true,
      // Anthropic always reports usage.
      includeUsage: true,
      maxTokens,
      reasoning: thinking,
    },
  };
}
