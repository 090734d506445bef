import { createChat, getChat } from '../db/chats-repository.ts';
import {
  appendQuestion,
  appendQueuedQuestion,
  editQuestion,
  getMessage,
  replaceAnswer,
} from '../db/messages-repository.ts';
import type { Storage } from '../db/storage.ts';
import { selectChat, setDraft, setEditingMessage } from '../state/ui-store.ts';
import { runAnswer } from './answer-runner.ts';
import { resolveModel } from './resolve-model.ts';
import { UserFacingError } from './user-facing-error.ts';

/**
 * Sends a question: stored first (with its answer placeholder), then answered; while offline it is
 * stored as queued and sent when the network returns. The draft is cleared only after the question is
 * safely stored, so a failed write never loses what was typed.
 */
export async function sendQuestion(storage: Storage, input: { chatId: string | null; content: string }): Promise<void> {
  const content = input.content.trim();
  if (!content) return;
  const existing = input.chatId ? await getChat(storage.db, input.chatId) : undefined;
  const config = await resolveModel(storage, existing);
  if (!config) throw new UserFacingError('no_model');
  const chat = existing ?? (await createChat(storage));
  if (!navigator.onLine) {
    await appendQueuedQuestion(storage, { chatId: chat.id, content });
    setDraft(input.chatId, '');
    if (!existing) selectChat(chat.id);
    return;
  }
  const { answer } = await appendQuestion(storage, { chatId: chat.id, content, model: config.modelId });
  setDraft(input.chatId, '');
  if (!existing) selectChat(chat.id);
  void runAnswer(storage, answer.id);
}

/** Asks again for an answer (regenerate, or retry after an error). */
export async function regenerateAnswer(storage: Storage, answerId: string): Promise<void> {
  const answer = await getMessage(storage.db, answerId);
  const config = await resolveModel(storage, answer ? await getChat(storage.db, answer.chatId) : undefined);
  if (!config) throw new UserFacingError('no_model');
  const fresh = await replaceAnswer(storage, { answerId, model: config.modelId });
  void runAnswer(storage, fresh.id);
}

/** Saves an edited question and asks again; later messages are replaced. */
export async function resendEdited(storage: Storage, input: { questionId: string; content: string }): Promise<void> {
  const content = input.content.trim();
  if (!content) return;
  const question = await getMessage(storage.db, input.questionId);
  const config = await resolveModel(storage, question ? await getChat(storage.db, question.chatId) : undefined);
  if (!config) throw new UserFacingError('no_model');
  const answer = await editQuestion(storage, { questionId: input.questionId, content, model: config.modelId });
  setEditingMessage(null);
  void runAnswer(storage, answer.id);
}
