import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AppDatabase } from './app-database.ts';

describe('database upgrades', () => {
  it('v1 -> v3 gives every chat the time of its newest message, or its creation time', async () => {
    const indexedDB = new IDBFactory();
    // Write data the way version 1 of the app did.
    const v1 = new Dexie('upgrade', { indexedDB, IDBKeyRange });
    v1.version(1).stores({
      chats: 'id, updatedAt',
      messages: 'id, [chatId+createdAt], updatedAt',
      modelConfigs: 'id, updatedAt',
      settings: 'key, updatedAt',
      secrets: 'modelConfigId',
      meta: 'key',
    });
    await v1.table('chats').bulkAdd([
      { id: 'busy', createdAt: 100, title: 'busy' },
      { id: 'empty', createdAt: 200, title: 'empty' },
    ]);
    await v1.table('messages').bulkAdd([
      { id: 'm1', chatId: 'busy', createdAt: 150, status: 'done' },
      { id: 'm2', chatId: 'busy', createdAt: 900, status: 'streaming' },
    ]);
    v1.close();

    const db = new AppDatabase('upgrade', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(3);
    const chats = await db.chats.orderBy('lastActivityAt').toArray();
    expect(chats.map((c) => [c.id, c.lastActivityAt])).toEqual([
      ['empty', 200],
      ['busy', 900],
    ]);
    // The new status index finds unfinished answers.
    expect((await db.messages.where('status').equals('streaming').toArray()).map((m) => m.id)).toEqual(['m2']);
    // The upgrade kept every message, and did not count its own rewrites as changes to push.
    expect(await db.messages.count()).toBe(2);
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });
});
