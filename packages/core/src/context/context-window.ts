import type { ModelConfig, ProviderKind } from '@hearth/schema';

/**
 * Context windows (tokens, prompt and answer together) of well-known models, by model id: the first
 * pattern that matches wins, so the specific ones come first. For a config whose provider's model list
 * says nothing (OpenAI's does not) and whose person set nothing. Figures from each provider's model pages.
 */
const knownWindows: readonly (readonly [RegExp, number])[] = [
  [/gpt-4\.1/, 1_047_576],
  [/gpt-5/, 400_000],
  [/gpt-4o|gpt-4-turbo|o1-mini/, 128_000],
  [/(^|\/)o[134](-|$)/, 200_000],
  [/gpt-3\.5-turbo/, 16_385],
  [/claude-(2|instant)/, 100_000],
  [/claude/, 200_000],
  [/gemini-1\.5-pro/, 2_097_152],
  [/gemini/, 1_048_576],
  [/deepseek/, 128_000],
  [/grok-4/, 256_000],
  [/grok/, 131_072],
  [/llama-?3\.[123]|llama-v3p[123]/i, 131_072],
  [/mistral-large|mistral-medium|mistral-small/, 128_000],
];

/**
 * What is assumed without any figure. A local server (Ollama, LM Studio) serves the context it was
 * started with, whatever the model could take, and its default is 4,096; a hosted model of the last two
 * years reads at least 32,768.
 */
const fallbackWindow = { local: 4_096, hosted: 32_768 } as const;

/** The context window of a well-known model, when its id says which; never for a local server. */
export function knownContextWindow(config: Pick<ModelConfig, 'provider' | 'modelId'>): number | undefined {
  if (isLocal(config.provider)) return undefined;
  const id = config.modelId.toLowerCase();
  return knownWindows.find(([pattern]) => pattern.test(id))?.[1];
}

/** A config's context window: the person's figure (or the provider's list, saved as it), else known, else assumed. */
export function contextWindowOf(config: Pick<ModelConfig, 'provider' | 'modelId' | 'contextWindow'>): number {
  return (
    config.contextWindow ??
    knownContextWindow(config) ??
    (isLocal(config.provider) ? fallbackWindow.local : fallbackWindow.hosted)
  );
}

function isLocal(provider: ProviderKind): boolean {
  return provider === 'ollama' || provider === 'lmstudio';
}
