import { cjkTerms, cutTerm } from './index-terms.ts';
import { searchTokens } from './search-tokens.ts';

/** One term to look up in the index: exactly, or every term that starts with it. */
export interface IndexLookup {
  term: string;
  prefix: boolean;
}

/** Something a matching text must hold: a word starting with `term`, or the CJK characters of `phrase`. */
export type SearchNeedle = { kind: 'word'; term: string } | { kind: 'phrase'; chars: string[] };

/**
 * A parsed search: `lookups` narrow the messages through the index (all must match), `needles` are
 * then checked on each candidate's text (all must be found), which also places the highlights.
 */
export interface SearchQuery {
  lookups: IndexLookup[];
  needles: SearchNeedle[];
}

/**
 * Parses what the person typed, as they type it: every word matches as a prefix (the last one is
 * usually unfinished), a CJK run matches as a substring. A one-letter word alone is too broad to look
 * up (it would read most of the index); it is still checked on the text when other words narrow the
 * search. An empty `lookups` means there is nothing to search for in messages yet.
 */
export function parseSearchQuery(input: string): SearchQuery {
  const lookups = new Map<string, IndexLookup>();
  const needles: SearchNeedle[] = [];
  for (const token of searchTokens(input)) {
    if (token.kind === 'word') {
      const term = cutTerm(token.term);
      needles.push({ kind: 'word', term });
      if (Array.from(term).length >= 2) lookups.set(`w${term}`, { term, prefix: true });
      continue;
    }
    const chars = token.units.map((unit) => unit.char);
    needles.push({ kind: 'phrase', chars });
    if (chars.length === 1) {
      const [char] = chars as [string];
      lookups.set(`w${char}`, { term: char, prefix: true });
    } else {
      // Every bigram of the run; its last character alone is one of `cjkTerms` only for the index.
      for (const term of cjkTerms(token.units).slice(0, -1)) lookups.set(`x${term}`, { term, prefix: false });
    }
  }
  return { lookups: [...lookups.values()], needles };
}
