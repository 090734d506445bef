import { cmp } from 'dexie';

/** Where a walk along an index stopped: the index key and the primary key of the last record read. */
export interface IndexPosition {
  key: IDBValidKey;
  primaryKey: IDBValidKey;
}

export interface IndexPageOptions {
  store: string;
  index: string;
  /** Start after this record; from the first when undefined. */
  after: IndexPosition | undefined;
  limit: number;
}

/**
 * One page of an index, in index order, resuming exactly after the last record of the previous page
 * even when many records share an index key (a chat's messages written in one millisecond): the
 * position is the index key and the primary key, as `continuePrimaryKey` takes it. Dexie cannot resume
 * within equal keys, so this reads the database Dexie opened directly. Each page is a transaction of its
 * own, so a caller may await anything between pages.
 */
export function readIndexPage(
  db: IDBDatabase,
  options: IndexPageOptions,
): Promise<{ values: unknown[]; last: IndexPosition | undefined }> {
  const { after, limit } = options;
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(options.store, 'readonly');
    const request = transaction.objectStore(options.store).index(options.index).openCursor();
    const values: unknown[] = [];
    let last: IndexPosition | undefined;
    transaction.onabort = () => reject(transaction.error);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) {
        resolve({ values, last });
        return;
      }
      if (after) {
        const byKey = cmp(cursor.key, after.key);
        const order = byKey !== 0 ? byKey : cmp(cursor.primaryKey, after.primaryKey);
        if (order < 0) {
          cursor.continuePrimaryKey(after.key, after.primaryKey);
          return;
        }
        if (order === 0) {
          cursor.continue();
          return;
        }
      }
      values.push(cursor.value);
      last = { key: cursor.key, primaryKey: cursor.primaryKey };
      if (values.length >= limit) resolve({ values, last });
      else cursor.continue();
    };
  });
}
