import { isAnswerInFlight } from '@hearth/core';
import type { Message } from '@hearth/schema';
import type { AnswerView } from './answer-session.ts';
import { answerView, streamingAnswerIn } from './answer-sessions.ts';

/**
 * A message as the page must show it: its record, merged with what this tab knows of the answer. The
 * one place where record and live state meet. While the answer streams here, the live state (every
 * delta); once the record is final it holds everything, unless the browser refused to store it, when
 * the live text stays, marked not saved.
 */
export function mergeAnswerView(stored: Message, view: AnswerView | undefined): Message {
  if (!view || (view.notSaved === null && !isAnswerInFlight(stored.status))) return stored;
  const { state, notSaved } = view;
  return {
    ...stored,
    content: state.content,
    reasoning: state.reasoning,
    usage: state.usage,
    // A refused write is shown beside text still arriving, and as the outcome once it has ended.
    status: notSaved && !view.running ? 'error' : state.status,
    error: notSaved ?? state.error,
  };
}

/** The message as shown, from this tab's sessions. */
export function shownMessage(stored: Message): Message {
  return mergeAnswerView(stored, answerView(stored.id));
}

/** Whether a chat must wait before asking again, and the answer this tab streams in it (the one Stop ends). */
export interface ChatActivity {
  busy: boolean;
  streamingHereId: string | null;
}

/** The activity of a chat whose page of messages is `messages`: another tab's answer in flight makes it busy too. */
export function chatActivity(chatId: string | null, messages: readonly Message[]): ChatActivity {
  const streamingHereId = chatId ? streamingAnswerIn(chatId) : null;
  const busy = streamingHereId !== null || messages.some((message) => isAnswerInFlight(shownMessage(message).status));
  return { busy, streamingHereId };
}
