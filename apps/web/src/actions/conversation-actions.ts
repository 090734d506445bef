import { createChat, getChat } from '../db/chats-repository.ts';
import {
  appendQuestion,
  appendQueuedQuestion,
  deleteMessage,
  editQuestion,
  getMessage,
  replaceAnswer,
} from '../db/messages-repository.ts';
import type { Storage } from '../db/storage.ts';
import { selectChat, setDraft, setEditingMessage } from '../state/ui-store.ts';
import { runAnswer } from './answer-runner.ts';
import { forgetAnswer, stopAnswer } from './answer-sessions.ts';
import { browserServices } from './browser-services.ts';
import { resolveModel } from './resolve-model.ts';
import { UserFacingError } from './user-facing-error.ts';

/**
 * Sends a question: stored first (with its answer placeholder), then answered; while offline it is
 * stored as queued and sent when the network returns. The draft is cleared only after the question is
 * safely stored, so a failed write never loses what was typed. Resolves once the question is stored;
 * the answer streams on.
 */
export async function sendQuestion(storage: Storage, input: { chatId: string | null; content: string }): Promise<void> {
  const content = input.content.trim();
  if (!content) return;
  const existing = input.chatId ? await getChat(storage.db, input.chatId) : undefined;
  const config = await resolveModel(storage, existing);
  if (!config) throw new UserFacingError('no_model');
  const chat = existing ?? (await createChat(storage));
  if (!browserServices().isOnline()) {
    await appendQueuedQuestion(storage, { chatId: chat.id, content });
    setDraft(input.chatId, '');
    if (!existing) selectChat(chat.id);
    return;
  }
  const { answer } = await appendQuestion(storage, { chatId: chat.id, content, model: config.modelId });
  setDraft(input.chatId, '');
  if (!existing) selectChat(chat.id);
  void runAnswer(storage, answer);
}

/** Asks again for an answer (regenerate, or retry after an error): a new answer replaces it and streams. */
export async function regenerateAnswer(storage: Storage, answerId: string): Promise<void> {
  const answer = await getMessage(storage.db, answerId);
  const chat = answer ? await getChat(storage.db, answer.chatId) : undefined;
  const config = await resolveModel(storage, chat);
  if (!config) throw new UserFacingError('no_model');
  const fresh = await replaceAnswer(storage, { answerId, model: config.modelId });
  forgetAnswer(answerId);
  void runAnswer(storage, fresh);
}

/** Saves an edited question and asks again; later messages are replaced by a new answer, which streams. */
export async function resendEdited(storage: Storage, input: { questionId: string; content: string }): Promise<void> {
  const content = input.content.trim();
  if (!content) return;
  const question = await getMessage(storage.db, input.questionId);
  const chat = question ? await getChat(storage.db, question.chatId) : undefined;
  const config = await resolveModel(storage, chat);
  if (!config) throw new UserFacingError('no_model');
  const answer = await editQuestion(storage, { questionId: input.questionId, content, model: config.modelId });
  setEditingMessage(null);
  void runAnswer(storage, answer);
}

/** Deletes one message of a conversation (an answer streaming here is stopped first). */
export async function removeMessage(storage: Storage, messageId: string): Promise<void> {
  stopAnswer(messageId);
  await deleteMessage(storage, messageId);
  forgetAnswer(messageId);
}
