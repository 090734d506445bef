import { initialAnswerState, readArchive } from '@hearth/core';
import type { SyncRecord, WireRecord } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { testStorage } from '../../test/test-storage.ts';
import { createChat, deleteChat } from '../db/chats-repository.ts';
import { appendQuestion, saveAnswer, setFeedback } from '../db/messages-repository.ts';
import { saveModelConfig } from '../db/model-configs-repository.ts';
import { setSetting } from '../db/settings-repository.ts';
import type { Storage } from '../db/storage.ts';
import { blobDestination } from './blob-destination.ts';
import { exportArchive } from './export-archive.ts';
import { streamChunks } from './stream-chunks.ts';

const secret = 'sk-canary-0123456789';
const relayToken = 'relay-canary-token-abcdefghijkl';

/** A history with every kind of record an archive must keep, and the things it must never hold. */
async function seedHistory(storage: Storage) {
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

async function exportText(
  storage: Storage,
  options: { pageSize: number; gzip: boolean },
): Promise<{ text: string; bytes: Uint8Array }> {
  const destination = blobDestination('application/jsonl');
  await exportArchive({ db: storage.db, destination: destination.writable, appVersion: '0.1.0', ...options });
  const blob = destination.blob();
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const stream = options.gzip ? blob.stream().pipeThrough(new DecompressionStream('gzip')) : blob.stream();
  return { text: await new Response(stream).text(), bytes };
}

async function storedSyncedRecords(storage: Storage): Promise<WireRecord[]> {
  const { db } = storage;
  const tables = ['chats', 'messages', 'modelConfigs', 'settings'] as const;
  const all: WireRecord[] = [];
  for (const table of tables) {
    for (const record of await db.table(table).toArray()) all.push({ table, record } as WireRecord);
  }
  for (const row of await db.held.toArray()) all.push(row.change);
  return all.filter(
    (change) => !(change.table === 'settings' && ['theme', 'relayToken'].includes(String(change.record.key))),
  );
}

describe('exportArchive', () => {
  it.each([1, 2, 3, 7, 500])(
    'writes every synced record once, in archive order, reading %i records a page',
    async (pageSize) => {
      const storage = testStorage();
      await seedHistory(storage);
      const { text } = await exportText(storage, { pageSize, gzip: false });

      const entries = [];
      for await (const entry of readArchive(streamChunks(new Blob([text]).stream()))) entries.push(entry);
      const written: WireRecord[] = entries.flatMap((entry) =>
        entry.kind === 'record' || entry.kind === 'unreadable' ? [entry.change as WireRecord] : [],
      );
      const key = (change: WireRecord) => `${change.table}/${change.record.id ?? change.record.key}`;
      expect(written.map(key).sort()).toEqual((await storedSyncedRecords(storage)).map(key).sort());
      expect([...new Set(written.map(key))]).toHaveLength(written.length);
      // Exactly as stored, unknown fields included.
      const stored = new Map((await storedSyncedRecords(storage)).map((change) => [key(change), change]));
      for (const change of written) expect(change).toEqual(stored.get(key(change)));

      // Each chat is followed by its messages, in conversation order.
      const tables = written.map((change) => change.table);
      expect(tables.indexOf('modelConfigs')).toBeLessThan(tables.indexOf('settings'));
      const crowdedAt = written.findIndex((change) => change.record.title === 'Crowded');
      const crowded = written.slice(crowdedAt + 1, crowdedAt + 10);
      expect(crowded.map((change) => change.record.chatId)).toEqual(Array(9).fill(written[crowdedAt]?.record.id));
      expect(crowded.map((change) => change.record.id)).toEqual(crowded.map((change) => change.record.id).sort());
      expect(entries.at(-1)).toMatchObject({
        kind: 'end',
        trailer: { counts: { folders: 1, modelConfigs: 1, settings: 1 } },
      });
    },
  );

  it('never writes an API key or a device-local setting', async () => {
    const storage = testStorage();
    await seedHistory(storage);
    const { text } = await exportText(storage, { pageSize: 500, gzip: false });
    expect(text).not.toContain(secret);
    expect(text).not.toContain(relayToken);
    expect(text).not.toContain('"theme"');
    expect(text).toContain('"defaultModelConfigId"');
  });

  it('compresses to the same archive with gzip', async () => {
    const storage = testStorage();
    await seedHistory(storage);
    const plain = await exportText(storage, { pageSize: 4, gzip: false });
    const packed = await exportText(storage, { pageSize: 4, gzip: true });
    expect([packed.bytes[0], packed.bytes[1]]).toEqual([0x1f, 0x8b]);
    const withoutTime = (text: string) => text.replace(/"exportedAt":\d+/, '');
    expect(withoutTime(packed.text)).toBe(withoutTime(plain.text));
  });

  it('stops when aborted and aborts the destination', async () => {
    const storage = testStorage();
    await seedHistory(storage);
    const controller = new AbortController();
    let aborted: unknown;
    const destination = new WritableStream<Uint8Array>({
      abort(reason) {
        aborted = reason;
      },
    });
    const run = exportArchive({
      db: storage.db,
      destination,
      gzip: false,
      appVersion: '0',
      pageSize: 1,
      signal: controller.signal,
    });
    controller.abort(new Error('stop'));
    await expect(run).rejects.toThrow('stop');
    expect(aborted).toBeInstanceOf(Error);
  });
});
