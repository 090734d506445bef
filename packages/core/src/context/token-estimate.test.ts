import { describe, expect, it } from 'vitest';
import { estimateTextTokens } from './token-estimate.ts';

describe('estimateTextTokens', () => {
  it('counts other text at one token per three characters, rounded up', () => {
    expect(estimateTextTokens('')).toBe(0);
    expect(estimateTextTokens('abc')).toBe(1);
    expect(estimateTextTokens('abcd')).toBe(2);
    expect(estimateTextTokens('Hello, world!')).toBe(5);
  });

  it('counts each CJK character as a token, whatever its UTF-16 length', () => {
    expect(estimateTextTokens('你好世界')).toBe(4);
    expect(estimateTextTokens('こんにちは')).toBe(5);
    expect(estimateTextTokens('안녕하세요')).toBe(5);
    // An ideograph outside the BMP is two UTF-16 units but one character.
    expect(estimateTextTokens('𠀀')).toBe(1);
    expect(estimateTextTokens('你好，world')).toBe(3 + 2);
  });

  it('estimates more than real tokenizers count for English prose (~4 characters a token)', () => {
    const prose = 'The quick brown fox jumps over the lazy dog. '.repeat(20);
    expect(estimateTextTokens(prose)).toBeGreaterThan(prose.length / 4);
  });
});
