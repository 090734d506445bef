import { readArchive } from '@hearth/core';
import type { WireRecord } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { testStorage } from '../../test/test-storage.ts';
import type { Storage } from '../db/storage.ts';
import { blobDestination } from './blob-destination.ts';
import { exportArchive } from './export-archive.ts';
import { streamChunks } from './stream-chunks.ts';
import { relayToken, secret, seedHistory } from './test/seed-history.ts';

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
