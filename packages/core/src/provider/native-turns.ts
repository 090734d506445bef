import type { ChatCompletionMessage } from '@hearth/schema';

/** A conversation as the native APIs take it: the system text apart, then turns of two roles. */
export interface NativeTurns {
  system: string;
  turns: { role: 'user' | 'assistant'; text: string }[];
}

/**
 * Splits a history for Anthropic and Gemini, which take the system prompt as a field of its own and want
 * the roles to alternate: system messages inside the history (imported chats have them) join the chat's
 * system prompt, and consecutive turns of one role (a question whose answer failed, then another) are joined.
 */
export function nativeTurns(options: { systemPrompt: string; history: readonly ChatCompletionMessage[] }): NativeTurns {
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
    if (last?.role === message.role) last.text = `${last.text}\n\n${message.content}`;
    else turns.push({ role: message.role, text: message.content });
  }
  return { system: system.join('\n\n'), turns };
}
