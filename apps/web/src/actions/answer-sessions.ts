import { isAnswerInFlight } from '@hearth/core';
import { type AnswerRef, AnswerSession, type AnswerView } from './answer-session.ts';
import { browserServices } from './browser-services.ts';

// The live state of answers lives here, in the sessions' own store, not in Zustand: it is written only
// by the session that streams it, read outside React too (the update flow, the send queue), and each
// message subscribes to its own answer, so a delta re-renders that message and nothing else.

/** Answers streaming in this tab. */
const running = new Map<string, AnswerSession>();
/** Answers that ended here and are still shown from memory (see `settle`). */
const settled = new Map<string, AnswerView>();
/** How many stored answers stay in memory after they end; enough for every answer on screen. */
const recentlySettledLimit = 16;

const answerListeners = new Map<string, Set<() => void>>();
const sessionListeners = new Set<() => void>();

/**
 * Runs `work` as the answer's session: registered, shown, and holding the answer's Web Lock from now
 * until `work` settles, then released whatever ended it (done, Stop, a failure, a throw). Does nothing
 * when this tab already streams that answer.
 */
export async function runAnswerSession(
  answer: AnswerRef,
  work: (session: AnswerSession) => Promise<void>,
): Promise<void> {
  if (running.has(answer.id)) return;
  const session = new AnswerSession(answer, () => notifyAnswer(answer.id));
  running.set(answer.id, session);
  settled.delete(answer.id);
  notifyAnswer(answer.id);
  notifySessions();
  try {
    await session.holdLock(browserServices().locks, work);
  } finally {
    running.delete(answer.id);
    settle(answer.id, session.end());
    notifySessions();
  }
}

/** Stops an answer streaming in this tab: the request is aborted and the text so far is kept as `stopped`. */
export function stopAnswer(messageId: string): void {
  running.get(messageId)?.stop();
}

/** Stops every answer this tab streams in a chat (the chat is going away). */
export function stopChatAnswers(chatId: string): void {
  for (const session of running.values()) if (session.chatId === chatId) session.stop();
}

/** Forgets what this tab kept of an ended answer, once its record was deleted or replaced. */
export function forgetAnswer(messageId: string): void {
  if (settled.delete(messageId)) notifyAnswer(messageId);
}

/** What this tab knows of an answer beyond its record, if anything. */
export function answerView(messageId: string): AnswerView | undefined {
  return running.get(messageId)?.view ?? settled.get(messageId);
}

/** The answer this tab is streaming in a chat, if any: the one Stop ends. */
export function streamingAnswerIn(chatId: string): string | null {
  for (const session of running.values()) if (session.chatId === chatId) return session.id;
  return null;
}

/** True while this tab streams any answer (an update must not reload the page then). */
export function isAnyAnswerStreamingHere(): boolean {
  return running.size > 0;
}

/** How many answers this tab streams and how many ended ones it still shows from memory. */
export function answerSessionCounts(): { running: number; settled: number } {
  return { running: running.size, settled: settled.size };
}

/** Calls `listener` at every change of one answer's view. */
export function subscribeToAnswer(messageId: string, listener: () => void): () => void {
  const listeners = answerListeners.get(messageId) ?? new Set();
  listeners.add(listener);
  answerListeners.set(messageId, listeners);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) answerListeners.delete(messageId);
  };
}

/** Calls `listener` whenever an answer starts or ends in this tab. */
export function subscribeToSessions(listener: () => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

// What stays in memory once an answer ended: its final view, so the page shows the final text until its
// live query has re-read the final record (the view is ignored from then on); only the few newest, but
// every one the browser refused to store, whose text on screen is all there is. An answer that never
// reached a final state (its work threw) leaves nothing: its record tells what happened.
function settle(messageId: string, view: AnswerView): void {
  if (!isAnswerInFlight(view.state.status)) settled.set(messageId, view);
  const stored = [...settled].filter(([, kept]) => kept.notSaved === null);
  for (const [id] of stored.slice(0, Math.max(0, stored.length - recentlySettledLimit))) settled.delete(id);
  notifyAnswer(messageId);
}

function notifyAnswer(messageId: string): void {
  for (const listener of answerListeners.get(messageId) ?? []) listener();
}

function notifySessions(): void {
  for (const listener of sessionListeners) listener();
}
