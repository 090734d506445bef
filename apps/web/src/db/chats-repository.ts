import { newChat } from '@hearth/core';
import { type Chat, chatSchema } from '@hearth/schema';
import type { AppDatabase } from './app-database.ts';
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
    if (!chat || chat.deleted) return;
    await storage.db.chats.put(chatSchema.parse({ ...chat, ...fields, updatedAt: storage.clock.tick() }));
  });
}

/** Deletes a chat and its messages, as tombstones so the deletion can reach other devices. */
export async function deleteChat(storage: Storage, id: string): Promise<void> {
  const { db, clock } = storage;
  await db.transaction('rw', db.chats, db.messages, async () => {
    const chat = await db.chats.get(id);
    if (!chat) return;
    await db.chats.put({ ...chat, deleted: true, updatedAt: clock.tick() });
    await messagesOf(db, id).modify((message) => {
      message.deleted = true;
      message.updatedAt = clock.tick();
    });
  });
}

/** The chats to list: pinned first, then by last activity, newest first. */
export async function listChats(db: AppDatabase): Promise<Chat[]> {
  const chats = await db.chats
    .orderBy('lastActivityAt')
    .reverse()
    .filter((chat) => !chat.deleted)
    .toArray();
  return [...chats.filter((chat) => chat.pinned), ...chats.filter((chat) => !chat.pinned)];
}

/** One live chat, or undefined when it does not exist or was deleted. */
export async function getChat(db: AppDatabase, id: string): Promise<Chat | undefined> {
  const chat = await db.chats.get(id);
  return chat && !chat.deleted ? chat : undefined;
}

/** Every message row of a chat, deleted ones included, in conversation order. */
export function messagesOf(db: AppDatabase, chatId: string) {
  return db.messages.where('[chatId+createdAt]').between([chatId, -Infinity], [chatId, Infinity], true, true);
}
