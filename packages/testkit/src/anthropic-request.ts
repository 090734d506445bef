import { type ChatMessage, type ChatRequest, isRecord } from './chat-request.ts';
import { decodeImage, imageMediaTypes, type SeenImage } from './image-data.ts';

/** A validated Messages request, or Anthropic's error for it (always a 400 `invalid_request_error`). */
export type AnthropicRequestParse = { success: true; value: ChatRequest } | { success: false; error: string };

// Content is a string or a list of blocks (`[{type: 'text', text}]`); only text blocks matter here.
function blockText(content: unknown): string | null {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return null;
  return content.map((block) => (isRecord(block) && typeof block.text === 'string' ? block.text : '')).join('');
}

// An image block: `{type: 'image', source: {type: 'base64', media_type, data}}`, checked as Anthropic does.
function parseImage(block: Record<string, unknown>, at: string): SeenImage | string {
  const source = isRecord(block.source) ? block.source : undefined;
  if (source?.type !== 'base64')
    return `${at}.source: Input tag '${String(source?.type)}' found using 'type' does not match any of the expected tags: 'base64', 'url'`;
  const mediaType = typeof source.media_type === 'string' ? source.media_type : '';
  const decoded = decodeImage(mediaType, typeof source.data === 'string' ? source.data : '');
  if (decoded.success) return decoded.value;
  if (decoded.error === 'media_type') {
    return `${at}.source.base64.media_type: Input should be ${imageMediaTypes.map((type) => `'${type}'`).join(', ')}`;
  }
  if (decoded.error === 'base64') return `${at}.source.base64.data: The image data is not valid base64.`;
  return `${at}.source.base64: The image was specified using the ${mediaType} media type, but the image appears to be a ${decoded.sniffed ?? 'different kind of'} image`;
}

// Content as blocks: text blocks joined, image blocks checked and counted, any other type refused.
function parseBlocks(content: unknown[], at: string): { text: string; images: SeenImage[] } | string {
  const texts: string[] = [];
  const images: SeenImage[] = [];
  for (const [index, block] of content.entries()) {
    const where = `${at}.${index}`;
    if (!isRecord(block)) return `${where}: Input should be a valid dictionary`;
    if (block.type === 'text' && typeof block.text === 'string') texts.push(block.text);
    else if (block.type === 'image') {
      const image = parseImage(block, `${where}.image`);
      if (typeof image === 'string') return image;
      images.push(image);
    } else {
      return `${where}: Input tag '${String(block.type)}' found using 'type' does not match any of the expected tags: 'text', 'image', 'document'`;
    }
  }
  return { text: texts.join(''), images };
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
    if (Array.isArray(message.content)) {
      const blocks = parseBlocks(message.content, `messages.${index}.content`);
      if (typeof blocks === 'string') return blocks;
      messages.push(
        blocks.images.length > 0 ? { role: message.role, ...blocks } : { role: message.role, text: blocks.text },
      );
      continue;
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
