import type { ChatCompletionMessage, ChatCompletionRequest } from '@hearth/schema';
import type { ChatRequestInput, ProviderChatRequest } from './build-chat-request.ts';
import { generationSettings } from './generation-settings.ts';
import { providerHeaders } from './provider-headers.ts';
import { type HistoryTurn, selectHistory } from './select-history.ts';

/** A turn as OpenAI takes it: plain text, or (with images) parts, each image a base64 `data:` URL. */
export function openAiMessage(turn: HistoryTurn): ChatCompletionMessage {
  if (turn.images.length === 0) return { role: turn.role, content: turn.content };
  return {
    role: turn.role,
    content: [
      ...turn.images.map((image) => ({
        type: 'image_url' as const,
        image_url: { url: `data:${image.mediaType};base64,${image.base64}` },
      })),
      ...(turn.content ? [{ type: 'text' as const, text: turn.content }] : []),
    ],
  };
}

/** The body of a streaming chat completion: system prompt, history, and the chat's params over the model's. */
export function buildChatCompletionBody(input: ChatRequestInput): ChatCompletionRequest {
  const system = input.chat.systemPrompt.trim();
  const body: ChatCompletionRequest = {
    model: input.config.modelId,
    messages: [
      ...(system ? [{ role: 'system' as const, content: system }] : []),
      ...selectHistory(input.messages, input.attachments).map(openAiMessage),
    ],
    stream: true,
    stream_options: { include_usage: true },
  };
  const { temperature, maxTokens } = generationSettings(input);
  if (temperature !== undefined) body.temperature = temperature;
  if (maxTokens !== undefined) body.max_tokens = maxTokens;
  return body;
}

/** An OpenAI-compatible streaming chat-completion request to `url` (which differs for Azure). */
export function openAiChatRequest(input: ChatRequestInput, url: string): ProviderChatRequest {
  return {
    protocol: 'openai',
    url,
    init: {
      method: 'POST',
      headers: {
        ...providerHeaders({ provider: input.config.provider, apiKey: input.apiKey, extra: input.config.headers }),
        Accept: 'text/event-stream',
      },
      body: JSON.stringify(buildChatCompletionBody(input)),
    },
  };
}
