import { initialAnswerState } from '@hearth/core';
import type { SyncRecord } from '@hearth/schema';
import { createChat, deleteChat } from '../../db/chats-repository.ts';
import { appendQuestion, saveAnswer, setFeedback } from '../../db/messages-repository.ts';
import { saveModelConfig } from '../../db/model-configs-repository.ts';
import { setSetting } from '../../db/settings-repository.ts';
import type { Storage } from '../../db/storage.ts';

export const secret = 'sk-canary-0123456789';
export const relayToken = 'relay-canary-token-abcdefghijkl';

/** A history with every kind of record an archive must keep, and the things it must never hold. */
export async function seedHistory(storage: Storage) {
  const { db } = storage;
  const config = await saveModelConfig(storage, {
    fields: {
      name: 'M',
      provider: 'custom',
      baseUrl: 'http://127.0.0.1:9/v1',
      modelId: 'm',
      headers: {},
      connection: 'auto',
    },
    apiKey: secret,
  });
  await setSetting(storage, 'defaultModelConfigId', config.id);
  await setSetting(storage, 'theme', 'dark');
  await setSetting(storage, 'relayToken', relayToken);
  const first = await createChat(storage, { title: 'First' });
  const { answer } = await appendQuestion(storage, { chatId: first.id, content: 'hello', model: 'm' });
  await saveAnswer(storage, {
    id: answer.id,
    state: {
      ...initialAnswerState(),
      content: 'hi there',
      reasoning: 'a greeting',
      status: 'done',
      error: null,
      usage: { promptTokens: 1, completionTokens: 2, totalTokens: 3 },
    },
  });
  await setFeedback(storage, answer.id, { rating: 5, comment: 'great' });
  // Written by a newer app version: unknown fields at the top and nested.
  const chat = await db.chats.get(first.id);
  await db.chats.put({ ...chat, folder: { id: 'f1', tags: ['a'] }, params: { topP: 0.5 } } as never);
  // Many messages in one millisecond: pages must resume inside equal index keys.
  const crowded = await createChat(storage, { title: 'Crowded' });
  const base = (await db.messages.get(answer.id)) as SyncRecord['record'] & Record<string, unknown>;
  const ids = Array.from(
    { length: 9 },
    (_, index) => `01890a5e-0f00-7a2b-8c3d-4e5f607182${String(index).padStart(2, '0')}`,
  );
  await db.messages.bulkPut(ids.map((id) => ({ ...base, id, chatId: crowded.id, createdAt: 5 }) as never));
  // A message whose chat is gone, a deleted chat (tombstones) and a record held for a newer version.
  await db.messages.put({
    ...base,
    id: '01890a5e-0f00-7a2b-8c3d-4e5f60718299',
    chatId: '01890a5d-0000-7000-8000-000000000000',
  } as never);
  const doomed = await createChat(storage, { title: 'Doomed' });
  await appendQuestion(storage, { chatId: doomed.id, content: 'bye', model: 'm' });
  await deleteChat(storage, doomed.id);
  await db.held.put({
    key: 'folders\u0000f1',
    change: { table: 'folders', record: { id: 'f1', updatedAt: base.updatedAt, deleted: false, name: 'Work' } },
  });
}
