/**
 * Splitting text into what search compares: words (folded) and runs of CJK characters, each with its
 * place in the original text so a match can be highlighted there.
 *
 * Word boundaries come from `Intl.Segmenter` (Unicode word rules, dictionary-based for Chinese and
 * Japanese). Chinese is then not matched by the segmenter's words: its dictionary differs between
 * engines and versions, and the same words split differently alone in a query than inside a sentence
 * ("北京大学" is one word in one place and "北京" + "大学" in another). Consecutive CJK words form a run,
 * and a run is compared character by character (bigrams in the index, see index-terms.ts), which matches
 * any substring of two or more characters whatever the segmenter decided.
 */

/** A word: letters or digits between boundaries, case, width and diacritics folded. */
export interface WordToken {
  kind: 'word';
  term: string;
  start: number;
  end: number;
}

/** One character of a CJK run, width-folded, with its place in the original text. */
export interface CjkUnit {
  char: string;
  start: number;
  end: number;
}

/** Consecutive CJK characters with no punctuation or space between them. */
export interface CjkRunToken {
  kind: 'cjk';
  units: CjkUnit[];
}

export type SearchToken = WordToken | CjkRunToken;

const cjkChar = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]/u;
const cjkOrNot =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]+/gu;
const combiningDiacritics = /[\u0300-\u036f]/g;

// Created once: a segmenter is costly to make, cheap to reuse. 'zh' only picks the dictionary; the rules
// for other scripts are the same in every locale.
let segmenter: Intl.Segmenter | undefined;

/** Folds a word for comparison: compatibility forms (full-width, ligatures), diacritics and case. */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(combiningDiacritics, '').toLowerCase();
}

const inWordPunctuation = /[^\p{L}\p{N}\p{M}]+/u;

/**
 * The pieces of a word joined by punctuation the word rules keep inside it (`list.sort`, `don't`,
 * `snake_case`, `example.com`), so each is found on its own; empty for a plain word.
 */
export function wordParts(term: string): string[] {
  if (!inWordPunctuation.test(term)) return [];
  return term.split(inWordPunctuation).filter((part) => part !== '');
}

/** True when the character (one code point) belongs to a CJK run. */
export function isCjkChar(char: string): boolean {
  return cjkChar.test(char);
}

/** The words and CJK runs of `text`, in order. */
export function searchTokens(text: string): SearchToken[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const tokens: SearchToken[] = [];
  let run: CjkUnit[] | undefined;
  const endRun = () => {
    if (run !== undefined) tokens.push({ kind: 'cjk', units: run });
    run = undefined;
  };
  for (const { segment, index, isWordLike } of segmenter.segment(text)) {
    if (!isWordLike) {
      endRun();
      continue;
    }
    // A segment is usually all CJK or none; a mixed one is split where the script changes.
    for (const piece of segment.matchAll(cjkOrNot)) {
      const start = index + (piece.index ?? 0);
      if (isCjkChar(String.fromCodePoint(piece[0].codePointAt(0) ?? 0))) {
        run ??= [];
        let at = start;
        for (const char of piece[0]) {
          for (const folded of char.normalize('NFKC')) run.push({ char: folded, start: at, end: at + char.length });
          at += char.length;
        }
      } else {
        endRun();
        const term = foldWord(piece[0]);
        if (term !== '') tokens.push({ kind: 'word', term, start, end: start + piece[0].length });
      }
    }
  }
  endRun();
  return tokens;
}
