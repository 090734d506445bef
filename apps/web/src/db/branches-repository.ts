import { type BranchVersions, branchTo, forkBranch, subtreeOf } from '@hearth/core';
import { type Chat, chatSchema, type Message, messageSchema } from '@hearth/schema';
import type { AppDatabase } from './app-database.ts';
import { chatReader, chatTree, getMessage } from './messages-repository.ts';
import { isLive, nextVersion } from './record-versions.ts';
import { recordContext, type Storage } from './storage.ts';

/** A message of the branch on screen, with its versions ("‹ 2 / 3 ›"). */
export interface ShownMessage {
  message: Message;
  /** Its place on screen, the same whichever of its versions shows: the id of its parent ('' for a first message). */
  place: string;
  versions: BranchVersions;
}

/**
 * The newest `limit` messages of the branch a chat shows (docs/records.md, "Branches"), oldest first,
 * each with its versions, and whether the branch goes further up. Read through the indexes a page at a
 * time, so a long chat costs about the page shown, not the whole chat.
 */
export async function shownBranchPage(
  db: AppDatabase,
  chatId: string,
  limit: number,
): Promise<{ messages: ShownMessage[]; hasEarlier: boolean }> {
  // No transaction of its own: it runs in a live query, whose reads Dexie may answer from its cache
  // without touching IndexedDB, which would let a transaction commit under it. The live query reads
  // again whenever anything it read changes, so a page read across a write is replaced at once.
  const chat = await db.chats.get(chatId);
  if (!isLive(chat)) return { messages: [], hasEarlier: false };
  const reader = chatReader(db, chatId);
  // Most branches on screen are the chat's newest messages: read them at once.
  await reader.prefetch(limit * 2);
  const page = await reader.shownPage(chat.shownLeafId, limit);
  const messages = page.messages.map(({ message, parent, versions }) => ({
    message,
    place: parent?.id ?? '',
    versions,
  }));
  return { messages, hasEarlier: page.hasEarlier };
}

/** Shows the branch through a message (another version of one on screen): down to its newest message. */
export async function showBranch(storage: Storage, input: { chatId: string; messageId: string }): Promise<void> {
  const { db } = storage;
  await db.transaction('rw', db.chats, db.messages, async () => {
    const chat = await db.chats.get(input.chatId);
    const message = await getMessage(db, input.messageId);
    if (!isLive(chat) || message?.chatId !== chat.id) return;
    const leaf = await chatReader(db, chat.id).newestUnder(message);
    if (leaf.id === chat.shownLeafId) return;
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
