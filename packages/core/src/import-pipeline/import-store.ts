import type { SyncRecord, SyncTable } from '@hearth/schema';

/** Which records a device already has: the only question an import's preview asks its database. */
export interface ImportPresence {
  /** The keys among `keys` (ids, or setting keys) that `table` holds, live or deleted. */
  presentKeys(table: SyncTable, keys: readonly string[]): Promise<ReadonlySet<string>>;
}

/** One transaction of an import's write pass. */
export interface ImportStoreAccess extends ImportPresence {
  /** Stores records as this device's own changes, so they sync (the outbox sees them). */
  putRecords(changes: readonly SyncRecord[]): Promise<void>;
}

/** Where an import writes: one transaction per group, all of it or nothing. */
export interface ImportStore {
  transaction<T>(work: (access: ImportStoreAccess) => Promise<T>): Promise<T>;
}
