import { type ChatMessage, type ChatRequest, isRecord } from './chat-request.ts';
import { decodeImage, type SeenImage } from './image-data.ts';

/** A validated generateContent request, or Gemini's error for it (always a 400 `INVALID_ARGUMENT`). */
export type GeminiRequestParse = { success: true; value: ChatRequest } | { success: false; error: string };

function partsText(content: unknown, at: string): string {
  if (!isRecord(content) || !Array.isArray(content.parts)) throw new Error(`Invalid value at '${at}.parts'`);
  return content.parts.map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : '')).join('');
}

// Bytes inline: `{inline_data: {mime_type, data}}` (the REST API takes camelCase too), in Gemini's words.
function inlineImage(part: Record<string, unknown>, at: string): SeenImage | undefined {
  const inline = part.inline_data ?? part.inlineData;
  if (inline === undefined) return undefined;
  const field = part.inline_data === undefined ? 'inlineData' : 'inline_data';
  if (!isRecord(inline)) throw new Error(`Invalid value at '${at}.${field}'`);
  const mimeType = inline.mime_type ?? inline.mimeType;
  const data = typeof inline.data === 'string' ? inline.data : '';
  const decoded = decodeImage(typeof mimeType === 'string' ? mimeType : '', data);
  if (decoded.success) return decoded.value;
  if (decoded.error === 'media_type') throw new Error(`Unsupported MIME type: ${String(mimeType)}`);
  if (decoded.error === 'base64') {
    throw new Error(
      `Invalid value at '${at}.${field}.data' (TYPE_BYTES), Base64 decoding failed for "${data.slice(0, 20)}"`,
    );
  }
  throw new Error(
    'Unable to process input image. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
  );
}

function partsImages(content: unknown, at: string): SeenImage[] {
  if (!isRecord(content) || !Array.isArray(content.parts)) return [];
  const images: SeenImage[] = [];
  for (const [index, part] of content.parts.entries()) {
    const image = isRecord(part) ? inlineImage(part, `${at}.parts[${index}]`) : undefined;
    if (image) images.push(image);
  }
  return images;
}

function parseContents(value: unknown): ChatMessage[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new Error('* GenerateContentRequest.contents: contents is not specified');
  return value.map((content, index) => {
    // A missing role is the user; any other than user or model is refused.
    const role = isRecord(content) && content.role !== undefined ? content.role : 'user';
    if (role !== 'user' && role !== 'model') throw new Error('Please use a valid role: user, model.');
    const at = `contents[${index}]`;
    const text = partsText(content, at);
    const images = partsImages(content, at);
    return { role: role === 'model' ? 'assistant' : 'user', text, ...(images.length > 0 ? { images } : {}) };
  });
}

/** Validates a generateContent body (the model comes from the path) the way Gemini does, as far as the fake needs it. */
export function parseGeminiRequest(body: unknown, options: { model: string; stream: boolean }): GeminiRequestParse {
  if (!isRecord(body)) return { success: false, error: 'Invalid JSON payload received.' };
  try {
    const messages = parseContents(body.contents);
    const system =
      body.systemInstruction === undefined
        ? []
        : [{ role: 'system', text: partsText(body.systemInstruction, 'system_instruction') }];
    const config = isRecord(body.generationConfig) ? body.generationConfig : {};
    const limit = config.maxOutputTokens;
    const thinking = isRecord(config.thinkingConfig) ? config.thinkingConfig : {};
    return {
      success: true,
      value: {
        model: options.model,
        messages: [...system, ...messages],
        stream: options.stream,
        includeUsage: true,
        maxTokens: typeof limit === 'number' && Number.isInteger(limit) && limit >= 0 ? limit : null,
        // Gemini thinks anyway; it shows thought summaries only to a request that asks for them.
        reasoning: thinking.includeThoughts === true,
      },
    };
  } catch (error) {
    return { success: false, error: (error as Error).message };
  }
}
