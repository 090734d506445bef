import { describe, expect, it } from 'vitest';
import { chatOptionsValuesOf, validateChatOptions } from './chat-options-values.ts';

describe('chat options form', () => {
  it('turns typed numbers into params, an empty one meaning the model’s own', () => {
    const values = { systemPrompt: 'Be kind.', temperature: '0.4', maxTokens: '', thinkingBudget: '2048' };
    expect(validateChatOptions(values, { maxTokens: 99 }, { thinkingBudget: true })).toEqual({
      success: true,
      systemPrompt: 'Be kind.',
      params: { temperature: 0.4, thinkingBudget: 2048 },
    });
  });

  it('names each bad number, and keeps params the form does not show', () => {
    const values = { systemPrompt: '', temperature: '3', maxTokens: 'lots', thinkingBudget: '' };
    expect(validateChatOptions(values, {}, { thinkingBudget: false })).toEqual({
      success: false,
      errors: { temperature: 'Temperature must be 2 or less', maxTokens: 'Max tokens must be a whole number' },
    });
    const kept = validateChatOptions(
      { ...values, temperature: '', maxTokens: '' },
      { thinkingBudget: 1024, topP: 0.9 },
      { thinkingBudget: false },
    );
    expect(kept).toEqual({ success: true, systemPrompt: '', params: { thinkingBudget: 1024, topP: 0.9 } });
  });

  it('shows stored params as text', () => {
    expect(chatOptionsValuesOf({ systemPrompt: 'S', params: { temperature: 1, maxTokens: 200 } })).toEqual({
      systemPrompt: 'S',
      temperature: '1',
      maxTokens: '200',
      thinkingBudget: '',
    });
  });
});
