import { answerInFlightStatuses, newOutboxStamp } from '@hearth/core';
import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Middleware } from 'dexie';

const messagesTable = 'messages';
export const searchDirtyTable = 'searchDirty';

/**
 * A message whose search entry is out of date: written since it was last indexed. `stamp` is new on
 * every write, so the indexer clears only marks that no write replaced while it was working.
 */
export interface SearchDirtyMark {
  id: string;
  stamp: string;
}

const inFlight: ReadonlySet<unknown> = new Set(answerInFlightStatuses);

/**
 * Marks every written message for the search index, in the same transaction as the write, whoever makes
 * it (the app, the sync engine applying a pull, an import): the mark and the change are stored together
 * or not at all, like the outbox's entries. Only the mark is written here; the words are indexed later
 * by the search worker (search-index-writer.ts), since segmenting a long text inside every write would
 * hold the transaction, and every write queued behind it, for milliseconds each.
 *
 * An answer still arriving (pending, streaming) is not marked: it is written a few times a second and
 * indexed once, by the write that ends it (done, stopped or error).
 */
export const searchDirtyMarks: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'searchDirty',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const writesMessages = mode === 'readwrite' && stores.includes(messagesTable);
        const scope = writesMessages && !stores.includes(searchDirtyTable) ? [...stores, searchDirtyTable] : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== messagesTable) return table;
        return {
          ...table,
          async mutate(request: DBCoreMutateRequest) {
            const response = await table.mutate(request);
            // Upgrades of versions older than the table run without it; the index is then rebuilt whole.
            if (!hasSearchDirty(request.trans)) return response;
            const ids = markedIds(request);
            if (ids.length > 0) {
              const values = ids.map((id): SearchDirtyMark => ({ id, stamp: newOutboxStamp() }));
              await down.table(searchDirtyTable).mutate({ type: 'put', trans: request.trans, values });
            }
            return response;
          },
        };
      },
    };
  },
};

function markedIds(request: DBCoreMutateRequest): string[] {
  switch (request.type) {
    case 'add':
    case 'put':
      return (request.values as { id?: unknown; status?: unknown; deleted?: unknown }[])
        .filter((message) => message.deleted === true || !inFlight.has(message.status))
        .flatMap((message) => (typeof message.id === 'string' ? [message.id] : []));
    case 'delete':
      return request.keys.filter((key): key is string => typeof key === 'string');
    case 'deleteRange':
      // Messages are deleted as tombstones (outbox-middleware.ts refuses a range); nothing to mark.
      return [];
  }
}

function hasSearchDirty(transaction: DBCoreTransaction): boolean {
  // Dexie's core transaction is the IndexedDB transaction itself.
  const names = (transaction as unknown as Partial<IDBTransaction>).objectStoreNames;
  return names?.contains(searchDirtyTable) ?? false;
}
