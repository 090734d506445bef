import type { ProviderKind } from '@hearth/schema';
import type { ChatRequestInput } from './build-chat-request.ts';
import { protocolOf } from './provider-protocol.ts';

/** What the model is asked to do beyond the conversation; absent means the provider's default. */
export interface GenerationSettings {
  temperature?: number;
  /** The most tokens of the answer itself. */
  maxTokens?: number;
  /** Tokens the model may think for before answering; only providers with a thinking setting get it. */
  thinkingBudget?: number;
}

/** The chat's params over the model's, leaving out what neither sets. */
export function generationSettings(input: Pick<ChatRequestInput, 'config' | 'chat'>): GenerationSettings {
  const { config, chat } = input;
  const settings: GenerationSettings = {};
  const temperature = chat.params.temperature ?? config.temperature;
  const maxTokens = chat.params.maxTokens ?? config.maxTokens;
  if (temperature !== undefined) settings.temperature = temperature;
  if (maxTokens !== undefined) settings.maxTokens = maxTokens;
  const thinkingBudget = chat.params.thinkingBudget ?? config.thinkingBudget;
  if (thinkingBudget !== undefined) settings.thinkingBudget = thinkingBudget;
  return settings;
}

/**
 * The output limit of a provider whose limit counts thinking and answer together (Anthropic, Gemini): the
 * thinking budget comes on top of the answer's tokens, so thinking never eats the answer the person sized.
 */
export function outputLimit(settings: GenerationSettings, answerTokens = settings.maxTokens): number | undefined {
  if (answerTokens === undefined) return undefined;
  return answerTokens + (settings.thinkingBudget ?? 0);
}

/** Whether a provider is asked for thinking by a budget: the native APIs are; OpenAI-compatible ones have no such field. */
export function acceptsThinkingBudget(provider: ProviderKind): boolean {
  return protocolOf(provider) !== 'openai';
}
