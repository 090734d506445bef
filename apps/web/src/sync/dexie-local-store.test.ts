import { defaultPushLimits, HybridClock, initialAnswerState, runSyncRound, type SyncContext } from '@hearth/core';
import { ReferenceSyncServer, referenceTransport } from '@hearth/core/sync-test';
import { describe, expect, it } from 'vitest';
import { testStorage } from '../../test/test-storage.ts';
import { createChat, deleteChat, listChats } from '../db/chats-repository.ts';
import { appendQuestion, listMessages, saveAnswer } from '../db/messages-repository.ts';
import { saveModelConfig } from '../db/model-configs-repository.ts';
import { setSetting } from '../db/settings-repository.ts';
import type { Storage } from '../db/storage.ts';
import { dexieLocalStore } from './dexie-local-store.ts';

function device(server: ReferenceSyncServer, name: string): { storage: Storage; context: SyncContext } {
  const storage = testStorage();
  storage.clock = new HybridClock({ deviceId: name });
  return {
    storage,
    context: {
      store: dexieLocalStore(storage.db),
      transport: referenceTransport(server, name),
      clock: storage.clock,
      limits: defaultPushLimits,
    },
  };
}

describe('the Dexie store under the sync engine', () => {
  it('carries chats, messages, model configs and shared settings between devices, but no secrets', async () => {
    const server = new ReferenceSyncServer({ now: Date.now });
    const laptop = device(server, 'laptop');
    const phone = device(server, 'phone');
    const chat = await createChat(laptop.storage);
    const { answer } = await appendQuestion(laptop.storage, { chatId: chat.id, content: 'hello', model: 'm' });
    await saveAnswer(laptop.storage, {
      id: answer.id,
      state: { ...initialAnswerState(), content: 'hi!', status: 'done' },
    });
    const config = await saveModelConfig(laptop.storage, {
      fields: {
        name: 'M',
        provider: 'custom',
        baseUrl: 'http://127.0.0.1:9/v1',
        modelId: 'm',
        headers: {},
        connection: 'auto',
      },
      apiKey: 'sk-never-leaves',
    });
    await setSetting(laptop.storage, 'defaultModelConfigId', config.id);
    await setSetting(laptop.storage, 'theme', 'dark');

    await runSyncRound(laptop.context);
    await runSyncRound(phone.context);

    expect((await listChats(phone.storage.db)).map((c) => c.id)).toEqual([chat.id]);
    expect((await listMessages(phone.storage.db, chat.id)).map((m) => m.content)).toEqual(['hello', 'hi!']);
    expect(await phone.storage.db.modelConfigs.get(config.id)).toMatchObject({ name: 'M' });
    expect(await phone.storage.db.secrets.count()).toBe(0);
    expect(await phone.storage.db.settings.get('defaultModelConfigId')).toMatchObject({ value: config.id });
    expect(await phone.storage.db.settings.get('theme')).toBeUndefined();
    expect(JSON.stringify(server.records())).not.toContain('sk-never-leaves');
    // Pulled records are the server's, not new local changes: nothing to push back.
    expect(await phone.storage.db.outbox.count()).toBe(0);
    expect(await laptop.storage.db.outbox.count()).toBe(0);
  });

  it('pushes an answer once it has ended, not while it streams', async () => {
    const server = new ReferenceSyncServer({ now: Date.now });
    const laptop = device(server, 'laptop');
    const chat = await createChat(laptop.storage);
    const { answer } = await appendQuestion(laptop.storage, { chatId: chat.id, content: 'q', model: 'm' });
    await saveAnswer(laptop.storage, {
      id: answer.id,
      state: { ...initialAnswerState(), content: 'par', status: 'streaming' },
    });
    await runSyncRound(laptop.context);
    expect(server.records().some((change) => change.table === 'messages' && change.record.id === answer.id)).toBe(
      false,
    );

    await saveAnswer(laptop.storage, {
      id: answer.id,
      state: { ...initialAnswerState(), content: 'partial done', status: 'done' },
    });
    await runSyncRound(laptop.context);
    const pushed = server.records().find((change) => change.table === 'messages' && change.record.id === answer.id);
    expect(pushed?.record).toMatchObject({ content: 'partial done', status: 'done' });
  });

  it('propagates a delete as a tombstone that stays deleted', async () => {
    const server = new ReferenceSyncServer({ now: Date.now });
    const laptop = device(server, 'laptop');
    const phone = device(server, 'phone');
    const chat = await createChat(laptop.storage, { title: 'doomed' });
    await runSyncRound(laptop.context);
    await runSyncRound(phone.context);
    expect(await listChats(phone.storage.db)).toHaveLength(1);
    await deleteChat(phone.storage, chat.id);
    await runSyncRound(phone.context);
    await runSyncRound(laptop.context);
    expect(await listChats(laptop.storage.db)).toEqual([]);
    expect((await laptop.storage.db.chats.get(chat.id))?.deleted).toBe(true);
  });

  it('holds what a newer app version wrote and this one cannot read, and releases it once readable', async () => {
    const server = new ReferenceSyncServer({ now: Date.now });
    const laptop = device(server, 'laptop');
    const chat = await createChat(laptop.storage, { title: 'shared' });
    await runSyncRound(laptop.context);
    const [stored] = server.records();
    if (stored?.table !== 'chats' || stored.record.deleted) throw new Error('pushed');
    // A newer version changed the chat with a value this one does not know, and added a table.
    const newerChat = {
      table: 'chats',
      record: { ...stored.record, pinned: 'folder-top', updatedAt: later(stored.record.updatedAt) },
    };
    const attachment = {
      table: 'attachments',
      record: { id: 'a1', updatedAt: stored.record.updatedAt, deleted: false, size: 3 },
    };
    const pages = [{ records: [newerChat, attachment], cursor: 9, hasMore: false }];
    const reader = {
      ...laptop.context,
      transport: {
        push: laptop.context.transport.push,
        pull: async () => pages.shift() ?? { records: [], cursor: 9, hasMore: false },
      },
    };
    await runSyncRound(reader as SyncContext);
    // Held, not shown, and not editable over: the older readable version is gone from the tables.
    expect(await listChats(laptop.storage.db)).toEqual([]);
    expect((await laptop.storage.db.held.toArray()).map((row) => row.change)).toEqual([attachment, newerChat]);
    expect(await laptop.storage.db.outbox.count()).toBe(0);
    expect((await dexieLocalStore(laptop.storage.db).transaction((access) => access.listRecordRefs())).length).toBe(2);

    // Once readable (here: a held version this version does read), the first round of an engine releases it.
    await laptop.storage.db.held.put({
      key: `chats\u0000${chat.id}`,
      change: { table: 'chats', record: { ...stored.record, updatedAt: later(newerChat.record.updatedAt) } },
    });
    await runSyncRound(laptop.context, { push: false, pull: false, pokes: [], releaseHeld: true });
    expect((await listChats(laptop.storage.db)).map((c) => c.id)).toEqual([chat.id]);
    expect((await laptop.storage.db.held.toArray()).map((row) => row.change.table)).toEqual(['attachments']);
  });
});

/** A clock just after `clock` on the same device. */
function later(clock: string): string {
  const [wall, counter, device] = clock.split('-');
  return `${wall}-${(Number.parseInt(counter ?? '0', 36) + 1).toString(36).padStart(6, '0')}-${device}`;
}
