import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from './search-query.ts';
import { searchSnippet } from './search-snippet.ts';
import { textMatches } from './text-matches.ts';

function snippet(text: string, query: string, options?: { before: number; length: number }) {
  const matches = textMatches(text, parseSearchQuery(query)) ?? [];
  return searchSnippet(text, matches, options);
}

describe('searchSnippet', () => {
  it('marks whole matching words in the original spelling', () => {
    expect(snippet('Sorting a List\nin Python', 'sort list')).toEqual([
      { text: 'Sorting', marked: true },
      { text: ' a ', marked: false },
      { text: 'List', marked: true },
      { text: ' in Python', marked: false },
    ]);
  });

  it('marks exactly the Chinese phrase', () => {
    expect(snippet('我在北京天安门广场', '天安门')).toEqual([
      { text: '我在北京', marked: false },
      { text: '天安门', marked: true },
      { text: '广场', marked: false },
    ]);
  });

  it('shows the text around a match far into a long message, with ellipses', () => {
    const text = `${'filler words here '.repeat(50)}the needle is here ${'and more words '.repeat(50)}`;
    const parts = snippet(text, 'needle', { before: 20, length: 60 });
    expect(parts[0]).toEqual({ text: '…', marked: false });
    expect(parts.at(-1)).toEqual({ text: '…', marked: false });
    expect(parts.filter((part) => part.marked)).toEqual([{ text: 'needle', marked: true }]);
    expect(parts.map((part) => part.text).join('').length).toBeLessThan(90);
  });
});
