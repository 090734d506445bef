import { type CjkUnit, searchTokens, wordParts } from './search-tokens.ts';

/**
 * The version of the terms `indexTerms` makes. Any change to tokenisation (search-tokens.ts) or to the
 * terms below must bump it: an index built by another version is rebuilt, since its terms would no
 * longer match the queries of this one.
 */
export const searchIndexVersion = 1;

/** Longer words are cut here, in the index and in queries alike (a URL or a hash needs no more). */
export const maxTermLength = 32;

/** A message with more distinct terms than this (a huge log or code dump) is indexed by its first ones. */
export const maxTermsPerText = 4000;

/**
 * The distinct terms under which a text is found: each folded word (and the parts of one like `list.sort`,
 * see `wordParts`), and for each CJK run its character
 * bigrams plus its last character alone. A query's CJK run then becomes bigrams that every text holding
 * it as a substring also has, and a single character is found as a prefix (every character of a run
 * starts a bigram, except the last, which is there alone).
 */
export function indexTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const token of searchTokens(text)) {
    if (token.kind === 'word') {
      terms.add(cutTerm(token.term));
      for (const part of wordParts(token.term)) terms.add(cutTerm(part));
    } else for (const term of cjkTerms(token.units)) terms.add(term);
    if (terms.size >= maxTermsPerText) break;
  }
  return [...terms].slice(0, maxTermsPerText);
}

/** The bigrams of a CJK run and its last character. */
export function cjkTerms(units: readonly Pick<CjkUnit, 'char'>[]): string[] {
  const terms: string[] = [];
  for (let at = 0; at + 1 < units.length; at++) terms.push(`${units[at]?.char}${units[at + 1]?.char}`);
  const last = units.at(-1);
  if (last !== undefined) terms.push(last.char);
  return terms;
}

/** A term as the index keeps it: at most `maxTermLength` characters, never half a surrogate pair. */
export function cutTerm(term: string): string {
  if (term.length <= maxTermLength) return term;
  return Array.from(term).slice(0, maxTermLength).join('');
}
