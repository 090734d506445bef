import { newChat } from '@hearth/core';
import { type Chat, chatSchema } from '@hearth/schema';
import type { AppDatabase } from './app-database.ts';
import { isLive, nextVersion, tombstoneFor } from './record-versions.ts';
import { recordContext, type Storage } from './storage.ts';

type ChatFields = Partial<Pick<Chat, 'title' | 'titleSource' | 'systemPrompt' | 'modelConfigId' | 'params' | 'pinned'>>;

/** Creates an empty chat. */
export async function createChat(storage: Storage, fields: ChatFields = {}): Promise<Chat> {
  const chat = chatSchema.parse({ ...newChat(recordContext(storage)), ...fields });
  await storage.db.chats.add(chat);
  return chat;
}

/** Changes a chat's own fields (title, system prompt, model, params, pin); activity order is unchanged. */
export async function updateChat(storage: Storage, id: string, fields: ChatFields): Promise<void> {
  await storage.db.transaction('rw', storage.db.chats, async () => {
    const chat = await storage.db.chats.get(id);
    if (!isLive(chat)) return;
    await storage.db.chats.put(nextVersion(chatSchema, chat, { ...chat, ...fields, updatedAt: storage.clock.tick() }));
  });
}

/**
 * Gives a chat the title its model generated, only while its title is still `expected` (the one taken from
 * its first message) and nobody titled it: a title the person set, typed meanwhile or on another device,
 * is never replaced. True when the title was written.
 */
export async function setGeneratedTitle(
  storage: Storage,
  input: { chatId: string; expected: string; title: string },
): Promise<boolean> {
  return storage.db.transaction('rw', storage.db.chats, async () => {
    const chat = await storage.db.chats.get(input.chatId);
    if (!isLive(chat) || chat.titleSource !== undefined || chat.title !== input.expected) return false;
    const next = { ...chat, title: input.title, titleSource: 'generated' as const, updatedAt: storage.clock.tick() };
    await storage.db.chats.put(nextVersion(chatSchema, chat, next));
    return true;
  });
}

/**
 * Deletes a chat and its messages. Each becomes a tombstone that keeps only its id and the deletion's
 * clock, so the deletion reaches other devices and the text is gone from this one.
 */
export async function deleteChat(storage: Storage, id: string): Promise<void> {
  const { db, clock } = storage;
  await db.transaction('rw', db.chats, db.messages, async () => {
    const chat = await db.chats.get(id);
    if (!isLive(chat)) return;
    await db.chats.put(tombstoneFor(id, clock.tick()));
    const messageIds = (await messagesOf(db, id).primaryKeys()).map(String);
    await db.messages.bulkPut(messageIds.map((messageId) => tombstoneFor(messageId, clock.tick())));
  });
}

/** The chats to list: pinned first, then by last activity, newest first. */
export async function listChats(db: AppDatabase): Promise<Chat[]> {
  // Tombstones have no `lastActivityAt`, so the index never lists them; the filter narrows the type.
  const chats = (await db.chats.orderBy('lastActivityAt').reverse().toArray()).filter(isLive);
  return [...chats.filter((chat) => chat.pinned), ...chats.filter((chat) => !chat.pinned)];
}

/** What the chat list shows without a search: the pinned chats and a window of the newest others. */
export interface ChatWindow {
  /** Every pinned chat, then at most `limit` others; each part by last activity, newest first. */
  chats: Chat[];
  /** How many live chats there are in all. */
  total: number;
}

/**
 * The chat list without a search. It reads the pinned chats (their index, pinned-chats-index.ts) and
 * the newest others, never every chat: with thousands of chats a full read after each change kept the
 * database busy for tens of milliseconds, and every write and sync push waited behind it.
 */
export async function listChatWindow(db: AppDatabase, limit: number): Promise<ChatWindow> {
  const [pinnedIds, total] = await Promise.all([
    db.pinnedChats.toCollection().primaryKeys(),
    // Tombstones have no `lastActivityAt`, so counting the index counts live chats.
    db.chats.orderBy('lastActivityAt').count(),
  ]);
  const [pinnedRows, newestRows] = await Promise.all([
    db.chats.bulkGet(pinnedIds),
    db.chats
      .orderBy('lastActivityAt')
      .reverse()
      .limit(limit + pinnedIds.length)
      .toArray(),
  ]);
  const pinned = pinnedRows
    .filter(isLive)
    .filter((chat) => chat.pinned)
    .sort((a, b) => b.lastActivityAt - a.lastActivityAt);
  const pinnedIdSet = new Set(pinned.map((chat) => chat.id));
  const others = newestRows
    .filter(isLive)
    .filter((chat) => !pinnedIdSet.has(chat.id))
    .slice(0, limit);
  return { chats: [...pinned, ...others], total };
}

/** One live chat, or undefined when it does not exist or was deleted. */
export async function getChat(db: AppDatabase, id: string): Promise<Chat | undefined> {
  const chat = await db.chats.get(id);
  return isLive(chat) ? chat : undefined;
}

/** The live message rows of a chat, in conversation order (tombstones carry no chat, so none are here). */
export function messagesOf(db: AppDatabase, chatId: string) {
  return db.messages.where('[chatId+createdAt]').between([chatId, -Infinity], [chatId, Infinity], true, true);
}
