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
  // Clearing the entries takes long with a big index: on its own, so the page's writes (which mark
  // messages in `searchDirty`) do not wait for it. Stopped in between, the old version is still named and
  // the next start clears again.
  await db.searchEntries.clear();
  await db.transaction('rw', db.searchDirty, db.searchState, async () => {
    await db.searchDirty.bulkPut(ids.map((id) => ({ id, stamp: 'rebuild' })));
    await db.searchState.put({ key: stateKey, version: searchIndexVersion });
  });
  return true;
}

/**
 * Indexes up to `limit` marked messages and clears their marks; returns how many marks it took. The terms
 * are worked out outside any transaction and stored in a transaction of the index alone, so the page's
 * writes (whose transactions hold `searchDirty`, never `searchEntries`) do not wait behind the index's
 * many entries. A second, short transaction then clears only the marks no write replaced meanwhile: a
 * message written again after it was read keeps a mark with a new stamp, and the next round indexes it
 * again. Deleted or missing messages leave the index; so does a system message, which is not shown.
 */
export async function indexMarkedMessages(db: AppDatabase, limit: number): Promise<number> {
  const marks = await db.searchDirty.limit(limit).toArray();
  if (marks.length === 0) return 0;
  const ids = marks.map((mark) => mark.id);
  const messages = await db.messages.bulkGet(ids);
  const entries: SearchEntry[] = [];
  for (const message of messages) {
    if (!isLive(message) || message.role === 'system') continue;
    entries.push({ key: searchEntryKey(message), messageId: message.id, terms: indexTerms(message.content) });
  }
  await db.transaction('rw', db.searchEntries, async () => {
    await db.searchEntries.where('messageId').anyOf(ids).delete();
    await db.searchEntries.bulkPut(entries);
  });
  await db.transaction('rw', db.searchDirty, async () => {
    const current = await db.searchDirty.bulkGet(ids);
    await db.searchDirty.bulkDelete(
      marks.filter((mark, at) => current[at]?.stamp === mark.stamp).map((mark) => mark.id),
    );
  });
  return marks.length;
}

/** How many messages wait to be indexed: results may miss them until then. */
export function unindexedCount(db: AppDatabase): Promise<number> {
  return db.searchDirty.count();
}
