/** One message of a chat request, reduced to what the fake reads. */
export interface ChatMessage {
  role: string;
  text: string;
}

/** A validated chat-completion request body. */
export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  stream: boolean;
  includeUsage: boolean;
  /** `max_tokens` or `max_completion_tokens`, `null` when neither is set. */
  maxTokens: number | null;
  /** Whether the request lets the model show its reasoning (OpenAI-compatible: always; the others: when asked). */
  reasoning: boolean;
}

/** The outcome of validating a request body, with an OpenAI-style message and `param` on failure. */
export type ChatRequestParse =
  | { success: true; value: ChatRequest }
  | { success: false; error: { message: string; param: string | null } };

/** Whether a parsed body is a JSON object. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// Content may be a string or a list of parts (`[{type: 'text', text}]`); only text parts matter here.
function contentText(content: unknown): string | null {
  if (typeof content === 'string') return content;
  if (content === null || content === undefined) return '';
  if (!Array.isArray(content)) return null;
  return content
    .map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : ''))
    .filter((text) => text !== '')
    .join('\n');
}

function parseMessage(value: unknown, index: number): ChatMessage | string {
  if (!isRecord(value) || typeof value.role !== 'string') {
    return `Invalid type for 'messages[${index}]': expected an object with a string 'role'.`;
  }
  const text = contentText(value.content);
  if (text === null) return `Invalid type for 'messages[${index}].content': expected a string or an array of parts.`;
  return { role: value.role, text };
}

/** Validates a chat-completion body the way OpenAI does, as far as the fake needs it. */
export function parseChatRequest(body: unknown): ChatRequestParse {
  const fail = (message: string, param: string | null): ChatRequestParse => ({
    success: false,
    error: { message, param },
  });
  if (!isRecord(body)) {
    return fail('We could not parse the JSON body of your request. The body must be a JSON object.', null);
  }
  if (typeof body.model !== 'string' || body.model === '') {
    return fail('You must provide a model parameter.', 'model');
  }
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return fail("Missing required parameter: 'messages'.", 'messages');
  }
  const messages: ChatMessage[] = [];
  for (const [index, value] of body.messages.entries()) {
    const message = parseMessage(value, index);
    if (typeof message === 'string') return fail(message, `messages[${index}]`);
    messages.push(message);
  }
  const options = isRecord(body.stream_options) ? body.stream_options : {};
  const limit = body.max_tokens ?? body.max_completion_tokens;
  return {
    success: true,
    value: {
      model: body.model,
      messages,
      stream: body.stream === true,
      includeUsage: options.include_usage === true,
      maxTokens: typeof limit === 'number' && Number.isInteger(limit) && limit >= 0 ? limit : null,
      reasoning: true,
    },
  };
}
