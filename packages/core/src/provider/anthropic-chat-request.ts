import type { AnthropicMessagesRequest, AnthropicRequestBlock } from '@hearth/schema';
import type { ChatRequestInput, ProviderChatRequest } from './build-chat-request.ts';
import { generationSettings, outputLimit } from './generation-settings.ts';
import { joinUrl } from './join-url.ts';
import { type NativeTurns, nativeTurns } from './native-turns.ts';
import { providerHeaders } from './provider-headers.ts';
import { selectHistory } from './select-history.ts';

// Anthropic requires max_tokens; every Claude model can write this much, the oldest no more.
const defaultAnswerTokens = 4096;
// Anthropic's temperature scale ends at 1, where OpenAI's (and the chat's setting) ends at 2.
const maxTemperature = 1;

/** A turn's content as Anthropic takes it: text, or (with images) image blocks in base64 before the text. */
export function anthropicContent(turn: NativeTurns['turns'][number]): string | AnthropicRequestBlock[] {
  if (turn.images.length === 0) return turn.text;
  return [
    ...turn.images.map((image) => ({
      type: 'image' as const,
      source: { type: 'base64' as const, media_type: image.mediaType, data: image.base64 },
    })),
    ...(turn.text ? [{ type: 'text' as const, text: turn.text }] : []),
  ];
}

/** The body of a streaming Messages request: the system prompt on its own, the turns, the limits. */
export function buildAnthropicBody(input: ChatRequestInput): AnthropicMessagesRequest {
  const { system, turns } = nativeTurns({
    systemPrompt: input.chat.systemPrompt,
    history: selectHistory(input.messages, input.attachments),
  });
  const settings = generationSettings(input);
  const body: AnthropicMessagesRequest = {
    model: input.config.modelId,
    max_tokens: outputLimit(settings, settings.maxTokens ?? defaultAnswerTokens) ?? defaultAnswerTokens,
    stream: true,
    messages: turns.map((turn) => ({ role: turn.role, content: anthropicContent(turn) })),
  };
  if (system) body.system = system;
  if (settings.thinkingBudget !== undefined) {
    body.thinking = { type: 'enabled', budget_tokens: settings.thinkingBudget };
  } else if (settings.temperature !== undefined) {
    // With thinking on, Anthropic refuses any temperature but its default.
    body.temperature = Math.min(settings.temperature, maxTemperature);
  }
  return body;
}

/** A streaming request to Anthropic's Messages API: POST <base>/messages. */
export function anthropicChatRequest(input: ChatRequestInput): ProviderChatRequest {
  return {
    protocol: 'anthropic',
    url: joinUrl(input.config.baseUrl, 'messages'),
    init: {
      method: 'POST',
      headers: {
        ...providerHeaders({ provider: 'anthropic', apiKey: input.apiKey, extra: input.config.headers }),
        Accept: 'text/event-stream',
      },
      body: JSON.stringify(buildAnthropicBody(input)),
    },
  };
}
