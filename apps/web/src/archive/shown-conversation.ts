import type { Message } from '@hearth/schema';
import type { AppDatabase } from '../db/app-database.ts';
import { listMessages } from '../db/messages-repository.ts';

/**
 * The messages of the branch a chat shows, in order: what a Markdown export and the print view hold.
 * The one place that decides it. Until chats are trees (parentId, shownLeafId and core's helpers for the
 * shown path), that is every live message by time, then id; switch this to the shown path then.
 */
export async function shownConversation(db: AppDatabase, chatId: string): Promise<Message[]> {
  return listMessages(db, chatId);
}
