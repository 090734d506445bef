import {
  isDeviceLocal,
  type LocalStore,
  newOutboxStamp,
  type OutboxRef,
  type RecordRef,
  recordRef,
  type SyncState,
  type SyncStoreAccess,
} from '@hearth/core';
import { type SyncRecord, type SyncTable, syncTables, type WireRecord } from '@hearth/schema';
import type { Table, Transaction } from 'dexie';
import type { AppDatabase, HeldRecord } from '../db/app-database.ts';
import { type OutboxEntry, outboxKey } from '../db/outbox-middleware.ts';

type AnyTable = Table<Record<string, unknown>, string>;

/**
 * The sync engine's view of this device's database. Every engine step runs in one Dexie transaction
 * over the synced tables, the outbox and the sync state (including `syncState` also tells the outbox
 * middleware that these writes come from the server and must not be pushed back).
 */
export function dexieLocalStore(db: AppDatabase): LocalStore {
  const scope = [db.chats, db.messages, db.modelConfigs, db.settings, db.outbox, db.syncState, db.held];
  return {
    // Every operation goes through the transaction object itself, not Dexie's ambient zone: the engine's
    // chains of native awaits can outlast the zone, and an operation outside it would run in a
    // transaction of its own and let this one commit early.
    transaction: (work) => db.transaction('rw', scope, (transaction) => work(syncAccess(transaction))),
    read: (work) => db.transaction('r', scope, (transaction) => work(syncAccess(transaction))),
    outboxTransaction: (work) =>
      db.transaction('rw', [db.outbox, db.syncState], (transaction) => work(syncAccess(transaction))),
  };
}

const knownTables: ReadonlySet<string> = new Set(syncTables);

function syncAccess(transaction: Transaction): SyncStoreAccess {
  const table = (name: SyncTable): AnyTable => transaction.table(name);
  const outbox = transaction.table<OutboxEntry, string>('outbox');
  const syncState = transaction.table<{ key: string; value: unknown }, string>('syncState');
  const held = transaction.table<HeldRecord, string>('held');
  // Held records are rare (only a newer app version writes them): skip the reads while there are none.
  let heldCount: number | undefined;
  const anyHeld = async () => {
    heldCount ??= await held.count();
    return heldCount > 0;
  };
  const forgetHeld = async (refs: readonly RecordRef[]) => {
    if (refs.length === 0 || !(await anyHeld())) return;
    await held.bulkDelete(refs.map((ref) => outboxKey(ref.table, ref.key)));
    heldCount = undefined;
  };
  return {
    async getRecords(refs) {
      const found = new Map<string, WireRecord>();
      for (const [name, wanted] of groupByTable(refs.filter((ref) => knownTables.has(ref.table)))) {
        const keys = await presentKeys(table(name), wanted);
        const records = await table(name).bulkGet(keys);
        records.forEach((record, index) => {
          if (record) found.set(outboxKey(name, keys[index] ?? ''), { table: name, record } as SyncRecord);
        });
      }
      if (await anyHeld()) {
        const missing = refs.map((ref) => outboxKey(ref.table, ref.key)).filter((key) => !found.has(key));
        for (const row of await held.bulkGet(missing)) if (row) found.set(row.key, row.change);
      }
      return refs.map((ref) => found.get(outboxKey(ref.table, ref.key)));
    },
    async putRecords(changes) {
      for (const [name, records] of groupChanges(changes)) await table(name).bulkPut(records);
      await forgetHeld(changes.map(recordRef));
    },
    async holdRecords(changes) {
      const refs = changes.map(recordRef);
      for (const [name, keys] of groupByTable(refs.filter((ref) => knownTables.has(ref.table)))) {
        await table(name).bulkDelete(keys);
      }
      await held.bulkPut(changes.map((change, index) => ({ key: heldKey(refs[index]), change })));
      heldCount = undefined;
    },
    async readHeldRecords() {
      return (await anyHeld()) ? (await held.toArray()).map((row) => row.change) : [];
    },
    async deleteRecords(refs) {
      for (const [name, keys] of groupByTable(refs.filter((ref) => knownTables.has(ref.table)))) {
        await table(name).bulkDelete(keys);
      }
      await forgetHeld(refs);
    },
    async listRecordRefs() {
      const refs: RecordRef[] = [];
      for (const name of syncTables) {
        for (const key of await table(name).toCollection().primaryKeys()) refs.push({ table: name, key: String(key) });
      }
      if (await anyHeld()) for (const row of await held.toArray()) refs.push(recordRef(row.change));
      return refs.filter((ref) => !isDeviceLocal(ref));
    },
    async readOutbox(limit) {
      const entries = await (limit === undefined ? outbox.toArray() : outbox.limit(limit).toArray());
      return entries.map(outboxRef);
    },
    async getOutboxEntries(refs) {
      const entries = await outbox.bulkGet(refs.map((ref) => outboxKey(ref.table, ref.key)));
      return entries.map((entry) => (entry === undefined ? undefined : outboxRef(entry)));
    },
    async addOutbox(refs) {
      // Only records of this version's tables are ever changed here, so only they reach the outbox.
      const entries = refs
        .filter((ref) => knownTables.has(ref.table))
        .map(
          (ref): OutboxEntry => ({
            key: outboxKey(ref.table, ref.key),
            table: ref.table as SyncTable,
            id: ref.key,
            stamp: newOutboxStamp(),
          }),
        );
      await outbox.bulkPut(entries);
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

/** From this many keys on, one read of the keys in their range beats a lookup per key. */
const rangeCheckFrom = 64;

/**
 * The keys among `keys` that the table has. A pulled page asks for thousands of records that a device
 * mostly does not have yet (all of them on a new device), and ids are time-ordered, so the keys stored
 * within the page's key range are few and cheap to list (keys only, no values): only those are read.
 */
async function presentKeys(table: AnyTable, keys: string[]): Promise<string[]> {
  if (keys.length < rangeCheckFrom) return keys;
  let lowest = keys[0] ?? '';
  let highest = lowest;
  for (const key of keys) {
    if (key < lowest) lowest = key;
    if (key > highest) highest = key;
  }
  const stored = new Set((await table.where(':id').between(lowest, highest, true, true).primaryKeys()).map(String));
  return keys.filter((key) => stored.has(key));
}

function outboxRef(entry: OutboxEntry): OutboxRef {
  return { table: entry.table, key: entry.id, ...(entry.stamp === undefined ? {} : { stamp: entry.stamp }) };
}

function heldKey(ref: RecordRef | undefined): string {
  return ref === undefined ? '' : outboxKey(ref.table, ref.key);
}

// Only refs of this version's tables are passed in.
function groupByTable(refs: readonly RecordRef[]): Map<SyncTable, string[]> {
  const groups = new Map<SyncTable, string[]>();
  for (const ref of refs) {
    const name = ref.table as SyncTable;
    const keys = groups.get(name) ?? [];
    keys.push(ref.key);
    groups.set(name, keys);
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
