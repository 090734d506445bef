import type { ImportPresence, ImportStore, ImportStoreAccess } from '@hearth/core';
import type { SyncRecord, SyncTable } from '@hearth/schema';
import type { Transaction } from 'dexie';
import type { AppDatabase } from './app-database.ts';

/**
 * The database as an import writes it: one transaction per group over the synced tables. It does not
 * include `syncState`, so the outbox middleware records every record written as this device's change
 * and the next sync pushes it, exactly like a record typed in.
 */
export function dexieImportStore(db: AppDatabase): ImportStore {
  const scope = [db.chats, db.messages, db.modelConfigs, db.settings];
  // Every operation goes through the transaction object, as in dexie-local-store.ts: the pipeline's chains of
  // native awaits must not fall out of Dexie's zone into a transaction of their own.
  return { transaction: (work) => db.transaction('rw', scope, (transaction) => work(access(transaction))) };
}

/** The presence of records, read outside any write (the preview, in the import worker). */
export function dexiePresence(db: AppDatabase): ImportPresence {
  return { presentKeys: (table, keys) => presentKeys(db.table(table), keys) };
}

function access(transaction: Transaction): ImportStoreAccess {
  return {
    presentKeys: (table, keys) => presentKeys(transaction.table(table), keys),
    async putRecords(changes) {
      const byTable = new Map<SyncTable, SyncRecord['record'][]>();
      for (const change of changes) {
        const records = byTable.get(change.table) ?? [];
        records.push(change.record);
        byTable.set(change.table, records);
      }
      for (const [table, records] of byTable) await transaction.table(table).bulkPut(records);
    },
  };
}

// Keys only: a present record is never read whole just to be skipped.
async function presentKeys(
  table: { where(index: string): { anyOf(keys: readonly string[]): { primaryKeys(): Promise<unknown[]> } } },
  keys: readonly string[],
): Promise<ReadonlySet<string>> {
  if (keys.length === 0) return new Set();
  return new Set((await table.where(':id').anyOf(keys).primaryKeys()).map(String));
}
