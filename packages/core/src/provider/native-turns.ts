import type { InlineImage } from '../attachments/attachment-content.ts';
import type { HistoryTurn } from './select-history.ts';

/** A conversation as the native APIs take it: the system text apart, then turns of two roles. */
export interface NativeTurns {
  system: string;
  turns: { role: 'user' | 'assistant'; text: string; images: InlineImage[] }[];
}

/**
 * Splits a history for Anthropic and Gemini, which take the system prompt as a field of its own and want
 * the roles to alternate: system messages inside the history (imported chats have them) join the chat's
 * system prompt, and consecutive turns of one role (a question whose answer failed, then another) are joined,
 * their images too.
 */
export function nativeTurns(options: { systemPrompt: string; history: readonly HistoryTurn[] }): NativeTurns {
  const system: string[] = [];
  const prompt = options.systemPrompt.trim();
  if (prompt) system.push(prompt);
  const turns: NativeTurns['turns'] = [];
  for (const message of options.history) {
    if (message.role === 'system') {
      system.push(message.content);
      continue;
    }
    const last = turns.at(-1);
    if (last?.role === message.role) {
      last.text = [last.text, message.content].filter((text) => text.length > 0).join('\n\n');
      last.images.push(...message.images);
    } else {
      turns.push({ role: message.role, text: message.content, images: [...message.images] });
    }
  }
  return { system: system.join('\n\n'), turns };
}
