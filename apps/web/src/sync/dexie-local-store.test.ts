import { newChat, uuidV7 } from '@hearth/core';
import type { Chat } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { testStorage } from '../../test/test-storage.ts';
import { dexieLocalStore } from './dexie-local-store.ts';

describe('the sync engine reading records', () => {
  it('finds exactly the stored ones among many wanted, in the order asked, whether stored or not', async () => {
    const storage = testStorage();
    const context = { clock: storage.clock, nowMs: Date.now() };
    const stored: Chat[] = Array.from({ length: 150 }, () => newChat(context, { title: 'kept' }));
    await storage.db.chats.bulkPut(stored);
    const absent = Array.from({ length: 150 }, () => uuidV7());
    // Stored and absent ids interleaved, so the absent ones fall inside the range of the stored ones.
    const wanted = stored.flatMap((chat, index) => [chat.id, absent[index] ?? '']).reverse();
    const refs = [...wanted.map((key) => ({ table: 'chats', key })), { table: 'settings', key: 'theme' }];

    const found = await dexieLocalStore(storage.db).read((access) => access.getRecords(refs));
    const byId = new Map(stored.map((chat) => [chat.id, chat]));
    expect(found).toEqual(
      refs.map((ref) => {
        const chat = byId.get(ref.key);
        return chat === undefined ? undefined : { table: 'chats', record: chat };
      }),
    );
  });
});
