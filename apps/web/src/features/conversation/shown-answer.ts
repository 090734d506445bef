import type { AnswerState } from '@hearth/core';
import type { Message } from '@hearth/schema';

const finalStatuses: ReadonlySet<Message['status']> = new Set(['done', 'stopped', 'error']);

/**
 * What to show of a message: while it streams in this tab, the live state (every delta); once its
 * record is final, the record, which then holds everything the live state had.
 */
export function shownMessage(message: Message, live: AnswerState | undefined): Message {
  if (!live || finalStatuses.has(message.status)) return message;
  return {
    ...message,
    content: live.content,
    reasoning: live.reasoning,
    status: live.status,
    error: live.error,
    usage: live.usage,
  };
}
