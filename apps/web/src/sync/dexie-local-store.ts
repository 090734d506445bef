import { isDeviceLocal, type LocalStore, type RecordRef, type SyncState, type SyncStoreAccess } from '@hearth/core';
import { type Message, type SyncRecord, type SyncTable, syncTables } from '@hearth/schema';
import type { Table, Transaction } from 'dexie';
import type { AppDatabase } from '../db/app-database.ts';
import { type OutboxEntry, outboxKey } from '../db/outbox-middleware.ts';

type AnyTable = Table<Record<string, unknown>, string>;

/**
 * The sync engine's view of this device's database. Every engine step runs in one Dexie transaction
 * over the synced tables, the outbox and the sync state (including `syncState` also tells the outbox
 * middleware that these writes come from the server and must not be pushed back).
 */
export function dexieLocalStore(db: AppDatabase): LocalStore {
  const scope = [db.chats, db.messages, db.modelConfigs, db.settings, db.outbox, db.syncState];
  return {
    // Every operation goes through the transaction object itself, not Dexie's ambient zone: the engine's
    // chains of native awaits can outlast the zone, and an operation outside it would run in a
    // transaction of its own and let this one commit early.
    transaction: (work) => db.transaction('rw', scope, (transaction) => work(syncAccess(transaction))),
  };
}

function syncAccess(transaction: Transaction): SyncStoreAccess {
  const table = (name: SyncTable): AnyTable => transaction.table(name);
  const outbox = transaction.table<OutboxEntry, string>('outbox');
  const syncState = transaction.table<{ key: string; value: unknown }, string>('syncState');
  const messages = transaction.table<Message, string>('messages');
  return {
    async getRecords(refs) {
      const found = new Map<string, SyncRecord>();
      for (const [name, keys] of groupByTable(refs)) {
        const records = await table(name).bulkGet(keys);
        records.forEach((record, index) => {
          if (record) found.set(outboxKey(name, keys[index] ?? ''), { table: name, record } as SyncRecord);
        });
      }
      return refs.map((ref) => found.get(outboxKey(ref.table, ref.key)));
    },
    async putRecords(changes) {
      for (const [name, records] of groupChanges(changes)) await table(name).bulkPut(records);
    },
    async deleteRecords(refs) {
      for (const [name, keys] of groupByTable(refs)) await table(name).bulkDelete(keys);
    },
    async listRecordRefs() {
      const refs: RecordRef[] = [];
      for (const name of syncTables) {
        for (const key of await table(name).toCollection().primaryKeys()) refs.push({ table: name, key: String(key) });
      }
      return refs.filter((ref) => !isDeviceLocal(ref));
    },
    async readOutbox(limit) {
      // An answer still streaming is pushed once, when it ends, not a few times a second.
      const entries = await outbox.toArray();
      const streaming = await streamingAnswerIds(messages, entries);
      const ready = entries.filter((entry) => !(entry.table === 'messages' && streaming.has(entry.id)));
      return ready.slice(0, limit ?? ready.length).map((entry) => ({ table: entry.table, key: entry.id }));
    },
    async addOutbox(refs) {
      await outbox.bulkPut(refs.map((ref) => ({ key: outboxKey(ref.table, ref.key), table: ref.table, id: ref.key })));
    },
    async deleteOutbox(refs) {
      // The outbox is small and a pulled page large: delete only entries that exist, not one request per record.
      if (refs.length === 0) return;
      const present = new Set((await outbox.toCollection().primaryKeys()).map(String));
      const doomed = refs.map((ref) => outboxKey(ref.table, ref.key)).filter((key) => present.has(key));
      if (doomed.length > 0) await outbox.bulkDelete(doomed);
    },
    async readSyncState() {
      const rows = await syncState.bulkGet([...syncStateKeys]);
      const state: Partial<SyncState> = {};
      rows.forEach((row, index) => {
        const key = syncStateKeys[index];
        if (row && key) Object.assign(state, { [key]: row.value });
      });
      return state;
    },
    async writeSyncState(patch) {
      await syncState.bulkPut(Object.entries(patch).map(([key, value]) => ({ key, value })));
    },
  };
}

const syncStateKeys = [
  'cursor',
  'nextMutationId',
  'inFlight',
  'resyncing',
  'parked',
] as const satisfies readonly (keyof SyncState)[];

async function streamingAnswerIds(messages: Table<Message, string>, entries: OutboxEntry[]): Promise<Set<string>> {
  const ids = entries.filter((entry) => entry.table === 'messages').map((entry) => entry.id);
  // An empty bulk read issues no IndexedDB request, and awaiting it lets the transaction commit early.
  if (ids.length === 0) return new Set();
  const found = await messages.bulkGet(ids);
  return new Set(
    found.filter((m) => m && (m.status === 'pending' || m.status === 'streaming')).map((m) => m?.id ?? ''),
  );
}

function groupByTable(refs: readonly RecordRef[]): Map<SyncTable, string[]> {
  const groups = new Map<SyncTable, string[]>();
  for (const ref of refs) {
    const keys = groups.get(ref.table) ?? [];
    keys.push(ref.key);
    groups.set(ref.table, keys);
  }
  return groups;
}

function groupChanges(changes: readonly SyncRecord[]): Map<SyncTable, Record<string, unknown>[]> {
  const groups = new Map<SyncTable, Record<string, unknown>[]>();
  for (const change of changes) {
    const list = groups.get(change.table) ?? [];
    list.push(change.record as Record<string, unknown>);
    groups.set(change.table, list);
  }
  return groups;
}
