import {
  attachmentTokens,
  branchTo,
  buildChatRequest,
  collectAnswer,
  fitChatContext,
  streamCompletion,
} from '@hearth/core';
import type { CompletionError, ConnectionPath, Message } from '@hearth/schema';
import { getChat } from '../db/chats-repository.ts';
import { chatTree, failAnswer, getMessage, saveAnswer } from '../db/messages-repository.ts';
import { getApiKey } from '../db/model-configs-repository.ts';
import type { Storage } from '../db/storage.ts';
import type { AnswerRef, AnswerSession } from './answer-session.ts';
import { runAnswerSession } from './answer-sessions.ts';
import { browserServices } from './browser-services.ts';
import { titleAfterFirstAnswer } from './generate-title.ts';
import { resolveModel } from './resolve-model.ts';
import { toUserFacingError } from './user-facing-error.ts';

/** How long a stream may send nothing before it counts as stalled. */
const idleTimeoutMs = 120_000;

const noModelError: CompletionError = {
  code: 'network',
  message: 'No model is set up. Add one in Settings, then retry.',
};

/**
 * Requests and streams the answer whose placeholder is stored as `answer`, as its session. Every delta
 * is shown at once; the record is written a few times a second and once at the end, whatever ends it.
 * Resolves when the answer has ended.
 */
export async function runAnswer(storage: Storage, answer: AnswerRef): Promise<void> {
  await runAnswerSession(answer, async (session) => {
    try {
      await streamInto(storage, session);
    } catch (cause) {
      // A read that failed before the stream began: the record must not stay "in flight" for good.
      const message = cause instanceof Error && cause.message ? cause.message : 'The answer could not start.';
      await endEarly(storage, session, { code: 'interrupted', message }).catch(() => undefined);
    }
  });
}

async function streamInto(storage: Storage, session: AnswerSession): Promise<void> {
  const { db } = storage;
  const services = browserServices();
  const answer = await getMessage(db, session.id);
  if (!answer) return;
  const chat = await getChat(db, answer.chatId);
  const config = await resolveModel(storage, chat);
  if (!chat || !config) {
    await endEarly(storage, session, noModelError);
    return;
  }
  const history = await historyBefore(storage, answer);
  // The files of the branch, read from their blobs: regenerate and retry resend the question's files too.
  const attachments = await attachmentContents(storage, history);
  // Only the newest messages that fit the model's context window are sent (the chat marks where they start).
  const context = fitChatContext({
    config,
    chat,
    messages: history,
    extraCost: (message) => attachmentTokens(message, attachments),
  });
  if (!context.fits) {
    await endEarly(storage, session, contextOverflowError(context));
    return;
  }
  const request = buildChatRequest({
    config,
    apiKey: await getApiKey(db, config.id),
    chat,
    messages: context.messages,
    attachments,
  });
  // Which way the answer came (direct, or the relay after a CORS refusal) is stored with it.
  let path: ConnectionPath = 'direct';
  const routedFetch = await services.fetchFor(storage, { config, onPath: (taken) => (path = taken) });
  const { signal } = session;
  const final = await collectAnswer({
    events: streamCompletion({ ...request, signal, idleTimeoutMs, fetch: routedFetch }),
    signal,
    onUpdate: (state) => session.show(state),
    persist: async (state) => {
      try {
        await saveAnswer(storage, { id: session.id, state, connection: path });
        session.recordWrite(null);
      } catch (error) {
        // The text keeps arriving and stays on screen; the person is told it is not stored.
        session.recordWrite(notSavedError(error));
      }
    },
  });
  if (session.view.notSaved === null) services.onAnswerStored();
  // The first answer of a chat gives it a generated title (when the person wants them); it never delays the answer.
  if (final.status === 'done') void titleAfterFirstAnswer(storage, session.id);
}

// An answer that failed before any request: shown failed at once, and stored so.
async function endEarly(storage: Storage, session: AnswerSession, error: CompletionError): Promise<void> {
  session.show({ ...session.view.state, status: 'error', error });
  await failAnswer(storage, { id: session.id, error });
}

// The code that reads attachments (and PDF.js behind it) loads only for a branch that has files.
async function attachmentContents(storage: Storage, messages: readonly Message[]) {
  if (!messages.some((message) => (message.attachments?.length ?? 0) > 0)) return undefined;
  const { readRequestAttachments } = await import('../attachments/request-attachments.ts');
  return readRequestAttachments(storage.db, messages);
}

// Only the branch above the answer: other versions are never sent.
async function historyBefore(storage: Storage, answer: Message): Promise<Message[]> {
  return branchTo(await chatTree(storage.db, answer.chatId), answer.id).slice(0, -1);
}

// Nothing is sent that the provider would refuse: the person is told why, in the chat's words (completion-error-text.ts).
function contextOverflowError(overflow: { neededTokens: number; contextWindow: number }): CompletionError {
  return {
    code: 'upstream_http',
    message: `The question is too long for this model: about ${overflow.neededTokens} tokens with the system prompt and room for the answer, where the model reads ${overflow.contextWindow}. Shorten it, or choose a model with a larger context window.`,
    contextOverflow: overflow,
  };
}

function notSavedError(error: unknown): CompletionError {
  const full = toUserFacingError(error).code === 'storage_full';
  return {
    code: 'not_saved',
    message: full
      ? 'The browser’s storage is full, so this answer could not be saved. Copy it, or free some space.'
      : 'This answer could not be saved.',
  };
}
