import { indexTerms, searchIndexVersion } from '@hearth/core';
import type { Message } from '@hearth/schema';
import type { AppDatabase, SearchEntry } from '../db/app-database.ts';
import { isLive } from '../db/record-versions.ts';

const stateKey = 'index';

/** The key of a message's entry: its creation time first, so keys sort newest last. */
export function searchEntryKey(message: Pick<Message, 'id' | 'createdAt'>): string {
  return `${String(message.createdAt).padStart(15, '0')}\u0000${message.id}`;
}

/**
 * Starts the index again when it is missing (never built, a database from before v7) or stale (built by
 * another tokenizer version): every entry goes and every message is marked for indexing. A message written
 * meanwhile is marked by its own write, so none is missed. True when it started a rebuild.
 */
export async function prepareSearchIndex(db: AppDatabase): Promise<boolean> {
  const state = await db.searchState.get(stateKey);
  if (state?.version === searchIndexVersion) return false;
  const ids = (await db.messages.toCollection().primaryKeys()) as string[];
  await db.transaction('rw', db.searchEntries, db.searchDirty, db.searchState, async () => {
    await db.searchEntries.clear();
    await db.searchDirty.bulkPut(ids.map((id) => ({ id, stamp: 'rebuild' })));
    await db.searchState.put({ key: stateKey, version: searchIndexVersion });
  });
  return true;
}

/**
 * Indexes up to `limit` marked messages and clears their marks; returns how many marks it took. The terms
 * are worked out outside any transaction; the entries are written in one short transaction that skips
 * every message written again meanwhile (its mark has a new stamp), which the next round indexes.
 * Deleted or missing messages leave the index; so does a system message, which is not shown.
 */
export async function indexMarkedMessages(db: AppDatabase, limit: number): Promise<number> {
  const marks = await db.searchDirty.limit(limit).toArray();
  if (marks.length === 0) return 0;
  const messages = await db.messages.bulkGet(marks.map((mark) => mark.id));
  const entries = new Map<string, SearchEntry>();
  for (const message of messages) {
    if (!isLive(message) || message.role === 'system') continue;
    entries.set(message.id, {
      key: searchEntryKey(message),
      messageId: message.id,
      terms: indexTerms(message.content),
    });
  }
  await db.transaction('rw', db.searchEntries, db.searchDirty, async () => {
    const current = await db.searchDirty.bulkGet(marks.map((mark) => mark.id));
    const settled = marks.filter((mark, at) => current[at]?.stamp === mark.stamp).map((mark) => mark.id);
    await db.searchEntries.where('messageId').anyOf(settled).delete();
    await db.searchEntries.bulkPut(settled.flatMap((id) => entries.get(id) ?? []));
    await db.searchDirty.bulkDelete(settled);
  });
  return marks.length;
}

/** How many messages wait to be indexed: results may miss them until then. */
export function unindexedCount(db: AppDatabase): Promise<number> {
  return db.searchDirty.count();
}
