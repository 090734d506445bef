import { attachmentKind, imageTokens, questionOverflow } from '@hearth/core';
import type { Attachment } from '@hearth/schema';
import { scheduleBlobSweep } from '../attachments/blob-sweep-schedule.ts';
import { clearPendingAttachments } from '../attachments/pending-attachments.ts';
import { forkChat, showBranch } from '../db/branches-repository.ts';
import { createChat, getChat } from '../db/chats-repository.ts';
import {
  addAnswerVersion,
  addQuestionVersion,
  appendQuestion,
  appendQueuedQuestion,
  deleteMessage,
  getMessage,
} from '../db/messages-repository.ts';
import type { Storage } from '../db/storage.ts';
import { resetNewChatOptions, selectChat, setDraft, setEditingMessage, useUiStore } from '../state/ui-store.ts';
import { runAnswer } from './answer-runner.ts';
import { forgetAnswer, stopAnswer } from './answer-sessions.ts';
import { browserServices } from './browser-services.ts';
import { resolveModel } from './resolve-model.ts';
import { UserFacingError } from './user-facing-error.ts';

/**
 * Sends a question at the end of the branch on screen: stored first (with its answer placeholder), then answered; while offline it is
 * stored as queued and sent when the network returns. The draft is cleared only after the question is
 * safely stored, so a failed write never loses what was typed; so are the files attached (their blobs are
 * stored already, the message only names them). A new chat is created with the options chosen on its
 * empty screen (model, system prompt, params). A question that alone is more than the model can read is
 * not stored: the person is told, and keeps the text. Resolves once the question is stored; the answer
 * streams on.
 */
export async function sendQuestion(
  storage: Storage,
  input: { chatId: string | null; content: string; attachments?: readonly Attachment[] },
): Promise<void> {
  const content = input.content.trim();
  const attachments = input.attachments ?? [];
  if (!content && attachments.length === 0) return;
  const existing = input.chatId ? await getChat(storage.db, input.chatId) : undefined;
  const options = existing ?? useUiStore.getState().newChatOptions;
  const config = await resolveModel(storage, options);
  if (!config) throw new UserFacingError('no_model');
  // Images are counted here at their fixed figure; a file's text is only known once read, when the answer
  // runner fits the context and says so if the question is still too long.
  const images = attachments.filter((attachment) => attachmentKind(attachment) === 'image').length;
  if (questionOverflow({ config, chat: options, content, extraTokens: images * imageTokens })) {
    throw new UserFacingError('too_long');
  }
  const chat = existing ?? (await createChat(storage, options));
  if (!existing) resetNewChatOptions();
  if (!browserServices().isOnline()) {
    await appendQueuedQuestion(storage, { chatId: chat.id, content, attachments });
    setDraft(input.chatId, '');
    clearPendingAttachments(input.chatId);
    if (!existing) selectChat(chat.id);
    return;
  }
  const { answer } = await appendQuestion(storage, { chatId: chat.id, content, model: config.modelId, attachments });
  setDraft(input.chatId, '');
  clearPendingAttachments(input.chatId);
  if (!existing) selectChat(chat.id);
  void runAnswer(storage, answer);
}

/**
 * Asks again for an answer (regenerate, or retry after an error): a new version of the answer, shown
 * and streaming; the old one stays, one switch away.
 */
export async function regenerateAnswer(storage: Storage, answerId: string): Promise<void> {
  const answer = await getMessage(storage.db, answerId);
  const chat = answer ? await getChat(storage.db, answer.chatId) : undefined;
  const config = await resolveModel(storage, chat);
  if (!config) throw new UserFacingError('no_model');
  const fresh = await addAnswerVersion(storage, { answerId, model: config.modelId });
  void runAnswer(storage, fresh);
}

/**
 * Sends an edited question as a new version of it, with a new answer that streams; the old question and
 * everything below it stay, one switch away. `attachments` are the files the edited version keeps.
 */
export async function resendEdited(
  storage: Storage,
  input: { questionId: string; content: string; attachments?: readonly Attachment[] },
): Promise<void> {
  const content = input.content.trim();
  const attachments = input.attachments ?? [];
  if (!content && attachments.length === 0) return;
  const question = await getMessage(storage.db, input.questionId);
  const chat = question ? await getChat(storage.db, question.chatId) : undefined;
  const config = await resolveModel(storage, chat);
  if (!config) throw new UserFacingError('no_model');
  const answer = await addQuestionVersion(storage, {
    questionId: input.questionId,
    content,
    model: config.modelId,
    attachments,
  });
  setEditingMessage(null);
  void runAnswer(storage, answer);
}

/** Deletes a message and everything below it, in every branch; answers streaming there stop. */
export async function removeMessage(storage: Storage, messageId: string): Promise<void> {
  for (const id of await deleteMessage(storage, messageId)) {
    stopAnswer(id);
    forgetAnswer(id);
  }
  scheduleBlobSweep(storage.db); // the deleted messages' files, if no other message names them
}

/** Shows another version of a message on screen (its branch, down to the newest message in it). */
export async function switchVersion(storage: Storage, input: { chatId: string; messageId: string }): Promise<void> {
  await showBranch(storage, input);
}

/** "New chat from here": a new chat with the branch down to this message, opened at once. */
export async function forkFromMessage(storage: Storage, messageId: string): Promise<void> {
  const chat = await forkChat(storage, messageId);
  if (chat) selectChat(chat.id);
}
