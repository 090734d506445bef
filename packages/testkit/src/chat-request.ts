import { decodeImage, type SeenImage } from './image-data.ts';

/** One message of a chat request, reduced to what the fake reads. */
export interface ChatMessage {
  role: string;
  text: string;
  /** Images the message carried, checked as the provider checks them. */
  images?: SeenImage[];
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

const dataUrlPattern = /^data:([^;,]+);base64,(.*)$/s;

// One part of a content array: `{type: 'text', text}` or `{type: 'image_url', image_url: {url}}` with the
// image as a base64 `data:` URL (the fake fetches no remote image). OpenAI's words for what it refuses.
function parsePart(part: unknown, at: string): { text: string } | { image: SeenImage } | string {
  if (!isRecord(part)) return `Invalid type for '${at}': expected an object.`;
  if (part.type === 'text') {
    return typeof part.text === 'string' ? { text: part.text } : `Missing required parameter: '${at}.text'.`;
  }
  if (part.type !== 'image_url') {
    return `Invalid value: '${String(part.type)}'. Supported values are: 'text' and 'image_url'.`;
  }
  const url = isRecord(part.image_url) ? part.image_url.url : undefined;
  if (typeof url !== 'string') return `Missing required parameter: '${at}.image_url.url'.`;
  const match = dataUrlPattern.exec(url);
  const decoded = match ? decodeImage(match[1] ?? '', match[2] ?? '') : undefined;
  if (decoded?.success) return { image: decoded.value };
  if (decoded?.error === 'mismatch')
    return `Invalid '${at}.image_url.url': the image data does not match its MIME type.`;
  return `Invalid '${at}.image_url.url'. Expected a base64-encoded data URL with an image MIME type (e.g. 'data:image/png;base64,aW1nIGJ5dGVzIGhlcmU=').`;
}

// Content may be a string or a list of parts; text parts are joined, image parts counted.
function parseContent(content: unknown, at: string): { text: string; images: SeenImage[] } | string {
  if (typeof content === 'string') return { text: content, images: [] };
  if (content === null || content === undefined) return { text: '', images: [] };
  if (!Array.isArray(content)) return `Invalid type for '${at}': expected a string or an array of parts.`;
  const texts: string[] = [];
  const images: SeenImage[] = [];
  for (const [index, part] of content.entries()) {
    const parsed = parsePart(part, `${at}[${index}]`);
    if (typeof parsed === 'string') return parsed;
    if ('image' in parsed) images.push(parsed.image);
    else if (parsed.text !== '') texts.push(parsed.text);
  }
  return { text: texts.join('\n'), images };
}

function parseMessage(value: unknown, index: number): ChatMessage | string {
  if (!isRecord(value) || typeof value.role !== 'string') {
    return `Invalid type for 'messages[${index}]': expected an object with a string 'role'.`;
  }
  const content = parseContent(value.content, `messages[${index}].content`);
  if (typeof content === 'string') return content;
  if (content.images.length > 0 && value.role !== 'user') {
    return `Invalid 'messages[${index}]': image content is only supported for messages with role 'user'.`;
  }
  return content.images.length > 0
    ? { role: value.role, text: content.text, images: content.images }
    : { role: value.role, text: content.text };
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
