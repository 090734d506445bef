import type { ChatCompletionMessage, Message } from '@hearth/schema';

/**
 * The part of a conversation the model should see, from the branch being answered (first message first,
 * as `branchTo` gives it: other branches are never sent, and deleted messages are not records any more):
 * every user message and every answer the person saw complete or chose to stop. Answers still in flight, failed attempts and empty turns are left
 * out, because sending them would put words in the model's mouth that it never finished.
 */
export function selectHistory(messages: readonly Message[]): ChatCompletionMessage[] {
  const history: ChatCompletionMessage[] = [];
  for (const message of messages) {
    if (message.role === 'assistant' && message.status !== 'done' && message.status !== 'stopped') continue;
    if (message.content.length === 0) continue;
    history.push({ role: message.role, content: message.content });
  }
  return history;
}
