import type { Chat, Message, ModelConfig } from '@hearth/schema';
import type { AttachmentContents } from '../attachments/attachment-content.ts';
import { anthropicChatRequest } from './anthropic-chat-request.ts';
import { azureChatUrl } from './azure-url.ts';
import { geminiChatRequest } from './gemini-chat-request.ts';
import { joinUrl } from './join-url.ts';
import { openAiChatRequest } from './openai-request.ts';
import type { ProviderProtocol } from './provider-protocol.ts';

/** One HTTP request to a provider (or, rewritten, to the relay). */
export interface ProviderRequest {
  url: string;
  init: { method: 'POST' | 'GET'; headers: Record<string, string>; body?: string };
}

/** A chat request, with the wire format its answer comes back in. */
export interface ProviderChatRequest extends ProviderRequest {
  protocol: ProviderProtocol;
}

export interface ChatRequestInput {
  config: ModelConfig;
  apiKey: string | undefined;
  chat: Pick<Chat, 'systemPrompt' | 'params'>;
  /** The conversation up to and including the message to answer, in order. */
  messages: readonly Message[];
  /** The contents of the messages' attachments by hash, read from their blobs (none: files are named as unreadable). */
  attachments?: AttachmentContents | undefined;
}

/** The streaming request that asks a config's provider to answer a chat, in that provider's own format. */
export function buildChatRequest(input: ChatRequestInput): ProviderChatRequest {
  const { config } = input;
  switch (config.provider) {
    case 'anthropic':
      return anthropicChatRequest(input);
    case 'gemini':
      return geminiChatRequest(input);
    case 'azure':
      return openAiChatRequest(input, azureChatUrl(config.baseUrl, config.modelId));
    default:
      return openAiChatRequest(input, joinUrl(config.baseUrl, 'chat/completions'));
  }
}
