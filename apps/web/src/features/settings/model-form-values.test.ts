import type { ModelConfig, ModelConfigFields, ProviderKind } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { formatHeaderLines, parseHeaderLines } from './header-lines.ts';
import { formValuesOf, type ModelFormValues, validateModelForm } from './model-form-values.ts';

// formValuesOf reads only the fields, so the record's identity and clock can be stand-ins.
const stored = (provider: ProviderKind, fields: Partial<ModelConfigFields> = {}) =>
  ({
    id: 'stand-in',
    updatedAt: 'stand-in',
    deleted: false,
    name: 'Stored',
    provider,
    baseUrl: 'https://llm.example.com/v1',
    modelId: 'm',
    headers: {},
    connection: 'auto',
    ...fields,
  }) as ModelConfig;

const values: ModelFormValues = {
  preset: 'custom',
  name: 'Mine',
  baseUrl: 'https://llm.example.com/v1',
  modelId: 'model-a',
  apiKey: 'sk-x',
  headers: 'X-Title: Hearth\n\nHTTP-Referer: https://me.example',
  temperature: '0.7',
  maxTokens: '',
  thinkingBudget: '',
  contextWindow: '',
  connection: 'auto',
};

describe('model form validation', () => {
  it('turns valid text fields into typed config fields', () => {
    const result = validateModelForm(values);
    expect(result).toEqual({
      success: true,
      fields: {
        provider: 'custom',
        name: 'Mine',
        baseUrl: 'https://llm.example.com/v1',
        modelId: 'model-a',
        headers: { 'X-Title': 'Hearth', 'HTTP-Referer': 'https://me.example' },
        temperature: 0.7,
        connection: 'auto',
      },
    });
  });

  it('gives each bad field its own message and keeps the others clean', () => {
    const result = validateModelForm({
      ...values,
      baseUrl: 'localhost:11434',
      modelId: '',
      headers: 'no colon here',
      temperature: 'warm',
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors).toEqual({
      baseUrl: 'Enter a full URL starting with http:// or https://',
      modelId: 'Enter a model id',
      headers: 'Line 1: write it as "Name: value"',
      temperature: 'Enter a number, or leave it empty',
    });
  });
});

describe('model form providers', () => {
  it('stores a preset under its kind: xAI as custom, Anthropic as anthropic with its thinking budget', () => {
    const xai = validateModelForm({ ...values, preset: 'xai', thinkingBudget: '2048' });
    expect(xai.success && xai.fields.provider).toBe('custom');
    // OpenAI-compatible providers have no thinking budget to send, so none is saved.
    expect(xai.success && 'thinkingBudget' in xai.fields).toBe(false);
    const claude = validateModelForm({ ...values, preset: 'anthropic', thinkingBudget: '2048' });
    expect(claude.success && claude.fields).toMatchObject({ provider: 'anthropic', thinkingBudget: 2048 });
    const bad = validateModelForm({ ...values, preset: 'gemini', thinkingBudget: 'lots' });
    expect(bad.success ? {} : bad.errors).toEqual({ thinkingBudget: 'Enter a whole number, or leave it empty' });
  });

  it('opens a stored config under the preset it was made with', () => {
    expect(formValuesOf(stored('custom', { baseUrl: 'https://api.x.ai/v1' }), 'k').preset).toBe('xai');
    expect(formValuesOf(stored('anthropic', { thinkingBudget: 4096 }), 'k')).toMatchObject({
      preset: 'anthropic',
      thinkingBudget: '4096',
    });
  });
});

describe('header lines', () => {
  it('round-trip and refuse duplicates and injected line breaks', () => {
    const parsed = parseHeaderLines('A: 1\nB: two words');
    expect(parsed).toEqual({ success: true, value: { A: '1', B: 'two words' } });
    if (parsed.success) expect(formatHeaderLines(parsed.value)).toBe('A: 1\nB: two words');
    expect(parseHeaderLines('A: 1\na: 2')).toEqual({ success: false, error: 'Line 2: a is given twice' });
    expect(parseHeaderLines('Cookie: x').success).toBe(false);
  });
});
