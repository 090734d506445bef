import { chatTitleMaxLength } from '@hearth/schema';

// Longer than any six-word title in any script; a model that ignored the instruction is cut here.
const maxTitleLength = 80;

/**
 * The title a model's reply gives, as the chat list shows it: its first non-empty line, without the
 * "Title:" label, quotes, markdown emphasis or final full stop models add despite being asked not to,
 * whitespace folded. Null when nothing is left, so the chat keeps the title it had.
 */
export function cleanTitle(reply: string): string | null {
  const line = reply
    .split('\n')
    .map((text) => text.trim())
    .find((text) => text.length > 0);
  if (line === undefined) return null;
  let title = line
    .replace(/^#+\s*/, '')
    .replace(/^(title|标题)\s*[:：]\s*/i, '')
    .replace(/[.。]+$/, '')
    .replace(/^[*_]+|[*_]+$/g, '')
    .replace(/^["'“”‘’「」『』《》]+|["'“”‘’「」『』《》]+$/g, '')
    .replace(/[.。]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (title.length > maxTitleLength) title = `${title.slice(0, maxTitleLength).trimEnd()}…`;
  return title.length === 0 ? null : title.slice(0, chatTitleMaxLength);
}
