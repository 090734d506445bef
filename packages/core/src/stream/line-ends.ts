const LF = 10;
const CR = 13;

/** The index just past the line break that ends the line starting at `start` (CRLF counts as one), or `text.length`. */
export function endOfLine(text: string, start: number): number {
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LF) return i + 1;
    if (code === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  }
  return text.length;
}
