import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { indexMarkedMessages, prepareSearchIndex } from '../search/search-index-writer.ts';
import { searchMessages } from '../search/search-messages.ts';
import { AppDatabase } from './app-database.ts';
import { shownBranchPage } from './branches-repository.ts';

/** The layout version 4 of the app wrote, for databases made the way that version made them. */
const version4Stores = {
  chats: 'id, updatedAt, lastActivityAt',
  messages: 'id, [chatId+createdAt], updatedAt, status',
  modelConfigs: 'id, updatedAt',
  settings: 'key, updatedAt',
  secrets: 'modelConfigId',
  meta: 'key',
  outbox: 'key',
  syncState: 'key',
  held: 'key',
};

describe('database upgrades', () => {
  it('v1 -> latest gives every chat the time of its newest message, or its creation time', async () => {
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
    expect(db.verno).toBe(8);
    const chats = await db.chats.orderBy('lastActivityAt').toArray();
    expect(chats.map((c) => [c.id, 'lastActivityAt' in c ? c.lastActivityAt : undefined])).toEqual([
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

  it('v3 -> v4 forgets the content of existing tombstones, the batch in flight included', async () => {
    const indexedDB = new IDBFactory();
    const canary = 'pangolin-secret';
    const v3 = new Dexie('forget', { indexedDB, IDBKeyRange });
    v3.version(3).stores({
      chats: 'id, updatedAt, lastActivityAt',
      messages: 'id, [chatId+createdAt], updatedAt, status',
      modelConfigs: 'id, updatedAt',
      settings: 'key, updatedAt',
      secrets: 'modelConfigId',
      meta: 'key',
      outbox: 'key',
      syncState: 'key',
    });
    const deletedMessage = {
      id: 'gone',
      chatId: 'c',
      createdAt: 1,
      status: 'done',
      content: canary,
      updatedAt: 'u2',
      deleted: true,
    };
    await v3
      .table('messages')
      .bulkAdd([
        deletedMessage,
        { id: 'kept', chatId: 'c', createdAt: 2, status: 'done', content: 'kept', updatedAt: 'u1', deleted: false },
      ]);
    await v3.table('chats').add({ id: 'c', title: canary, lastActivityAt: 1, updatedAt: 'u3', deleted: true });
    await v3.table('settings').add({ key: 'defaultModelConfigId', value: canary, updatedAt: 'u4', deleted: true });
    await v3
      .table('syncState')
      .put({ key: 'inFlight', value: [{ mutationId: 1, change: { table: 'messages', record: deletedMessage } }] });
    v3.close();

    const db = new AppDatabase('forget', { indexedDB, IDBKeyRange });
    await db.open();
    expect(await db.messages.get('gone')).toEqual({ id: 'gone', updatedAt: 'u2', deleted: true });
    expect(await db.messages.get('kept')).toMatchObject({ content: 'kept' });
    expect(await db.chats.get('c')).toEqual({ id: 'c', updatedAt: 'u3', deleted: true });
    expect(await db.settings.get('defaultModelConfigId')).toEqual({
      key: 'defaultModelConfigId',
      updatedAt: 'u4',
      deleted: true,
    });
    expect((await db.syncState.get('inFlight'))?.value).toEqual([
      { mutationId: 1, change: { table: 'messages', record: { id: 'gone', updatedAt: 'u2', deleted: true } } },
    ]);
    const everything = JSON.stringify(await Promise.all(db.tables.map((table) => table.toArray())));
    expect(everything).not.toContain(canary);
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });

  it('v4 -> v5 indexes the pinned chats already stored, and rewrites no synced record', async () => {
    const indexedDB = new IDBFactory();
    const v4 = new Dexie('pins', { indexedDB, IDBKeyRange });
    v4.version(4).stores(version4Stores);
    const chats = [
      { id: 'pinned', title: 'p', pinned: true, lastActivityAt: 1, updatedAt: 'u1', deleted: false },
      { id: 'plain', title: 'q', pinned: false, lastActivityAt: 2, updatedAt: 'u2', deleted: false },
      { id: 'gone', updatedAt: 'u3', deleted: true },
    ];
    await v4.table('chats').bulkAdd(chats);
    v4.close();

    const db = new AppDatabase('pins', { indexedDB, IDBKeyRange });
    await db.open();
    expect(await db.pinnedChats.toArray()).toEqual([{ id: 'pinned' }]);
    expect(await db.chats.toArray()).toEqual([...chats].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });

  it('v4 -> v5 indexes messages by parent and rewrites nothing: linear chats read as one branch in their old order', async () => {
    const indexedDB = new IDBFactory();
    const v4 = new Dexie('linear', { indexedDB, IDBKeyRange });
    v4.version(4).stores(version4Stores);
    const chatId = '01900000-0000-7000-8000-000000000000';
    const message = (id: string, createdAt: number, role: 'user' | 'assistant', content: string) => ({
      id: `01900000-0000-7000-8000-00000000000${id}`,
      updatedAt: `00170000000000${id}-000000-olddevice`,
      deleted: false,
      chatId,
      role,
      content,
      reasoning: '',
      status: 'done',
      error: null,
      model: role === 'assistant' ? 'm' : null,
      usage: null,
      createdAt,
      feedback: null,
      connection: null,
    });
    // Question and answer placeholder in the same millisecond (ordered by id), a deleted message, and a
    // version of the last answer that a newer app wrote and this device pulled (parentId kept unknown).
    const written = [
      message('1', 100, 'user', 'first'),
      message('2', 100, 'assistant', 'first answer'),
      message('3', 200, 'user', 'second'),
      message('5', 300, 'assistant', 'second answer'),
      { ...message('6', 400, 'assistant', 'second answer, again'), parentId: message('3', 0, 'user', '').id },
    ];
    await v4
      .table('messages')
      .bulkAdd([
        ...written,
        { id: '01900000-0000-7000-8000-000000000004', updatedAt: '001700000000009-000000-olddevice', deleted: true },
      ]);
    const chat = {
      id: chatId,
      updatedAt: '001700000000001-000000-olddevice',
      deleted: false,
      title: 'first',
      systemPrompt: '',
      modelConfigId: null,
      params: {},
      pinned: false,
      forkedFrom: null,
      createdAt: 100,
      lastActivityAt: 300,
    };
    await v4.table('chats').add(chat);
    const v4Tables = v4.tables.map((table) => table.name);
    const before = JSON.stringify(await Promise.all(v4.tables.map((table) => table.toArray())));
    v4.close();

    const db = new AppDatabase('linear', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(8);
    const page = await shownBranchPage(db, chatId, 100);
    expect(page.messages.map(({ message: shown }) => shown.content)).toEqual([
      'first',
      'first answer',
      'second',
      'second answer, again',
    ]);
    expect(page.messages.map(({ versions }) => versions.count)).toEqual([1, 1, 1, 2]);
    // The new index lists the message that names its parent, and only that one.
    const named = await db.messages.where('[chatId+parentId]').between([chatId, ''], [chatId, '\uffff']).toArray();
    expect(named.map((shown) => 'content' in shown && shown.content)).toEqual(['second answer, again']);
    // Every record exactly as it was, clocks included, and nothing to push.
    expect(JSON.stringify(await Promise.all(v4Tables.map((name) => db.table(name).toArray())))).toBe(before);
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });

  it('v6 -> v8 adds the device-local MCP secrets table (and the v7 search tables) and rewrites nothing', async () => {
    const indexedDB = new IDBFactory();
    const v6 = new Dexie('mcp-secrets', { indexedDB, IDBKeyRange });
    v6.version(6).stores({
      ...version4Stores,
      messages: 'id, [chatId+createdAt], updatedAt, status, [chatId+parentId]',
      pinnedChats: 'id',
      blobs: 'hash',
      blobUploads: 'hash',
    });
    await v6.open();
    await v6.table('settings').put({
      key: 'mcpServer.0190a6f1-0000-7000-8000-000000000001',
      value: { id: '0190a6f1-0000-7000-8000-000000000001', name: 'Notes' },
      updatedAt: '0000000000001:0000:dev',
      deleted: false,
    });
    const before = JSON.stringify(await Promise.all(v6.tables.map((table) => table.toArray())));
    const v6Tables = v6.tables.map((table) => table.name);
    v6.close();

    const db = new AppDatabase('mcp-secrets', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(8);
    await db.mcpSecrets.put({ mcpServerId: '0190a6f1-0000-7000-8000-000000000001', bearerToken: 't', headers: {} });
    expect(await db.mcpSecrets.count()).toBe(1);
    expect(JSON.stringify(await Promise.all(v6Tables.map((name) => db.table(name).toArray())))).toBe(before);
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });

  it('v5 -> v8 adds the search tables, rewrites no record, and the missing index is built from the old messages', async () => {
    const indexedDB = new IDBFactory();
    const v5 = new Dexie('search', { indexedDB, IDBKeyRange });
    v5.version(5).stores({
      ...version4Stores,
      messages: 'id, [chatId+createdAt], updatedAt, status, [chatId+parentId]',
      pinnedChats: 'id',
    });
    const chat = {
      id: '01900000-0000-7000-8000-0000000000c0',
      updatedAt: '001700000000001-000000-olddevice',
      deleted: false,
      title: 'old chat',
      systemPrompt: '',
      modelConfigId: null,
      params: {},
      pinned: false,
      forkedFrom: null,
      createdAt: 1,
      lastActivityAt: 2,
    };
    const message = {
      id: '01900000-0000-7000-8000-0000000000c1',
      updatedAt: '001700000000002-000000-olddevice',
      deleted: false,
      chatId: chat.id,
      role: 'user',
      content: 'Written before search existed, 搜索之前写的',
      reasoning: '',
      status: 'done',
      error: null,
      model: null,
      usage: null,
      createdAt: 2,
      feedback: null,
      connection: null,
    };
    await v5.table('chats').add(chat);
    await v5.table('messages').add(message);
    v5.close();

    const db = new AppDatabase('search', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(8);
    expect(await db.messages.toArray()).toEqual([message]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.searchState.count()).toBe(0);
    expect(await prepareSearchIndex(db)).toBe(true);
    while ((await indexMarkedMessages(db, 10)) > 0);
    expect((await searchMessages(db, 'before search', 10)).map((result) => result.messageId)).toEqual([message.id]);
    expect((await searchMessages(db, '之前', 10)).map((result) => result.messageId)).toEqual([message.id]);
    db.close();
  });
});
