import { chatTitleMaxLength } from '@hearth/schema';

const titleLength = 60;

/** A chat title from its first message: the first line, whitespace folded, cut at a word near 60 characters. */
export function titleFromMessage(content: string): string {
  const firstLine = content.trim().split('\n')[0]?.replace(/\s+/g, ' ').trim() ?? '';
  if (firstLine.length <= titleLength) return firstLine.slice(0, chatTitleMaxLength);
  const cut = firstLine.slice(0, titleLength);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 30 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
