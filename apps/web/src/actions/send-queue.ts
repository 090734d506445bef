import { getChat } from '../db/chats-repository.ts';
import { oldestQueuedQuestion, releaseQueuedQuestion, takeBackQueuedQuestion } from '../db/messages-repository.ts';
import type { Storage } from '../db/storage.ts';
import { setDraft, useUiStore } from '../state/ui-store.ts';
import { runAnswer } from './answer-runner.ts';
import { browserServices } from './browser-services.ts';
import { resolveModel } from './resolve-model.ts';

/** Only one tab sends the queue, so a question is never asked twice. */
const queueLockName = 'hearth-send-queue';

/**
 * Sends the questions written while offline, oldest first, each waiting for its answer so the next one
 * carries it in its history. Stops when the network goes away again; what is left stays queued.
 */
export async function flushSendQueue(storage: Storage): Promise<void> {
  const { isOnline, locks } = browserServices();
  if (!isOnline()) return;
  await locks.request(queueLockName, { ifAvailable: true }, async (lock) => {
    if (!lock) return; // another tab is sending the queue
    while (isOnline()) {
      const question = await oldestQueuedQuestion(storage.db);
      if (!question) return;
      const config = await resolveModel(storage, await getChat(storage.db, question.chatId));
      if (!config) return; // nothing to send with; the questions stay queued, shown as such
      const answer = await releaseQueuedQuestion(storage, { questionId: question.id, model: config.modelId });
      if (answer) await runAnswer(storage, answer);
    }
  });
}

/** Takes a queued question back: it leaves the conversation and its text returns to the composer. */
export async function cancelQueuedQuestion(storage: Storage, messageId: string): Promise<void> {
  const question = await takeBackQueuedQuestion(storage, messageId);
  if (!question) return;
  const draft = useUiStore.getState().drafts[question.chatId] ?? '';
  setDraft(question.chatId, draft ? `${question.content}\n\n${draft}` : question.content);
}

/** Sends the queue whenever the network comes back or the app is opened again. */
export function watchSendQueue(storage: Storage): void {
  const flush = () => void flushSendQueue(storage).catch(() => undefined);
  window.addEventListener('online', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') flush();
  });
  flush();
}
