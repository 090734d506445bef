/** A fenced code block that its own content cannot close: the fence is longer than any backtick run inside. */
export function fenced(text: string, language = ''): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

/** Markdown block quote: every line prefixed. */
export function quoted(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/** Non-empty pieces joined by blank lines, as separate paragraphs of one message. */
export function paragraphs(pieces: readonly string[]): string {
  return pieces.filter((piece) => piece.trim() !== '').join('\n\n');
}

/** JSON shown to a reader (tool arguments): indented, and never throwing on what came from a file. */
export function readableJson(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2) ?? '';
  } catch {
    return String(value);
  }
}
