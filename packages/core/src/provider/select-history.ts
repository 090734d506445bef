import type { ChatCompletionMessage, Message } from '@hearth/schema';

/**
 * Whether a message of the branch being answered is part of what the model sees: every user message and
 * every answer the person saw complete or chose to stop. Answers still in flight, failed attempts and
 * empty turns are left out, because sending them would put words in the model's mouth that it never finished.
 */
export function isSentToModel(message: Message): boolean {
  if (message.role === 'assistant' && message.status !== 'done' && message.status !== 'stopped') return false;
  return message.content.length > 0;
}

/**
 * The part of a conversation the model should see, from the branch being answered (first message first,
 * as `branchTo` gives it: other branches are never sent, and deleted messages are not records any more).
 */
export function selectHistory(messages: readonly Message[]): ChatCompletionMessage[] {
  return messages.filter(isSentToModel).map((message) => ({ role: message.role, content: message.content }));
}
