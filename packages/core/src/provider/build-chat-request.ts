import type { Chat, ChatCompletionRequest, Message, ModelConfig } from '@hearth/schema';
import { joinUrl } from './join-url.ts';
import { providerHeaders } from './provider-headers.ts';
import { selectHistory } from './select-history.ts';

export interface ProviderRequest {
  url: string;
  init: { method: 'POST' | 'GET'; headers: Record<string, string>; body?: string };
}

export interface ChatRequestInput {
  config: ModelConfig;
  apiKey: string | undefined;
  chat: Pick<Chat, 'systemPrompt' | 'params'>;
  /** The conversation up to and including the message to answer, in order. */
  messages: readonly Message[];
}

/** The body of a streaming chat completion: system prompt, history, and the chat's params over the model's. */
export function buildChatCompletionBody(input: ChatRequestInput): ChatCompletionRequest {
  const { config, chat } = input;
  const system = chat.systemPrompt.trim();
  const body: ChatCompletionRequest = {
    model: config.modelId,
    messages: [...(system ? [{ role: 'system' as const, content: system }] : []), ...selectHistory(input.messages)],
    stream: true,
    stream_options: { include_usage: true },
  };
  const temperature = chat.params.temperature ?? config.temperature;
  const maxTokens = chat.params.maxTokens ?? config.maxTokens;
  if (temperature !== undefined) body.temperature = temperature;
  if (maxTokens !== undefined) body.max_tokens = maxTokens;
  return body;
}

/** An OpenAI-compatible streaming chat-completion request for a chat. */
export function buildChatRequest(input: ChatRequestInput): ProviderRequest {
  return {
    url: joinUrl(input.config.baseUrl, 'chat/completions'),
    init: {
      method: 'POST',
      headers: {
        ...providerHeaders({ apiKey: input.apiKey, extra: input.config.headers }),
        Accept: 'text/event-stream',
      },
      body: JSON.stringify(buildChatCompletionBody(input)),
    },
  };
}
