// QUALITY 29 in the browser's database: a deletion leaves only the tombstone's identity and clock.
import type { Message } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { testStorage } from '../../test/test-storage.ts';
import { createChat, deleteChat } from './chats-repository.ts';
import { addAnswerVersion, appendQuestion, deleteMessage } from './messages-repository.ts';
import { deleteModelConfig, saveModelConfig } from './model-configs-repository.ts';
import { outboxKey } from './outbox-middleware.ts';

const everything = async (storage: ReturnType<typeof testStorage>) =>
  JSON.stringify(await Promise.all(storage.db.tables.map((table) => table.toArray())));

describe('deletes that forget', () => {
  it('reduce a deleted chat and every one of its messages to tombstones, each queued for push', async () => {
    const storage = testStorage();
    const chat = await createChat(storage, { title: 'canary-chat-title' });
    const ids: string[] = [];
    for (let turn = 0; turn < 30; turn++) {
      const { question, answer } = await appendQuestion(storage, {
        chatId: chat.id,
        content: `canary ${turn}`,
        model: 'm',
      });
      ids.push(question.id, answer.id);
    }
    await storage.db.outbox.clear();
    await deleteChat(storage, chat.id);
    expect(await storage.db.chats.get(chat.id)).toEqual({ id: chat.id, updatedAt: expect.any(String), deleted: true });
    for (const id of ids) {
      expect(await storage.db.messages.get(id)).toEqual({ id, updatedAt: expect.any(String), deleted: true });
    }
    const queued = (await storage.db.outbox.toArray()).map((entry) => entry.key).sort();
    expect(queued).toEqual([outboxKey('chats', chat.id), ...ids.map((id) => outboxKey('messages', id))].sort());
    expect(await everything(storage)).not.toContain('canary');
  });

  it('forget a deleted message with every version below it, and a deleted model configuration', async () => {
    const storage = testStorage();
    const chat = await createChat(storage, { title: 'kept' });
    const { question, answer } = await appendQuestion(storage, {
      chatId: chat.id,
      content: 'canary-question',
      model: 'm',
    });
    const answered: Message = { ...answer, content: 'canary-answer' };
    await storage.db.messages.put(answered);
    const again = await addAnswerVersion(storage, { answerId: answer.id, model: 'm' });
    const againAnswered: Message = { ...again, content: 'canary-second-answer' };
    await storage.db.messages.put(againAnswered);
    // Deleting the question takes both versions of its answer with it.
    await deleteMessage(storage, question.id);
    const config = await saveModelConfig(storage, {
      fields: {
        name: 'canary-config',
        provider: 'custom',
        baseUrl: 'http://127.0.0.1:9/v1',
        modelId: 'm',
        headers: {},
        connection: 'auto',
      },
      apiKey: 'canary-key',
    });
    await deleteModelConfig(storage, config.id);
    expect(await everything(storage)).not.toContain('canary');
  });
});
