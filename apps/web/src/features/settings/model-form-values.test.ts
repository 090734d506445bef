import { describe, expect, it } from 'vitest';
import { formatHeaderLines, parseHeaderLines } from './header-lines.ts';
import { type ModelFormValues, validateModelForm } from './model-form-values.ts';

const values: ModelFormValues = {
  provider: 'custom',
  name: 'Mine',
  baseUrl: 'https://llm.example.com/v1',
  modelId: 'model-a',
  apiKey: 'sk-x',
  headers: 'X-Title: Hearth\n\nHTTP-Referer: https://me.example',
  temperature: '0.7',
  maxTokens: '',
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

describe('header lines', () => {
  it('round-trip and refuse duplicates and injected line breaks', () => {
    const parsed = parseHeaderLines('A: 1\nB: two words');
    expect(parsed).toEqual({ success: true, value: { A: '1', B: 'two words' } });
    if (parsed.success) expect(formatHeaderLines(parsed.value)).toBe('A: 1\nB: two words');
    expect(parseHeaderLines('A: 1\na: 2')).toEqual({ success: false, error: 'Line 2: a is given twice' });
    expect(parseHeaderLines('Cookie: x').success).toBe(false);
  });
});
