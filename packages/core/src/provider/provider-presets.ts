import type { ModelConfigFields, ProviderKind } from '@hearth/schema';

/** Starting values for a new model configuration of a known provider. */
export interface ProviderPreset {
  /**
   * Names the preset in the form. Several presets may share a kind (the OpenAI-compatible ones under `custom`);
   * the one whose id is the kind itself is that kind's own.
   */
  id: string;
  provider: ProviderKind;
  label: string;
  /** Empty where the person's own address goes (a custom server); a placeholder to edit for Azure. */
  baseUrl: string;
  /** A model id that exists at the provider, as a starting point; the list can be fetched. */
  suggestedModelId: string;
  needsApiKey: boolean;
  /** Runs on the person's own machine. */
  local: boolean;
}

const hosted = { needsApiKey: true, local: false } as const;

export const providerPresets: readonly ProviderPreset[] = [
  {
    id: 'openai',
    provider: 'openai',
    label: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    suggestedModelId: 'gpt-4o-mini',
    ...hosted,
  },
  {
    id: 'anthropic',
    provider: 'anthropic',
    label: 'Anthropic',
    baseUrl: 'https://api.anthropic.com/v1',
    suggestedModelId: 'claude-sonnet-4-5',
    ...hosted,
  },
  {
    id: 'gemini',
    provider: 'gemini',
    label: 'Google Gemini',
    baseUrl: 'https://generativelanguage.googleapis.com/v1beta',
    suggestedModelId: 'gemini-2.5-flash',
    ...hosted,
  },
  {
    id: 'azure',
    provider: 'azure',
    label: 'Azure OpenAI',
    // The resource's endpoint as the Azure portal shows it; the model id is the deployment's name.
    baseUrl: 'https://YOUR-RESOURCE.openai.azure.com',
    suggestedModelId: '',
    ...hosted,
  },
  {
    id: 'openrouter',
    provider: 'openrouter',
    label: 'OpenRouter',
    baseUrl: 'https://openrouter.ai/api/v1',
    suggestedModelId: 'openai/gpt-4o-mini',
    ...hosted,
  },
  {
    id: 'xai',
    provider: 'custom',
    label: 'xAI',
    baseUrl: 'https://api.x.ai/v1',
    suggestedModelId: 'grok-3-mini',
    ...hosted,
  },
  {
    id: 'together',
    provider: 'custom',
    label: 'Together AI',
    baseUrl: 'https://api.together.xyz/v1',
    suggestedModelId: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
    ...hosted,
  },
  {
    id: 'fireworks',
    provider: 'custom',
    label: 'Fireworks AI',
    baseUrl: 'https://api.fireworks.ai/inference/v1',
    suggestedModelId: 'accounts/fireworks/models/llama-v3p3-70b-instruct',
    ...hosted,
  },
  {
    id: 'deepseek',
    provider: 'deepseek',
    label: 'DeepSeek',
    baseUrl: 'https://api.deepseek.com/v1',
    suggestedModelId: 'deepseek-chat',
    ...hosted,
  },
  {
    id: 'groq',
    provider: 'groq',
    label: 'Groq',
    baseUrl: 'https://api.groq.com/openai/v1',
    suggestedModelId: 'llama-3.3-70b-versatile',
    ...hosted,
  },
  {
    id: 'mistral',
    provider: 'mistral',
    label: 'Mistral',
    baseUrl: 'https://api.mistral.ai/v1',
    suggestedModelId: 'mistral-small-latest',
    ...hosted,
  },
  {
    id: 'ollama',
    provider: 'ollama',
    label: 'Ollama (local)',
    baseUrl: 'http://127.0.0.1:11434/v1',
    suggestedModelId: 'llama3.2',
    needsApiKey: false,
    local: true,
  },
  {
    id: 'lmstudio',
    provider: 'lmstudio',
    label: 'LM Studio (local)',
    baseUrl: 'http://127.0.0.1:1234/v1',
    suggestedModelId: '',
    needsApiKey: false,
    local: true,
  },
  {
    id: 'custom',
    provider: 'custom',
    label: 'Custom (OpenAI-compatible)',
    baseUrl: '',
    suggestedModelId: '',
    needsApiKey: false,
    local: false,
  },
];

/** The preset with this id; an unknown id (a form value from elsewhere) is the custom one. */
export function presetById(id: string): ProviderPreset {
  return providerPresets.find((preset) => preset.id === id) ?? presetById('custom');
}

/**
 * The preset a configuration is shown as: of the presets of its kind, the one whose base URL it has, else
 * the kind's own. This is how xAI, Together and Fireworks (stored as `custom`) keep their names.
 */
export function presetOf(config: Pick<ModelConfigFields, 'provider' | 'baseUrl'>): ProviderPreset {
  const baseUrl = config.baseUrl.trim().replace(/\/+$/, '');
  const byUrl = providerPresets.find(
    (preset) => preset.provider === config.provider && preset.baseUrl !== '' && preset.baseUrl === baseUrl,
  );
  return byUrl ?? presetById(config.provider);
}
