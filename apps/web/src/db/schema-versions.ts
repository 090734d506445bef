import type { Dexie, Transaction } from 'dexie';
import { isPinned, type PinnedChatEntry, pinnedChatsTable } from './pinned-chats-index.ts';

/**
 * Every version of the database layout, oldest first. A version is never edited once shipped: a
 * change is a new version with an upgrade step, and each upgrade step has a test (schema-versions.test.ts).
 */
export function defineSchemaVersions(db: Dexie): void {
  // v1: the first layout. Chats were listed by their own updatedAt.
  db.version(1).stores({
    chats: 'id, updatedAt',
    messages: 'id, [chatId+createdAt], updatedAt',
    modelConfigs: 'id, updatedAt',
    settings: 'key, updatedAt',
    secrets: 'modelConfigId',
    meta: 'key',
  });

  // v2: the chat list is ordered by last activity (a new message), which renaming a chat must not
  // change; messages are indexed by status so unfinished answers are found at start-up.
  db.version(2)
    .stores({
      chats: 'id, updatedAt, lastActivityAt',
      messages: 'id, [chatId+createdAt], updatedAt, status',
    })
    .upgrade(backfillLastActivity);

  // v3: sync. `outbox` holds one entry per record changed here and not yet pushed (written in the same
  // transaction as the change, see outbox-middleware.ts); `syncState` holds the cursor, the mutation
  // counter, the batch in flight and the account.
  db.version(3).stores({
    outbox: 'key',
    syncState: 'key',
  });

  // v4 (sync protocol 2): deletes forget, so existing tombstones lose everything but their identity and
  // clock (in the batch in flight too); `held` keeps records a newer app version wrote that this one
  // cannot read (docs/records.md).
  db.version(4).stores({ held: 'key' }).upgrade(forgetTombstoneContent);

  // v5: two indexes, nothing of a synced record rewritten.
  // - Messages are indexed by the parent they name (branches, docs/records.md), so the branch on screen is
  //   read a page at a time (BranchReader) instead of every message of a long chat. No records change, on
  //   purpose: a message without parentId hangs below the one created before it, which is what it meant
  //   when it was written. (Filling parentIds in would either keep each record's clock, leaving this copy
  //   different from the server's at the same clock for good, or take new clocks, pushing every message
  //   from every device over whatever was edited meanwhile.)
  // - `pinnedChats` holds the ids of the pinned chats (IndexedDB cannot index a boolean), kept by every
  //   write of a chat (pinned-chats-index.ts), so the chat list reads its pinned chats and a window of the
  //   newest ones instead of every chat. Device-local: filling it rewrites nothing that syncs.
  db.version(5)
    .stores({ messages: 'id, [chatId+createdAt], updatedAt, status, [chatId+parentId]', pinnedChats: 'id' })
    .upgrade(indexPinnedChats);

  // v6: attachments. `blobs` holds the bytes of attached files by content hash (blob-store.ts), apart from
  // the message records that name them; `blobUploads` queues the ones written here for the server's blob
  // store. Both device-local; no record changes.
  db.version(6).stores({ blobs: 'hash', blobUploads: 'hash' });

  // v7: search inside messages, device-local (search/search-index-writer.ts). `searchEntries` holds each
  // live message's terms under a multi-entry index, keyed by creation time so results come newest first;
  // `searchDirty` marks messages written since they were indexed (search-dirty-marks.ts); `searchState`
  // names the tokenizer version the entries were made with. No upgrade step: without a state the index
  // counts as missing and the search worker builds it from every message, in the background, instead of
  // holding the upgrade (and the app's start) for the time 100,000 messages take.
  db.version(7).stores({ searchEntries: 'key, &messageId, *terms', searchDirty: 'id', searchState: 'key' });

  // v8: `mcpSecrets` holds each MCP server's bearer token and extra headers,
  // by server id. Device-local like `secrets`: no sync table, never exported; the servers themselves are
  // synced settings (docs/records.md, "MCP servers"). No record changes.
  db.version(8).stores({ mcpSecrets: 'mcpServerId' });
}

/** Fills `pinnedChats` from the chats already stored. */
async function indexPinnedChats(tx: Transaction): Promise<void> {
  const pinned = await tx.table('chats').filter(isPinned).toArray();
  await tx.table(pinnedChatsTable).bulkPut(pinned.map((chat: { id: string }): PinnedChatEntry => ({ id: chat.id })));
}

/** Reduces every stored tombstone to `{ id | key, updatedAt, deleted }`. */
async function forgetTombstoneContent(tx: Transaction): Promise<void> {
  for (const [name, identity] of [
    ['chats', 'id'],
    ['messages', 'id'],
    ['modelConfigs', 'id'],
    ['settings', 'key'],
  ] as const) {
    const table = tx.table(name);
    const doomed = await table.filter((record: { deleted?: boolean }) => record.deleted === true).toArray();
    if (doomed.length === 0) continue;
    await table.bulkPut(doomed.map((record) => minimalTombstone(record, identity)));
  }
  const inFlight = await tx.table('syncState').get('inFlight');
  if (Array.isArray(inFlight?.value)) {
    const mutations = (inFlight.value as { change: { table: string; record: Record<string, unknown> } }[]).map(
      (mutation) =>
        mutation.change.record.deleted === true
          ? {
              ...mutation,
              change: {
                table: mutation.change.table,
                record: minimalTombstone(mutation.change.record, mutation.change.table === 'settings' ? 'key' : 'id'),
              },
            }
          : mutation,
    );
    await tx.table('syncState').put({ key: 'inFlight', value: mutations });
  }
}

function minimalTombstone(record: Record<string, unknown>, identity: 'id' | 'key'): Record<string, unknown> {
  return { [identity]: record[identity], updatedAt: record.updatedAt, deleted: true };
}

/** Gives each chat the time of its newest message, or its creation time when it has none. */
async function backfillLastActivity(tx: Transaction): Promise<void> {
  const latest = new Map<string, number>();
  await tx.table('messages').each((message: { chatId: string; createdAt: number }) => {
    latest.set(message.chatId, Math.max(latest.get(message.chatId) ?? 0, message.createdAt));
  });
  await tx
    .table('chats')
    .toCollection()
    .modify((chat: { id: string; createdAt: number; lastActivityAt?: number }) => {
      chat.lastActivityAt = Math.max(latest.get(chat.id) ?? 0, chat.createdAt);
    });
}
