import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexTerms } from './index-terms.ts';
import { type IndexLookup, parseSearchQuery } from './search-query.ts';
import { textMatches } from './text-matches.ts';

/** What the index answers for a lookup, over the terms of one text. */
function indexFinds(terms: readonly string[], lookup: IndexLookup): boolean {
  return terms.some((term) => (lookup.prefix ? term.startsWith(lookup.term) : term === lookup.term));
}

/** True when a text is found by the index (every lookup) and confirmed on its text. */
function found(text: string, query: string): boolean {
  const parsed = parseSearchQuery(query);
  const terms = indexTerms(text);
  return (
    parsed.lookups.length > 0 &&
    parsed.lookups.every((lookup) => indexFinds(terms, lookup)) &&
    textMatches(text, parsed) !== undefined
  );
}

const hanzi = fc.constantFrom(...'北京大学中文搜索引擎的是了我你他们在有这个人和天上下'.split(''));
const latinWord = fc.stringMatching(/^[a-zA-Zàéîõü]{1,12}$/);

describe('parseSearchQuery', () => {
  it('looks up every word as a prefix and leaves one-letter words to the text check', () => {
    expect(parseSearchQuery('Sort a LIST')).toEqual({
      lookups: [
        { term: 'sort', prefix: true },
        { term: 'list', prefix: true },
      ],
      needles: [
        { kind: 'word', term: 'sort' },
        { kind: 'word', term: 'a' },
        { kind: 'word', term: 'list' },
      ],
    });
  });

  it('looks up a Chinese phrase by its bigrams, and one character as a prefix', () => {
    expect(parseSearchQuery('北京大学').lookups).toEqual([
      { term: '北京', prefix: false },
      { term: '京大', prefix: false },
      { term: '大学', prefix: false },
    ]);
    expect(parseSearchQuery('猫').lookups).toEqual([{ term: '猫', prefix: true }]);
  });

  it('has nothing to look up for blank or one-letter input', () => {
    expect(parseSearchQuery('  ').lookups).toEqual([]);
    expect(parseSearchQuery('a').lookups).toEqual([]);
  });
});

describe('search over index terms and text', () => {
  it('finds every substring of a Chinese run, however the segmenter split the text', () => {
    fc.assert(
      fc.property(fc.array(hanzi, { minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(), (chars, a, b) => {
        const text = `前面的话。${chars.join('')}，后面`;
        const from = a % chars.length;
        const to = from + 1 + (b % (chars.length - from));
        expect(found(text, chars.slice(from, to).join(''))).toBe(true);
      }),
    );
  });

  it('finds an English word by any prefix of two letters or more, with case and diacritics folded', () => {
    fc.assert(
      fc.property(fc.array(latinWord, { minLength: 1, maxLength: 20 }), fc.nat(), fc.nat(), (words, pick, cut) => {
        const word = words[pick % words.length] as string;
        const folded = word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
        fc.pre(folded.length >= 2);
        const prefix = folded.slice(0, 2 + (cut % (folded.length - 1)));
        expect(found(words.join(' '), prefix.toUpperCase())).toBe(true);
      }),
    );
  });

  it('does not find text that lacks a word or a phrase of the query', () => {
    expect(found('How to sort a list in Python', 'sort dict')).toBe(false);
    // Both bigrams of 北京天 are here, the phrase is not: the index narrows, the text check decides.
    expect(found('北京和京天', '北京天')).toBe(false);
    expect(found('我在北京天安门', '北京天')).toBe(true);
    expect(found('Café au lait', 'cafe')).toBe(true);
    expect(found('cafeteria', 'café')).toBe(true);
  });

  it('finds mixed Chinese and English queries', () => {
    expect(found('我用Python写了一个爬虫', 'python 爬虫')).toBe(true);
    expect(found('我用Python写了一个爬虫', 'rust 爬虫')).toBe(false);
  });
});

describe('words joined by punctuation', () => {
  it('finds each part of a dotted, quoted or snake_case word, and the whole of it', () => {
    expect(found('call list.sort() here', 'sort')).toBe(true);
    expect(found('call list.sort() here', 'list.sort')).toBe(true);
    expect(found('my_variable_name', 'variable')).toBe(true);
    expect(found('visit example.com', 'example')).toBe(true);
  });
});
