import { providerKinds } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { presetById, presetOf, providerPresets } from './provider-presets.ts';

describe('provider presets', () => {
  it('give every kind a preset of its own, and every preset a distinct id', () => {
    for (const kind of providerKinds) expect(presetById(kind).provider).toBe(kind);
    expect(new Set(providerPresets.map((preset) => preset.id)).size).toBe(providerPresets.length);
  });

  it('show an OpenAI-compatible config stored as custom under the preset of its base URL', () => {
    expect(presetOf({ provider: 'custom', baseUrl: 'https://api.x.ai/v1/' }).label).toBe('xAI');
    expect(presetOf({ provider: 'custom', baseUrl: 'https://api.together.xyz/v1' }).label).toBe('Together AI');
    expect(presetOf({ provider: 'custom', baseUrl: 'https://api.fireworks.ai/inference/v1' }).label).toBe(
      'Fireworks AI',
    );
    expect(presetOf({ provider: 'custom', baseUrl: 'https://proxy.example/v1' }).id).toBe('custom');
    // The URL of a preset of another kind does not change what a config is.
    expect(presetOf({ provider: 'custom', baseUrl: 'https://api.openai.com/v1' }).id).toBe('custom');
    expect(presetOf({ provider: 'anthropic', baseUrl: 'https://gateway.example/v1' }).id).toBe('anthropic');
  });

  it('name the custom preset for an id no preset has', () => {
    expect(presetById('no-such-preset').id).toBe('custom');
  });
});
