import { shownBranch } from '@hearth/core';
import { showBranch } from '../db/branches-repository.ts';
import { chatTree } from '../db/messages-repository.ts';
import { isLive } from '../db/record-versions.ts';
import type { Storage } from '../db/storage.ts';
import { focusMessage } from '../state/message-focus.ts';

/**
 * Opens a chat at a message found by search. A message on a branch the chat does not show (an older
 * version of a question or an answer) has its branch shown first, as switching versions would.
 */
export async function openSearchResult(storage: Storage, input: { chatId: string; messageId: string }): Promise<void> {
  const { db } = storage;
  const chat = await db.chats.get(input.chatId);
  if (!isLive(chat)) return;
  // The whole tree, once: the branch on screen may run far above the message, and this runs on a click.
  const tree = await chatTree(db, chat.id);
  if (tree.get(input.messageId) === undefined) return;
  const onScreen = shownBranch(tree, chat.shownLeafId).some((message) => message.id === input.messageId);
  if (!onScreen) await showBranch(storage, input);
  focusMessage(input.chatId, input.messageId);
}
