import { describe, expect, it } from 'vitest';
import { contextWindowOf, knownContextWindow } from './context-window.ts';

describe('contextWindowOf', () => {
  it('takes the config’s own figure first', () => {
    expect(contextWindowOf({ provider: 'openai', modelId: 'gpt-4o', contextWindow: 1_000 })).toBe(1_000);
  });

  it('knows well-known models by their id, provider prefixes included', () => {
    expect(knownContextWindow({ provider: 'openai', modelId: 'gpt-4o-mini' })).toBe(128_000);
    expect(knownContextWindow({ provider: 'openrouter', modelId: 'openai/gpt-4.1-mini' })).toBe(1_047_576);
    expect(knownContextWindow({ provider: 'anthropic', modelId: 'claude-sonnet-4-5' })).toBe(200_000);
    expect(knownContextWindow({ provider: 'gemini', modelId: 'gemini-2.5-flash' })).toBe(1_048_576);
    expect(knownContextWindow({ provider: 'openai', modelId: 'o3-mini' })).toBe(200_000);
    expect(knownContextWindow({ provider: 'custom', modelId: 'something-new' })).toBeUndefined();
  });

  it('assumes a small window for local servers, whatever the model could take', () => {
    expect(contextWindowOf({ provider: 'ollama', modelId: 'llama3.2' })).toBe(4_096);
    expect(contextWindowOf({ provider: 'custom', modelId: 'something-new' })).toBe(32_768);
  });
});
