import type { Chat } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { testStorage } from '../../test/test-storage.ts';
import { dexieLocalStore } from '../sync/dexie-local-store.ts';
import { createChat, deleteChat, listChatWindow, updateChat } from './chats-repository.ts';
import type { Storage } from './storage.ts';

async function chatsAt(storage: Storage, count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await createChat(storage);
    const chat: Chat = { ...created, lastActivityAt: 1_000 + i, title: `chat ${i}` };
    await storage.db.chats.put(chat);
    ids.push(created.id);
  }
  return ids;
}

const titles = async (storage: Storage, limit: number) =>
  (await listChatWindow(storage.db, limit)).chats.map((chat) => chat.title);

describe('the chat list window', () => {
  it('shows every pinned chat first, however old, then the newest others, and counts every live chat', async () => {
    const storage = testStorage();
    const ids = await chatsAt(storage, 8);
    await updateChat(storage, ids[0] ?? '', { pinned: true });
    await updateChat(storage, ids[3] ?? '', { pinned: true });
    await deleteChat(storage, ids[7] ?? '');
    expect(await titles(storage, 3)).toEqual(['chat 3', 'chat 0', 'chat 6', 'chat 5', 'chat 4']);
    expect((await listChatWindow(storage.db, 3)).total).toBe(7);
  });

  it('follows every writer of a chat: unpinning, deleting, and the sync engine pinning one', async () => {
    const storage = testStorage();
    const ids = await chatsAt(storage, 4);
    await updateChat(storage, ids[0] ?? '', { pinned: true });
    await updateChat(storage, ids[1] ?? '', { pinned: true });
    await updateChat(storage, ids[0] ?? '', { pinned: false });
    await deleteChat(storage, ids[1] ?? '');
    expect(await storage.db.pinnedChats.count()).toBe(0);

    // A chat pinned on another device arrives through the sync engine's own transaction.
    const remote = await storage.db.chats.get(ids[2] ?? '');
    await dexieLocalStore(storage.db).transaction((access) =>
      access.putRecords([
        { table: 'chats', record: { ...remote, pinned: true, updatedAt: storage.clock.tick() } as never },
      ]),
    );
    expect(await titles(storage, 1)).toEqual(['chat 2', 'chat 3']);
  });
});
