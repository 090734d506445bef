import type { Chat } from '@hearth/schema';
import { scheduleBlobSweep } from '../attachments/blob-sweep-schedule.ts';
import { deleteChat, updateChat } from '../db/chats-repository.ts';
import type { Storage } from '../db/storage.ts';
import { selectChat, useUiStore } from '../state/ui-store.ts';
import { stopChatAnswers } from './answer-sessions.ts';

type ChatOptions = Partial<Pick<Chat, 'title' | 'systemPrompt' | 'modelConfigId' | 'params' | 'pinned'>>;

/**
 * Changes a chat's own options: title, system prompt, model, params, pin. A blank title is ignored; a title
 * given here is the person's, which a generated title never replaces.
 */
export async function changeChat(storage: Storage, chatId: string, options: ChatOptions): Promise<void> {
  const title = options.title?.trim();
  if (options.title !== undefined && !title) return;
  await updateChat(storage, chatId, title ? { ...options, title, titleSource: 'person' } : options);
}

/** Deletes a chat with its messages; an answer streaming in it stops, and an open chat closes. */
export async function removeChat(storage: Storage, chatId: string): Promise<void> {
  stopChatAnswers(chatId);
  if (useUiStore.getState().selectedChatId === chatId) selectChat(null);
  await deleteChat(storage, chatId);
  scheduleBlobSweep(storage.db); // the chat's files, if no other message names them
}
