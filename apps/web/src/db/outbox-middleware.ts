import { newOutboxStamp } from '@hearth/core';
import { isDeviceLocalSetting, type SyncTable, syncTables } from '@hearth/schema';
import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Middleware } from 'dexie';

/** One record with local changes not yet pushed; one entry per record however often it changed. */
export interface OutboxEntry {
  /** `<table>\u0000<id>`: the entry's own key, which coalesces changes to the same record. */
  key: string;
  table: SyncTable;
  id: string;
  /** New on every write of the record (entries from before stamps have none): see take-push-batch.ts. */
  stamp?: string;
}

/** The outbox key of a record (also the key of a held record, whose table this version may not know). */
export function outboxKey(table: string, id: string): string {
  return `${table}\u0000${id}`;
}

const synced: ReadonlySet<string> = new Set(syncTables);
// The sync engine's own writes (pulled records) run in transactions that include `syncState`; they
// are the server's changes, not this device's, and must not be pushed back.
const syncStateTable = 'syncState';
const outboxTable = 'outbox';

/**
 * Records every change to a synced table in the outbox, in the same IndexedDB transaction as the change
 * itself: a change and its outbox entry are stored together or not at all, whatever code made the change.
 */
export const outboxMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'outbox',
  create(down) {
    // Transactions opened for this device's own changes, with the outbox in their scope. Others (the
    // sync engine applying pulled records, schema upgrades) record nothing.
    const recording = new WeakSet<DBCoreTransaction>();
    return {
      ...down,
      transaction(stores, mode, options) {
        const writesSynced = mode === 'readwrite' && stores.some((store) => synced.has(store));
        if (!writesSynced || stores.includes(syncStateTable)) return down.transaction(stores, mode, options);
        const scope = stores.includes(outboxTable) ? stores : [...stores, outboxTable];
        const transaction = down.transaction(scope, mode, options);
        recording.add(transaction);
        return transaction;
      },
      table(name) {
        const table = down.table(name);
        if (!synced.has(name)) return table;
        const keyPath = table.schema.primaryKey.keyPath;
        const keyOf = (value: Record<string, unknown>) => (typeof keyPath === 'string' ? value[keyPath] : undefined);
        return {
          ...table,
          async mutate(request: DBCoreMutateRequest) {
            const response = await table.mutate(request);
            if (!recording.has(request.trans)) return response;
            const entries = changedKeys(request, keyOf)
              .filter((id): id is string => typeof id === 'string')
              .filter((id) => name !== 'settings' || !isDeviceLocalSetting(id))
              .map(
                (id): OutboxEntry => ({
                  key: outboxKey(name as SyncTable, id),
                  table: name as SyncTable,
                  id,
                  stamp: newOutboxStamp(),
                }),
              );
            if (entries.length > 0) {
              await down.table(outboxTable).mutate({ type: 'put', trans: request.trans, values: entries });
            }
            return response;
          },
        };
      },
    };
  },
};

function changedKeys(request: DBCoreMutateRequest, keyOf: (value: Record<string, unknown>) => unknown): unknown[] {
  switch (request.type) {
    case 'add':
    case 'put':
      return request.keys ?? request.values.map((value) => keyOf(value as Record<string, unknown>));
    case 'delete':
      return request.keys;
    case 'deleteRange':
      // The app deletes synced records as tombstones (a put), so the deletion can reach other devices;
      // removing a range of them would be a bug.
      throw new Error('Synced records must be deleted as tombstones, not removed.');
  }
}
