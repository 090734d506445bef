import type { TextRange } from './text-matches.ts';

/** A piece of a snippet: `marked` pieces are the matches, to be shown highlighted. */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

/** How much text a snippet shows around its first match. */
export interface SnippetOptions {
  before: number;
  length: number;
}

const defaultOptions: SnippetOptions = { before: 40, length: 160 };

/**
 * A short excerpt of `text` around the first match, split into plain and marked parts, whitespace folded
 * to single spaces, with "…" where text was left out. Never cuts a match or a surrogate pair in two.
 */
export function searchSnippet(
  text: string,
  matches: readonly TextRange[],
  options: SnippetOptions = defaultOptions,
): SnippetPart[] {
  const first = matches[0];
  let start = first === undefined ? 0 : Math.max(0, first.start - options.before);
  // Start at a word boundary where one is near, so the excerpt does not open mid-word.
  if (start > 0) {
    const space = text.slice(start, first?.start ?? start).search(/\s/);
    if (space >= 0) start += space + 1;
  }
  let end = Math.min(text.length, start + options.length);
  for (const match of matches) if (match.start < end && match.end > end) end = match.end;
  start = avoidSplitPair(text, start);
  end = avoidSplitPair(text, end);

  const parts: SnippetPart[] = [];
  const push = (piece: string, marked: boolean) => {
    const folded = piece.replace(/\s+/g, ' ');
    if (folded !== '') parts.push({ text: folded, marked });
  };
  let at = start;
  for (const match of matches) {
    if (match.end <= start || match.start >= end) continue;
    push(text.slice(at, Math.max(at, match.start)), false);
    push(text.slice(Math.max(at, match.start), match.end), true);
    at = match.end;
  }
  push(text.slice(at, end), false);
  if (start > 0) parts.unshift({ text: '…', marked: false });
  if (end < text.length) parts.push({ text: '…', marked: false });
  return trimEnds(parts);
}

function avoidSplitPair(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

function trimEnds(parts: SnippetPart[]): SnippetPart[] {
  const first = parts[0];
  if (first !== undefined && !first.marked) first.text = first.text.trimStart();
  const last = parts.at(-1);
  if (last !== undefined && !last.marked) last.text = last.text.trimEnd();
  return parts.filter((part) => part.text !== '');
}
