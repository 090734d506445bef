import type { ProviderKind } from '@hearth/schema';

/** Starting values for a new model configuration of a known provider. */
export interface ProviderPreset {
  provider: ProviderKind;
  label: string;
  baseUrl: string;
  /** A model id that exists at the provider, as a starting point; the list can be fetched. */
  suggestedModelId: string;
  needsApiKey: boolean;
  /** Runs on the person's own machine. */
  local: boolean;
}

export const providerPresets: readonly ProviderPreset[] = [
  {
    provider: 'openai',
    label: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    suggestedModelId: 'gpt-4o-mini',
    needsApiKey: true,
    local: false,
  },
  {
    provider: 'openrouter',
    label: 'OpenRouter',
    baseUrl: 'https://openrouter.ai/api/v1',
    suggestedModelId: 'openai/gpt-4o-mini',
    needsApiKey: true,
    local: false,
  },
  {
    provider: 'deepseek',
    label: 'DeepSeek',
    baseUrl: 'https://api.deepseek.com/v1',
    suggestedModelId: 'deepseek-chat',
    needsApiKey: true,
    local: false,
  },
  {
    provider: 'groq',
    label: 'Groq',
    baseUrl: 'https://api.groq.com/openai/v1',
    suggestedModelId: 'llama-3.3-70b-versatile',
    needsApiKey: true,
    local: false,
  },
  {
    provider: 'mistral',
    label: 'Mistral',
    baseUrl: 'https://api.mistral.ai/v1',
    suggestedModelId: 'mistral-small-latest',
    needsApiKey: true,
    local: false,
  },
  {
    provider: 'ollama',
    label: 'Ollama (local)',
    baseUrl: 'http://127.0.0.1:11434/v1',
    suggestedModelId: 'llama3.2',
    needsApiKey: false,
    local: true,
  },
  {
    provider: 'lmstudio',
    label: 'LM Studio (local)',
    baseUrl: 'http://127.0.0.1:1234/v1',
    suggestedModelId: '',
    needsApiKey: false,
    local: true,
  },
  {
    provider: 'custom',
    label: 'Custom (OpenAI-compatible)',
    baseUrl: '',
    suggestedModelId: '',
    needsApiKey: false,
    local: false,
  },
];

/** The preset of a provider kind (every kind has one). */
export function presetFor(provider: ProviderKind): ProviderPreset {
  const preset = providerPresets.find((candidate) => candidate.provider === provider);
  if (!preset) throw new Error(`No preset for provider ${provider}`);
  return preset;
}
