import { HybridClock } from '@hearth/core';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { AppDatabase } from '../src/db/app-database.ts';
import type { Storage } from '../src/db/storage.ts';

/** A fresh database in an in-memory IndexedDB and a clock, for repository tests. */
export function testStorage(): Storage {
  const db = new AppDatabase('test', { indexedDB: new IDBFactory(), IDBKeyRange });
  return { db, clock: new HybridClock({ deviceId: 'testdevice' }) };
}
