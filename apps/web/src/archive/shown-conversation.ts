import { shownBranch } from '@hearth/core';
import type { Message } from '@hearth/schema';
import type { AppDatabase } from '../db/app-database.ts';
import { chatTree } from '../db/messages-repository.ts';
import { isLive } from '../db/record-versions.ts';

/**
 * The messages of the branch a chat shows, in order (docs/records.md, "Branches"): what a Markdown export
 * and the print view hold. The one place that decides it; other versions stay out, as on screen.
 */
export async function shownConversation(db: AppDatabase, chatId: string): Promise<Message[]> {
  const chat = await db.chats.get(chatId);
  if (!isLive(chat)) return [];
  return shownBranch(await chatTree(db, chatId), chat.shownLeafId);
}
