import { initialAnswerState } from '@hearth/core';
import type { Chat } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { testStorage } from '../../test/test-storage.ts';
import { createChat, deleteChat, updateChat } from './chats-repository.ts';
import { appendQuestion, saveAnswer } from './messages-repository.ts';
import { saveModelConfig } from './model-configs-repository.ts';
import { outboxKey } from './outbox-middleware.ts';
import { setSetting } from './settings-repository.ts';

const fields = {
  name: 'M',
  provider: 'custom',
  baseUrl: 'http://127.0.0.1:9/v1',
  modelId: 'm',
  headers: {},
  connection: 'auto',
} as const;

describe('outbox', () => {
  it('gets one entry per changed record, however often it changed', async () => {
    const storage = testStorage();
    const chat = await createChat(storage);
    const { question, answer } = await appendQuestion(storage, { chatId: chat.id, content: 'hi', model: 'm' });
    for (let i = 0; i < 5; i++) {
      await saveAnswer(storage, {
        id: answer.id,
        state: { ...initialAnswerState(), content: `${i}`, status: 'streaming' },
      });
    }
    const keys = (await storage.db.outbox.toArray()).map((entry) => entry.key).sort();
    expect(keys).toEqual(
      [outboxKey('chats', chat.id), outboxKey('messages', question.id), outboxKey('messages', answer.id)].sort(),
    );
  });

  it('stamps the entry anew on every write, so a push read before a write never claims it', async () => {
    const storage = testStorage();
    const chat = await createChat(storage);
    const stampOf = async () => (await storage.db.outbox.get(outboxKey('chats', chat.id)))?.stamp;
    const first = await stampOf();
    await updateChat(storage, chat.id, { title: 'renamed' });
    const second = await stampOf();
    expect(first).toEqual(expect.any(String));
    expect(second).toEqual(expect.any(String));
    expect(second).not.toBe(first);
  });

  it('is written in the same transaction as the change: a failed transaction leaves neither', async () => {
    const storage = testStorage();
    const chat = await createChat(storage);
    await storage.db.outbox.clear();
    await expect(
      storage.db.transaction('rw', storage.db.chats, async () => {
        const changed: Chat = { ...chat, title: 'changed', updatedAt: storage.clock.tick() };
        await storage.db.chats.put(changed);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await storage.db.outbox.count()).toBe(0);
    expect(await storage.db.chats.get(chat.id)).toMatchObject({ title: '' });
  });

  it('records tombstones of a deleted chat and its messages', async () => {
    const storage = testStorage();
    const chat = await createChat(storage);
    const { question } = await appendQuestion(storage, { chatId: chat.id, content: 'hi', model: 'm' });
    await storage.db.outbox.clear();
    await deleteChat(storage, chat.id);
    const keys = (await storage.db.outbox.toArray()).map((entry) => entry.key);
    expect(keys).toContain(outboxKey('chats', chat.id));
    expect(keys).toContain(outboxKey('messages', question.id));
  });

  it('never holds API keys or device-local settings', async () => {
    const storage = testStorage();
    const config = await saveModelConfig(storage, { fields, apiKey: 'sk-secret' });
    await setSetting(storage, 'theme', 'dark');
    await setSetting(storage, 'relayToken', 'relay-secret-token');
    await setSetting(storage, 'defaultModelConfigId', config.id);
    const entries = await storage.db.outbox.toArray();
    expect(entries.map((entry) => entry.key).sort()).toEqual(
      [outboxKey('modelConfigs', config.id), outboxKey('settings', 'defaultModelConfigId')].sort(),
    );
    expect(JSON.stringify(entries)).not.toContain('sk-secret');
  });

  it('leaves out writes made by the sync engine itself (transactions that include syncState)', async () => {
    const storage = testStorage();
    const chat = await createChat(storage);
    await storage.db.outbox.clear();
    await storage.db.transaction('rw', storage.db.chats, storage.db.syncState, async () => {
      const pulled: Chat = { ...chat, title: 'from the server' };
      await storage.db.chats.put(pulled);
      await storage.db.syncState.put({ key: 'cursor', value: 7 });
    });
    expect(await storage.db.outbox.count()).toBe(0);
  });
});
