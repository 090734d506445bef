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
    expect((await phone.storage.db.settings.get('defaultModelConfigId'))?.value).toBe(config.id);
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
});
