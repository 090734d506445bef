import {
  type BranchVersions,
  branchTo,
  forkBranch,
  newestLeafUnder,
  shownBranch,
  subtreeOf,
  versionsOf,
} from '@hearth/core';
import { type Chat, chatSchema, type Message, messageSchema } from '@hearth/schema';
import type { AppDatabase } from './app-database.ts';
import { chatTree } from './messages-repository.ts';
import { isLive, nextVersion } from './record-versions.ts';
import { recordContext, type Storage } from './storage.ts';

/** A message of the branch on screen, with its versions ("‹ 2 / 3 ›"). */
export interface ShownMessage {
  message: Message;
  /** How far down the branch it is (0: the first message): its place on screen, whichever version shows. */
  depth: number;
  versions: BranchVersions;
}

/**
 * The newest `limit` messages of the branch a chat shows (docs/records.md, "Branches"), oldest first,
 * each with its versions, and whether the branch goes further up. Only this page is rendered; the tree
 * is read whole, since a message without a parent of its own hangs below the one created before it.
 */
export async function shownBranchPage(
  db: AppDatabase,
  chatId: string,
  limit: number,
): Promise<{ messages: ShownMessage[]; hasEarlier: boolean }> {
  const chat = await db.chats.get(chatId);
  if (!isLive(chat)) return { messages: [], hasEarlier: false };
  const tree = await chatTree(db, chatId);
  const branch = shownBranch(tree, chat.shownLeafId);
  const first = Math.max(0, branch.length - limit);
  const messages = branch.slice(first).map((message, at) => ({
    message,
    depth: first + at,
    versions: versionsOf(tree, message.id) ?? { index: 1, count: 1, previousId: null, nextId: null },
  }));
  return { messages, hasEarlier: first > 0 };
}

/** Shows the branch through a message (another version of one on screen): down to its newest message. */
export async function showBranch(storage: Storage, input: { chatId: string; messageId: string }): Promise<void> {
  const { db } = storage;
  await db.transaction('rw', db.chats, db.messages, async () => {
    const chat = await db.chats.get(input.chatId);
    if (!isLive(chat)) return;
    const leaf = newestLeafUnder(await chatTree(db, input.chatId), input.messageId);
    if (leaf === undefined || leaf.id === chat.shownLeafId) return;
    await db.chats.put(
      nextVersion(chatSchema, chat, { ...chat, shownLeafId: leaf.id, updatedAt: storage.clock.tick() }),
    );
  });
}

/** How many messages deleting this one takes with it (everything below it, in every branch). */
export async function messagesBelow(db: AppDatabase, messageId: string): Promise<number> {
  const message = await db.messages.get(messageId);
  if (!isLive(message)) return 0;
  return Math.max(0, subtreeOf(await chatTree(db, message.chatId), messageId).length - 1);
}

/**
 * "New chat from here": a new chat with copies of the branch down to this message (core's forkBranch),
 * stored in one transaction. Undefined when the message or its chat is gone.
 */
export async function forkChat(storage: Storage, messageId: string): Promise<Chat | undefined> {
  const { db } = storage;
  return db.transaction('rw', db.chats, db.messages, async () => {
    const message = await db.messages.get(messageId);
    const chat = isLive(message) ? await db.chats.get(message.chatId) : undefined;
    if (!isLive(message) || !isLive(chat)) return undefined;
    const branch = branchTo(await chatTree(db, chat.id), messageId);
    const fork = forkBranch(recordContext(storage), { chat, branch });
    if (fork === undefined) return undefined;
    const forked = chatSchema.parse(fork.chat);
    await db.chats.add(forked);
    await db.messages.bulkAdd(fork.messages.map((copy) => messageSchema.parse(copy)));
    return forked;
  });
}
