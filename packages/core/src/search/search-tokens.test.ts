import { describe, expect, it } from 'vitest';
import { foldWord, searchTokens } from './search-tokens.ts';

describe('foldWord', () => {
  it.each([
    ['Café', 'cafe'],
    ['NAÏVE', 'naive'],
    ['Ｈｅｌｌｏ', 'hello'],
    ['ﬁle', 'file'],
    ['İstanbul', 'istanbul'],
  ])('folds %s to %s', (word, folded) => {
    expect(foldWord(word)).toBe(folded);
  });
});

describe('searchTokens', () => {
  it('gives folded words with their place in the original text', () => {
    const text = 'Hello, Wörld! 3.14';
    const tokens = searchTokens(text);
    expect(tokens).toEqual([
      { kind: 'word', term: 'hello', start: 0, end: 5 },
      { kind: 'word', term: 'world', start: 7, end: 12 },
      { kind: 'word', term: '3.14', start: 14, end: 18 },
    ]);
    expect(text.slice(7, 12)).toBe('Wörld');
  });

  it('keeps consecutive CJK words in one run, whatever the segmenter split, and breaks it at punctuation', () => {
    const tokens = searchTokens('用Python写代码，北京大学');
    expect(
      tokens.map((token) => (token.kind === 'word' ? token.term : token.units.map((u) => u.char).join(''))),
    ).toEqual(['用', 'python', '写代码', '北京大学']);
  });

  it('places each CJK character at its offset, astral characters included', () => {
    const text = 'a 𠮷野家';
    const [, run] = searchTokens(text);
    expect(run?.kind).toBe('cjk');
    if (run?.kind !== 'cjk') return;
    expect(run.units.map((unit) => text.slice(unit.start, unit.end))).toEqual(['𠮷', '野', '家']);
  });
});
