/**
 * A tokenizer-free, deliberately pessimistic estimate of how many tokens a text costs. Hearth talks to
 * many providers whose tokenizers differ and are not published for the browser (Claude, Gemini), and a
 * real tokenizer would cost hundreds of KB of first-load JavaScript; counting a little too much only
 * leaves an older message out, counting too little makes the request fail. So:
 *
 * - a CJK character (Han, kana, Hangul) counts as one token: tokenizers give the common ones one token
 *   each or less, and rarer ones more than one, so one per character is the usual case;
 * - any other text counts one token per 3 characters (UTF-16 units), where English averages ~4 per token
 *   and code, numbers and other scripts fewer: 3 keeps the estimate above what those tokenizers count.
 */
export function estimateTextTokens(text: string): number {
  let cjk = 0;
  for (const match of text.matchAll(cjkRun)) cjk += [...match[0]].length;
  const otherUnits = text.replace(cjkRun, '').length;
  return cjk + Math.ceil(otherUnits / charsPerToken);
}

/**
 * What each message costs on top of its text: the role and the separators every chat format wraps a
 * turn in (OpenAI documents 3-4 tokens a message; more here, for providers that wrap turns in more).
 */
export const messageOverheadTokens = 8;

const charsPerToken = 3;

// Han (CJK ideographs, their extensions and compatibility forms), Hiragana, Katakana, Hangul, CJK punctuation
// and full-width forms.
const cjkRun = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]+/gu;
