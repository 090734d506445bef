import type { GeminiRequest, GeminiRequestPart } from '@hearth/schema';
import type { ChatRequestInput, ProviderChatRequest } from './build-chat-request.ts';
import { generationSettings, outputLimit } from './generation-settings.ts';
import { joinUrl } from './join-url.ts';
import { type NativeTurns, nativeTurns } from './native-turns.ts';
import { providerHeaders } from './provider-headers.ts';
import { selectHistory } from './select-history.ts';

/**
 * The resource path of a model: Gemini's model list names models `models/<id>`, tuned ones `tunedModels/<id>`;
 * a bare id is a base model.
 */
export function geminiModelPath(modelId: string): string {
  const id = modelId.trim();
  const path = id.includes('/') ? id : `models/${id}`;
  return path.split('/').map(encodeURIComponent).join('/');
}

/** A turn's parts as Gemini takes them: images as `inline_data` (MIME type and base64), then the text. */
export function geminiParts(turn: NativeTurns['turns'][number]): GeminiRequestPart[] {
  const images = turn.images.map((image) => ({ inline_data: { mime_type: image.mediaType, data: image.base64 } }));
  return turn.text || images.length === 0 ? [...images, { text: turn.text }] : images;
}

/** The body of a `streamGenerateContent` request: turns with Gemini's roles, the system instruction, the config. */
export function buildGeminiBody(input: ChatRequestInput): GeminiRequest {
  const { system, turns } = nativeTurns({
    systemPrompt: input.chat.systemPrompt,
    history: selectHistory(input.messages, input.attachments),
  });
  const body: GeminiRequest = {
    contents: turns.map((turn) => ({
      role: turn.role === 'assistant' ? 'model' : 'user',
      parts: geminiParts(turn),
    })),
  };
  if (system) body.systemInstruction = { parts: [{ text: system }] };
  const settings = generationSettings(input);
  const config: NonNullable<GeminiRequest['generationConfig']> = {};
  if (settings.temperature !== undefined) config.temperature = settings.temperature;
  const limit = outputLimit(settings);
  if (limit !== undefined) config.maxOutputTokens = limit;
  // Gemini's thinking models think whether asked or not; the budget bounds it and asks for the thoughts too.
  if (settings.thinkingBudget !== undefined) {
    config.thinkingConfig = { includeThoughts: true, thinkingBudget: settings.thinkingBudget };
  }
  if (Object.keys(config).length > 0) body.generationConfig = config;
  return body;
}

/** A streaming request to Gemini: POST <base>/models/<id>:streamGenerateContent?alt=sse (SSE, not a JSON array). */
export function geminiChatRequest(input: ChatRequestInput): ProviderChatRequest {
  const url = new URL(joinUrl(input.config.baseUrl, `${geminiModelPath(input.config.modelId)}:streamGenerateContent`));
  url.searchParams.set('alt', 'sse');
  return {
    protocol: 'gemini',
    url: url.toString(),
    init: {
      method: 'POST',
      headers: {
        ...providerHeaders({ provider: 'gemini', apiKey: input.apiKey, extra: input.config.headers }),
        Accept: 'text/event-stream',
      },
      body: JSON.stringify(buildGeminiBody(input)),
    },
  };
}
