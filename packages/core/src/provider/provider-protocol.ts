import type { ProviderKind } from '@hearth/schema';

/** The wire format a provider speaks: the last stage of both the request builder and the stream decoder. */
export type ProviderProtocol = 'openai' | 'anthropic' | 'gemini';

/** The wire format of a provider kind; Azure OpenAI differs from OpenAI in its URL and key, not its format. */
export function protocolOf(provider: ProviderKind): ProviderProtocol {
  switch (provider) {
    case 'anthropic':
      return 'anthropic';
    case 'gemini':
      return 'gemini';
    case 'openai':
    case 'openrouter':
    case 'deepseek':
    case 'groq':
    case 'mistral':
    case 'ollama':
    case 'lmstudio':
    case 'custom':
    case 'azure':
      return 'openai';
  }
}
