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

/** Records read or written at a time: each slice is a task of its own, however big the chat. */
const putSlice = 250;

function access(transaction: Transaction): ImportStoreAccess {
  return {
    // Parallel gets, one event each, instead of a key cursor stepping once per key: in an import most keys
    // are missing, and a miss costs no value read.
    async presentKeys(table, keys) {
      const present = new Set<string>();
      // A slice at a time, so a chat of thousands of messages does not issue them all in one task.
      for (let from = 0; from < keys.length; from += putSlice) {
        const slice = keys.slice(from, from + putSlice);
        const found = await transaction.table(table).bulkGet(slice);
        slice.forEach((key, index) => {
          if (found[index] !== undefined) present.add(key);
        });
      }
      return present;
    },
    async putRecords(changes) {
      const byTable = new Map<SyncTable, SyncRecord['record'][]>();
      for (const change of changes) {
        const records = byTable.get(change.table) ?? [];
        records.push(change.record);
        byTable.set(change.table, records);
      }
      await Promise.all(
        [...byTable].map(async ([table, records]) => {
          for (let from = 0; from < records.length; from += putSlice) {
            await transaction.table(table).bulkPut(records.slice(from, from + putSlice));
          }
        }),
      );
    },
  };
}

// Keys only, through a key cursor: the preview never reads a present record whole just to skip it.
async function presentKeys(
  table: { where(index: string): { anyOf(keys: readonly string[]): { primaryKeys(): Promise<unknown[]> } } },
  keys: readonly string[],
): Promise<ReadonlySet<string>> {
  if (keys.length === 0) return new Set();
  return new Set((await table.where(':id').anyOf(keys).primaryKeys()).map(String));
}
