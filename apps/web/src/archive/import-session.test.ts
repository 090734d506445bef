import { emptyImportCounts, HybridClock, type ImportedChat, newUserMessage, uuidV7 } from '@hearth/core';
import type { Chat, Message, WireRecord } from '@hearth/schema';
import type { DBCore, Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import { testStorage } from '../../test/test-storage.ts';
import { createChat } from '../db/chats-repository.ts';
import { outboxKey } from '../db/outbox-middleware.ts';
import { recordContext, type Storage } from '../db/storage.ts';
import { blobDestination } from './blob-destination.ts';
import { exportArchive } from './export-archive.ts';
import type { ForeignFormats } from './foreign-formats.ts';
import { createImportSession, type ImportState } from './import-session.ts';
import { inMemoryWorker } from './test/in-memory-worker.ts';
import { seedHistory } from './test/seed-history.ts';

/** An empty browser on another device than the one the archives come from (testStorage's). */
function otherDevice(): Storage {
  return { db: testStorage().db, clock: new HybridClock({ deviceId: 'importer' }) };
}

async function archiveOf(storage: Storage, gzip = false): Promise<File> {
  const destination = blobDestination('application/jsonl');
  await exportArchive({ db: storage.db, destination: destination.writable, gzip, appVersion: '0.1.0' });
  return new File([destination.blob()], gzip ? 'archive.jsonl.gz' : 'archive.jsonl');
}

function sessionFor(storage: Storage, foreign?: ForeignFormats) {
  return createImportSession({ storage: () => storage, startWorker: () => inMemoryWorker(() => storage, foreign) });
}

async function until<P extends ImportState['phase']>(
  session: ReturnType<typeof sessionFor>,
  ...phases: P[]
): Promise<Extract<ImportState, { phase: P }>> {
  for (let tries = 0; tries < 2000; tries++) {
    const state = session.state.get();
    if ((phases as string[]).includes(state.phase)) return state as Extract<ImportState, { phase: P }>;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`The import never reached ${phases.join(' or ')}; it is ${session.state.get().phase}.`);
}

async function importFile(storage: Storage, file: File, foreign?: ForeignFormats) {
  const session = sessionFor(storage, foreign);
  session.choose(file);
  const preview = await until(session, 'preview', 'failed');
  if (preview.phase === 'failed') return { preview, finished: undefined };
  session.confirm();
  return { preview, finished: await until(session, 'finished', 'failed') };
}

/** The synced records of a database, keyed by table and id, without their clocks. */
async function history(storage: Storage): Promise<Map<string, Record<string, unknown>>> {
  const records = new Map<string, Record<string, unknown>>();
  for (const table of ['chats', 'messages', 'modelConfigs', 'settings'] as const) {
    for (const record of (await storage.db.table(table).toArray()) as Record<string, unknown>[]) {
      const key = String(record.id ?? record.key);
      if (table === 'settings' && ['theme', 'relayToken'].includes(key)) continue;
      const { updatedAt: _clock, ...rest } = record;
      records.set(`${table}/${key}`, rest);
    }
  }
  return records;
}

/** Fails every write to `table` after the first `allowed` ones while `full.on`, as a full disk would. */
function quotaAfter(table: string, allowed: number, full: { on: boolean }): Middleware<DBCore> {
  let writes = 0;
  return {
    stack: 'dbcore',
    name: 'quota',
    create: (down) => ({
      ...down,
      table(name) {
        const inner = down.table(name);
        return {
          ...inner,
          mutate(request) {
            if (full.on && name === table && ++writes > allowed) {
              return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
            }
            return inner.mutate(request);
          },
        };
      },
    }),
  };
}

describe('importing our archive', () => {
  it.each([false, true])('gives an empty browser the same history, record for record (gzip: %s)', async (gzip) => {
    const source = testStorage();
    await seedHistory(source);
    const target = otherDevice();
    const { preview, finished } = await importFile(target, await archiveOf(source, gzip));

    expect(preview).toMatchObject({
      phase: 'preview',
      format: 'hearth',
      header: { appName: 'Hearth', appVersion: '0.1.0' },
    });
    if (preview.phase !== 'preview') throw new Error('no preview');
    expect(preview.preview.found).toEqual({ chats: 2, messages: 12, modelConfigs: 1, settings: 1, deletions: 3 });
    expect(preview.preview.alreadyHere).toEqual(emptyImportCounts());
    expect(preview.preview.notes).toEqual([{ kind: 'newer_record_skipped', count: 1 }]);
    expect(finished).toMatchObject({ phase: 'finished', stop: null, report: { written: preview.preview.found } });

    expect(await history(target)).toEqual(await history(source));
    // Every record is this device's write: it has this device's clock, and the outbox will push it.
    const outbox = new Set((await target.db.outbox.toArray()).map((entry) => entry.key));
    for (const table of ['chats', 'messages', 'modelConfigs', 'settings'] as const) {
      for (const record of (await target.db.table(table).toArray()) as WireRecord['record'][]) {
        expect(record.updatedAt.endsWith('-importer')).toBe(true);
        expect(outbox.has(outboxKey(table, String(record.id ?? record.key)))).toBe(true);
      }
    }
    // API keys never travel: the model configuration arrives without one.
    expect(await target.db.secrets.count()).toBe(0);
  });

  it('adds nothing when the same file is imported twice, and says so before writing', async () => {
    const source = testStorage();
    await seedHistory(source);
    const file = await archiveOf(source);
    const target = testStorage();
    await importFile(target, file);
    const before = await history(target);
    const outboxBefore = await target.db.outbox.count();

    const { preview, finished } = await importFile(target, file);
    if (preview.phase !== 'preview' || finished?.phase !== 'finished') throw new Error('no import');
    expect(preview.preview.alreadyHere).toEqual(preview.preview.found);
    expect(finished.report.written).toEqual(emptyImportCounts());
    expect(finished.report.skipped).toEqual(preview.preview.found);
    expect(await history(target)).toEqual(before);
    expect(await target.db.outbox.count()).toBe(outboxBefore);
  });

  it('writes nothing from a broken file and names what is wrong', async () => {
    const source = testStorage();
    await seedHistory(source);
    const text = await (await archiveOf(source)).text();
    const target = testStorage();
    const cut = new File([text.slice(0, Math.floor(text.length * 0.7))], 'cut.jsonl');
    expect((await importFile(target, cut)).preview).toMatchObject({
      phase: 'failed',
      error: { kind: 'file', code: 'truncated' },
    });
    const lines = text.split('\n');
    lines[3] = `${lines[3]?.slice(0, 20)}`;
    const garbled = new File([lines.join('\n')], 'garbled.jsonl');
    expect((await importFile(target, garbled)).preview).toMatchObject({
      phase: 'failed',
      error: { kind: 'file', code: 'malformed', detail: { line: 4 } },
    });
    expect((await importFile(target, new File(['hello'], 'notes.txt'))).preview).toMatchObject({
      phase: 'failed',
      error: { kind: 'file', code: 'unrecognized' },
    });
    expect(await history(target)).toEqual(new Map());
    expect(await target.db.outbox.count()).toBe(0);
  });

  it('keeps whole chats when storage fills up, and importing again completes the rest', async () => {
    const source = testStorage();
    await seedHistory(source);
    const file = await archiveOf(source);
    const target = testStorage();
    // First come the model configuration, the setting and the message whose chat is gone (one write of
    // messages), then the first chat's messages fit, and every write of messages after them fails.
    const full = { on: true };
    target.db.use(quotaAfter('messages', 2, full));
    const { finished } = await importFile(target, file);
    if (finished?.phase !== 'finished') throw new Error('no report');
    expect(finished.stop).toMatchObject({ kind: 'storage' });
    expect((finished.stop as { error: Error }).error).toBeInstanceOf(Error);
    await expectWholeChats(source, target);
    expect(await target.db.chats.count()).toBeLessThan(await source.db.chats.count());

    full.on = false;
    const again = await importFile(target, file);
    expect(again.finished).toMatchObject({ phase: 'finished', stop: null });
    expect(await history(target)).toEqual(await history(source));
  });

  it('takes a chat of thousands of messages, sent in parts, as one group', async () => {
    const source = testStorage();
    const chat = await createChat(source, { title: 'Long' });
    const messages = Array.from({ length: 1_234 }, (_, index) => ({
      ...newUserMessage(recordContext(source), { chatId: chat.id, content: `message ${index}`, parent: null }),
      createdAt: 1_700_000_000_000 + index,
    }));
    await source.db.messages.bulkPut(messages);
    const target = testStorage();
    let transactions = 0;
    const transaction = target.db.transaction.bind(target.db);
    target.db.transaction = ((...args: Parameters<typeof transaction>) => {
      transactions += 1;
      return transaction(...args);
    }) as typeof transaction;
    const { finished } = await importFile(target, await archiveOf(source));
    expect(finished).toMatchObject({ report: { written: { chats: 1, messages: 1_234 } } });
    expect(transactions).toBe(1);
    expect(await history(target)).toEqual(await history(source));
  });

  it('stops when cancelled, keeping whole chats', async () => {
    const source = testStorage();
    await seedHistory(source);
    const target = testStorage();
    const session = sessionFor(target);
    session.choose(await archiveOf(source));
    const { preview } = await until(session, 'preview');
    const unsubscribe = session.state.subscribe(() => {
      const state = session.state.get();
      if (state.phase === 'writing' && state.handled > 0) session.cancel();
    });
    session.confirm();
    const finished = await until(session, 'finished');
    unsubscribe();
    expect(finished.stop).toEqual({ kind: 'cancelled' });
    const all = (counts: typeof preview.found) => Object.values(counts).reduce((sum, count) => sum + count, 0);
    expect(all(finished.report.written)).toBeLessThan(all(preview.found));
    await expectWholeChats(source, target);
  });
});

/** Every live chat stored in `target` has every one of its messages from `source`: no chat is half there. */
async function expectWholeChats(source: Storage, target: Storage): Promise<void> {
  const sourceMessages = (await source.db.messages.toArray()) as Message[];
  const targetMessages = (await target.db.messages.toArray()) as Message[];
  const liveChats = ((await target.db.chats.toArray()) as Chat[]).filter((chat) => !chat.deleted);
  for (const chat of liveChats) {
    const expected = sourceMessages.filter((m) => m.chatId === chat.id).map((m) => m.id);
    expect(
      targetMessages
        .filter((m) => m.chatId === chat.id)
        .map((m) => m.id)
        .sort(),
    ).toEqual(expected.sort());
  }
  // And no message is there without its chat, but for the one whose chat was already gone in the source.
  const chatIds = new Set(((await source.db.chats.toArray()) as Chat[]).map((chat) => chat.id));
  for (const message of targetMessages.filter((m) => !m.deleted)) {
    if (chatIds.has(message.chatId)) expect(liveChats.map((chat) => chat.id)).toContain(message.chatId);
  }
}

describe('importing another client’s export', () => {
  // A stand-in for the readers of other clients' formats: one conversation, records made by hand.
  const conversation: ImportedChat = {
    source: 'test-client',
    sourceId: 'conv-1',
    title: 'Imported',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    systemPrompt: '',
    pinned: false,
    messages: [],
    shownLeafSourceId: null,
    notes: [{ kind: 'hidden_message_skipped', count: 2 }],
  };
  const chatId = uuidV7(1_700_000_000_000);
  const foreign: ForeignFormats = {
    detect: async (file) => ((await file.text()).startsWith('TEST') ? 'test-client' : null),
    async *read() {
      yield conversation;
    },
    records: (_chat, context) => {
      const chat: Chat = {
        id: chatId,
        updatedAt: context.clock.tick(),
        deleted: false,
        title: 'Imported',
        systemPrompt: '',
        modelConfigId: null,
        params: {},
        pinned: false,
        forkedFrom: null,
        createdAt: 1_700_000_000_000,
        lastActivityAt: 1_700_000_000_000,
      };
      return { chat, messages: [] };
    },
  };

  it('goes through the same preview, dedupe and clocks of this device', async () => {
    const target = otherDevice();
    const file = new File(['TEST export'], 'export.test');
    const { preview, finished } = await importFile(target, file, foreign);
    expect(preview).toMatchObject({
      format: 'test-client',
      header: null,
      preview: { found: { chats: 1 }, notes: [{ kind: 'hidden_message_skipped', count: 2 }] },
    });
    expect(finished).toMatchObject({ report: { written: { chats: 1 } } });
    const chat = (await target.db.chats.get(chatId)) as Chat;
    expect(chat.updatedAt.endsWith('-importer')).toBe(true);
    const again = await importFile(target, file, foreign);
    expect(again.finished).toMatchObject({ report: { written: { chats: 0 }, skipped: { chats: 1 } } });
  });
});
