import { type SyncRecord, syncRecordKey } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { HybridClock } from '../clock/hybrid-clock.ts';
import { uuidV7 } from '../ids/uuid-v7.ts';
import { chatChange, clockAt, messageChange } from '../sync/test/sync-fixtures.ts';
import type { ImportGroup } from './import-group.ts';
import { previewImport } from './preview-import.ts';
import { MemoryImportStore } from './test/memory-import-store.ts';
import { writeImport } from './write-import.ts';

const nowMs = 1_700_000_100_000;

function chatGroup(index: number, messages: number, clocks: ImportGroup['clocks'] = 'keep-time'): ImportGroup {
  const chat = chatChange({ id: uuidV7(1_700_000_000_000 + index), updatedAt: clockAt(index, 'laptop', 3) });
  const records: SyncRecord[] = [chat];
  for (let m = 0; m < messages; m++) {
    const message = messageChange({ id: uuidV7(1_700_000_000_000 + index * 100 + m), updatedAt: clockAt(m, 'laptop') });
    records.push({ ...message, record: { ...message.record, chatId: chat.record.id } });
  }
  return { records, clocks, notes: [] };
}

async function* each<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

const clock = () => new HybridClock({ deviceId: 'here', now: () => nowMs });

describe('writeImport', () => {
  it('writes each group in one transaction, and a second import of the same groups adds nothing', async () => {
    const store = new MemoryImportStore();
    const groups = [chatGroup(1, 3), chatGroup(2, 2)];
    const first = await writeImport({ groups: each(groups), store, clock: clock(), now: () => nowMs });
    expect(first).toMatchObject({ outcome: 'done', written: { chats: 2, messages: 5 } });
    expect(store.transactions).toBe(2);

    const again = await writeImport({ groups: each(groups), store, clock: clock(), now: () => nowMs });
    expect(again).toMatchObject({ written: { chats: 0, messages: 0 }, skipped: { chats: 2, messages: 5 } });
    expect(store.records.size).toBe(7);
  });

  it('leaves whole groups when a write fails, and importing again completes the rest', async () => {
    const store = new MemoryImportStore();
    store.failOn = 2;
    const groups = [chatGroup(1, 3), chatGroup(2, 4), chatGroup(3, 1)];
    const failed = await writeImport({ groups: each(groups), store, clock: clock(), now: () => nowMs, concurrency: 1 });
    expect(failed.outcome).toBe('failed');
    expect((failed.error as DOMException).name).toBe('QuotaExceededError');
    expect(failed.written).toMatchObject({ chats: 1, messages: 3 });
    // The failed group left nothing: neither its chat nor any of its messages.
    for (const change of groups[1]?.records ?? [])
      expect(store.get(change.table, syncRecordKey(change))).toBeUndefined();

    store.failOn = undefined;
    const rest = await writeImport({ groups: each(groups), store, clock: clock(), now: () => nowMs });
    expect(rest).toMatchObject({
      outcome: 'done',
      written: { chats: 2, messages: 5 },
      skipped: { chats: 1, messages: 3 },
    });
  });

  it('with several groups in flight, a failed one leaves nothing and the others are whole', async () => {
    const store = new MemoryImportStore();
    store.failOn = 2;
    const groups = [chatGroup(1, 3), chatGroup(2, 4), chatGroup(3, 2), chatGroup(4, 1)];
    const failed = await writeImport({ groups: each(groups), store, clock: clock(), now: () => nowMs, concurrency: 3 });
    expect(failed.outcome).toBe('failed');
    for (const [index, group] of groups.entries()) {
      const stored = group.records.filter((change) => store.get(change.table, syncRecordKey(change))).length;
      expect(stored).toBe(index === 1 ? 0 : stored === 0 ? 0 : group.records.length);
    }
    expect(store.records.size).toBe(failed.written.chats + failed.written.messages);
    const rest = await writeImport({ groups: each(groups), store, clock: clock(), now: () => nowMs });
    expect(rest.outcome).toBe('done');
    expect(store.records.size).toBe(groups.reduce((sum, group) => sum + group.records.length, 0));
  });

  it('stops between groups when cancelled', async () => {
    const store = new MemoryImportStore();
    const controller = new AbortController();
    const report = await writeImport({
      groups: each([chatGroup(1, 1), chatGroup(2, 1)]),
      store,
      clock: clock(),
      concurrency: 1,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(report).toMatchObject({ outcome: 'cancelled', written: { chats: 1, messages: 1 } });
  });

  it('gives records a clock of this device that keeps their time, so they sync and newer edits elsewhere still win', async () => {
    const store = new MemoryImportStore();
    const here = clock();
    const group = chatGroup(7, 1);
    const [first] = group.records;
    if (!first) throw new Error('no chat');
    await writeImport({ groups: each([group]), store, clock: here, now: () => nowMs });
    const chat = store.get('chats', syncRecordKey(first));
    expect(chat?.record.updatedAt).toBe(clockAt(7, 'here', 3));
    // Everything else is exactly as it was in the file.
    expect({ ...chat?.record, updatedAt: undefined }).toEqual({ ...first.record, updatedAt: undefined });
    // A later local edit sorts after every imported version.
    expect(here.tick() > (chat?.record.updatedAt ?? '')).toBe(true);
  });

  it('stamps a time ahead of this device, and records of another client, as new writes of this device', async () => {
    const store = new MemoryImportStore();
    const future = chatChange({ id: uuidV7(1), updatedAt: clockAt(10 * 60_000 * 1000, 'fast') });
    const foreign = chatGroup(2, 1, 'now');
    await writeImport({
      groups: each([{ records: [future], clocks: 'keep-time', notes: [] }, foreign]),
      store,
      clock: clock(),
      now: () => nowMs,
    });
    for (const change of store.records.values()) {
      expect(change.record.updatedAt.startsWith(String(nowMs).padStart(15, '0'))).toBe(true);
      expect(change.record.updatedAt.endsWith('-here')).toBe(true);
    }
  });

  it('previews what it will write and what is already here, without writing', async () => {
    const store = new MemoryImportStore();
    const groups = [chatGroup(1, 3), chatGroup(2, 2)];
    await writeImport({ groups: each(groups.slice(0, 1)), store, clock: clock() });
    const writes = store.transactions;
    const preview = await previewImport(
      each([...groups, { records: [], clocks: 'keep-time', notes: [{ kind: 'x', count: 2 }] }]),
      {
        presentKeys: async (table, keys) => new Set(keys.filter((key) => store.get(table, key))),
      },
    );
    expect(preview).toEqual({
      found: { chats: 2, messages: 5, modelConfigs: 0, settings: 0, deletions: 0 },
      alreadyHere: { chats: 1, messages: 3, modelConfigs: 0, settings: 0, deletions: 0 },
      notes: [{ kind: 'x', count: 2 }],
    });
    expect(store.transactions).toBe(writes);
  });
});
