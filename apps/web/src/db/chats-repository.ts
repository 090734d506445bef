import { newChat } from '@hearth/core';
import { type Chat, chatSchema } from '@hearth/schema';
import type { AppDatabase } from './app-database.ts';
import { isLive, nextVersion, tombstoneFor } from './record-versions.ts';
import { recordContext, type Storage } from './storage.ts';

type ChatFields = Partial<Pick<Chat, 'title' | 'systemPrompt' | 'modelConfigId' | 'params' | 'pinned'>>;

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

/** One live chat, or undefined when it does not exist or was deleted. */
export async function getChat(db: AppDatabase, id: string): Promise<Chat | undefined> {
  const chat = await db.chats.get(id);
  return isLive(chat) ? chat : undefined;
}

/** The live message rows of a chat, in conversation order (tombstones carry no chat, so none are here). */
export function messagesOf(db: AppDatabase, chatId: string) {
  return db.messages.where('[chatId+createdAt]').between([chatId, -Infinity], [chatId, Infinity], true, true);
}
