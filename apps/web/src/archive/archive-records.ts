import { isDeviceLocalSetting, type WireRecord } from '@hearth/schema';
import { cmp, type IndexableType } from 'dexie';
import type { AppDatabase } from '../db/app-database.ts';
import { type IndexPosition, readIndexPage } from './read-index-page.ts';

type StoredRecord = Record<string, unknown>;

/** The index that orders a chat's messages as the conversation reads (docs/archive-format.md). */
const conversationIndex = '[chatId+createdAt]';

/**
 * Every synced record of the database, in archive order, a page at a time (never the whole table in
 * memory): model configurations, synced settings (device-local ones never), then each chat followed by
 * its messages in conversation order, then messages outside any conversation (tombstones), then records
 * held for a newer app version. API keys live in another table, which is never read here.
 */
export async function* archiveRecords(
  db: AppDatabase,
  options: { pageSize?: number } = {},
): AsyncGenerator<WireRecord> {
  const pageSize = options.pageSize ?? 500;
  yield* byPrimaryKey(db, 'modelConfigs', pageSize);
  for await (const change of byPrimaryKey(db, 'settings', pageSize)) {
    if (!isDeviceLocalSetting(String(change.record.key))) yield change;
  }
  yield* conversations(db, pageSize);
  yield* messagesOutsideConversations(db, pageSize);
  for await (const row of pages(db, 'held', pageSize)) yield (row as { change: WireRecord }).change;
}

/**
 * Chats in id order, each followed by its messages: a merge of the chats table (by id) with the
 * conversation index (by chat id, then time, then id). Messages whose chat is not in the table come in
 * the same walk, at their chat id's place, so no live message is left out.
 */
async function* conversations(db: AppDatabase, pageSize: number): AsyncGenerator<WireRecord> {
  const chats = byPrimaryKey(db, 'chats', pageSize);
  let next = await chats.next();
  for await (const message of conversationMessages(db, pageSize)) {
    while (!next.done && cmp(next.value.record.id, message.chatId) <= 0) {
      yield next.value;
      next = await chats.next();
    }
    yield { table: 'messages', record: message } as WireRecord;
  }
  while (!next.done) {
    yield next.value;
    next = await chats.next();
  }
}

async function* conversationMessages(db: AppDatabase, pageSize: number): AsyncGenerator<StoredRecord> {
  const backend = db.backendDB();
  let after: IndexPosition | undefined;
  for (;;) {
    const page = await readIndexPage(backend, { store: 'messages', index: conversationIndex, after, limit: pageSize });
    for (const value of page.values) yield value as StoredRecord;
    if (page.values.length < pageSize || !page.last) return;
    after = page.last;
  }
}

/** Messages the conversation index does not hold: tombstones (which keep no chat), and anything unindexable. */
async function* messagesOutsideConversations(db: AppDatabase, pageSize: number): AsyncGenerator<WireRecord> {
  const [all, indexed] = await Promise.all([
    db.messages.count(),
    db.messages.where(conversationIndex).above([]).count(),
  ]);
  if (all === indexed) return;
  for await (const change of byPrimaryKey(db, 'messages', pageSize)) {
    if (!inConversationIndex(change.record)) yield change;
  }
}

function inConversationIndex(record: StoredRecord): boolean {
  return typeof record.chatId === 'string' && typeof record.createdAt === 'number' && !Number.isNaN(record.createdAt);
}

async function* byPrimaryKey(
  db: AppDatabase,
  table: string,
  pageSize: number,
): AsyncGenerator<WireRecord & { record: StoredRecord }> {
  for await (const record of pages(db, table, pageSize))
    yield { table, record } as WireRecord & { record: StoredRecord };
}

/** A table in primary-key order, one range query per page. */
async function* pages(db: AppDatabase, name: string, pageSize: number): AsyncGenerator<StoredRecord> {
  const table = db.table<StoredRecord, IndexableType>(name);
  const keyPath = String(table.schema.primKey.keyPath);
  let last: IndexableType | undefined;
  for (;;) {
    const collection = last === undefined ? table.orderBy(':id') : table.where(':id').above(last);
    const page = await collection.limit(pageSize).toArray();
    yield* page;
    if (page.length < pageSize) return;
    last = page.at(-1)?.[keyPath] as IndexableType;
  }
}
