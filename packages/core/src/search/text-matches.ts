import type { SearchNeedle, SearchQuery } from './search-query.ts';
import { type CjkUnit, searchTokens, wordParts } from './search-tokens.ts';

/** A span of the original text, `start` inclusive, `end` exclusive (UTF-16 offsets). */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Where the query's needles are in `text`, in order and merged, or undefined when any needle is not
 * there at all (the index only narrows: a CJK query's bigrams may all be present without the phrase).
 * A word is highlighted whole; a phrase, exactly its characters.
 */
export function textMatches(text: string, query: SearchQuery): TextRange[] | undefined {
  if (query.needles.length === 0) return undefined;
  const tokens = searchTokens(text);
  const ranges: TextRange[] = [];
  for (const needle of query.needles) {
    const found = needleRanges(tokens, needle);
    if (found.length === 0) return undefined;
    ranges.push(...found);
  }
  return mergeRanges(ranges);
}

function needleRanges(tokens: ReturnType<typeof searchTokens>, needle: SearchNeedle): TextRange[] {
  const ranges: TextRange[] = [];
  for (const token of tokens) {
    if (needle.kind === 'word') {
      if (token.kind === 'word' && startsWithNeedle(token.term, needle.term)) {
        ranges.push({ start: token.start, end: token.end });
      }
    } else if (token.kind === 'cjk') {
      ranges.push(...phraseRanges(token.units, needle.chars));
    }
  }
  return ranges;
}

function phraseRanges(units: readonly CjkUnit[], chars: readonly string[]): TextRange[] {
  const ranges: TextRange[] = [];
  for (let at = 0; at + chars.length <= units.length; at++) {
    if (chars.every((char, offset) => units[at + offset]?.char === char)) {
      ranges.push({ start: units[at]?.start ?? 0, end: units[at + chars.length - 1]?.end ?? 0 });
    }
  }
  return ranges;
}

function mergeRanges(ranges: TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

function startsWithNeedle(term: string, needle: string): boolean {
  return term.startsWith(needle) || wordParts(term).some((part) => part.startsWith(needle));
}
