import { buildChatRequest, collectAnswer, initialAnswerState, streamCompletion } from '@hearth/core';
import type { ConnectionPath } from '@hearth/schema';
import { getChat } from '../db/chats-repository.ts';
import { failAnswer, getMessage, listMessages, saveAnswer } from '../db/messages-repository.ts';
import { getApiKey } from '../db/model-configs-repository.ts';
import type { Storage } from '../db/storage.ts';
import { keepStoragePersistent } from '../pwa/storage-persistence.ts';
import { clearLiveAnswer, setLiveAnswer } from '../state/ui-store.ts';
import { answerLockName } from './answer-locks.ts';
import { fetchForModel } from './relay-settings.ts';
import { resolveModel } from './resolve-model.ts';
import { toUserFacingError } from './user-facing-error.ts';

const storageFullText =
  'The browser’s storage is full, so this answer could not be saved. Copy it, or free some space.';
const storageFailedText = 'This answer could not be saved.';

// Abort controllers of the answers streaming in this tab. Not UI state: nothing renders them.
const controllers = new Map<string, AbortController>();
// Answers whose record the browser refused to store (storage full).
const unsaved = new Set<string>();

/** How long a stream may send nothing before it counts as stalled. */
const idleTimeoutMs = 120_000;

/** True while this tab is streaming the answer. */
export function isStreamingHere(messageId: string): boolean {
  return controllers.has(messageId);
}

/** True while this tab is streaming any answer (an update must not reload the page then). */
export function isAnyAnswerStreamingHere(): boolean {
  return controllers.size > 0;
}

/** Stops a streaming answer: the request is aborted and the text so far is kept as `stopped`. */
export function stopAnswer(messageId: string): void {
  controllers.get(messageId)?.abort();
}

/**
 * Requests and streams the answer whose placeholder is stored under `answerId`. Every delta is shown
 * at once; the record is written a few times a second and once at the end, whatever ends it.
 */
export async function runAnswer(storage: Storage, answerId: string): Promise<void> {
  const controller = new AbortController();
  controllers.set(answerId, controller);
  setLiveAnswer(answerId, initialAnswerState()); // Stop is offered from the first moment
  try {
    // The lock tells other tabs (and this tab after a reload) that the answer is still alive.
    await navigator.locks.request(answerLockName(answerId), () => streamInto(storage, answerId, controller.signal));
  } finally {
    controllers.delete(answerId);
    // The record holds the final state now; the live copy goes once the view has re-read it. When the
    // record could not be written, the live copy is all there is, so it stays on screen.
    if (!unsaved.has(answerId)) setTimeout(() => clearLiveAnswer(answerId), 1_000);
  }
}

async function streamInto(storage: Storage, answerId: string, signal: AbortSignal): Promise<void> {
  const { db } = storage;
  const answer = await getMessage(db, answerId);
  if (!answer) return;
  const chat = await getChat(db, answer.chatId);
  const config = await resolveModel(storage, chat);
  if (!chat || !config) {
    await failAnswer(storage, {
      id: answerId,
      error: { code: 'network', message: 'No model is set up. Add one in Settings, then retry.' },
    });
    return;
  }
  const all = await listMessages(db, chat.id);
  const history = all.slice(
    0,
    all.findIndex((message) => message.id === answerId),
  );
  const request = buildChatRequest({ config, apiKey: await getApiKey(db, config.id), chat, messages: history });
  // Which way the answer came (direct, or the relay after a CORS refusal) is stored with it.
  let path: ConnectionPath = 'direct';
  const routedFetch = await fetchForModel(storage, { config, onPath: (taken) => (path = taken) });
  await collectAnswer({
    events: streamCompletion({ url: request.url, init: request.init, signal, idleTimeoutMs, fetch: routedFetch }),
    signal,
    onUpdate: (state) => setLiveAnswer(answerId, state),
    persist: async (state) => {
      try {
        await saveAnswer(storage, { id: answerId, state, connection: path });
        unsaved.delete(answerId);
      } catch (error) {
        // The text keeps arriving and stays on screen; the person is told it is not stored.
        unsaved.add(answerId);
        const problem = toUserFacingError(error).code === 'storage_full' ? storageFullText : storageFailedText;
        setLiveAnswer(answerId, { ...state, status: 'error', error: { code: 'not_saved', message: problem } });
      }
    },
  });
  if (!unsaved.has(answerId)) void keepStoragePersistent();
}
