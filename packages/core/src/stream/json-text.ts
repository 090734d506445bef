import type { ParseResult } from './parse-result.ts';

const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;

/** Parses JSON text into an unknown value for a schema to check; never throws. */
export function parseJsonText(text: string): ParseResult<unknown> {
  // A cheap look at the first character spares a thrown-and-caught SyntaxError for plain text, which is slow.
  const first = text.charCodeAt(0) === OPEN_BRACE ? OPEN_BRACE : text.trimStart().charCodeAt(0);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) return { success: false, error: 'not a JSON object or array' };
  try {
    return { success: true, value: JSON.parse(text) as unknown };
  } catch {
    return { success: false, error: 'malformed JSON' };
  }
}
