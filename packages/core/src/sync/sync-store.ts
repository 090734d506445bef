import type { SyncMutation, SyncRecord, WireRecord } from '@hearth/schema';
import type { RecordRef } from './record-ref.ts';

/**
 * An outbox entry: the record it names, and a stamp that changes with every local write of that record.
 * The stamp lets a push batch be read without locking the records and then claimed only where no write
 * came in between (take-push-batch.ts).
 */
export interface OutboxRef extends RecordRef {
  readonly stamp?: string;
}

/** What the sync engine persists besides the records and the outbox. */
export interface SyncState {
  /** Where the next pull starts: the server's per-user sequence, 0 for the beginning. */
  cursor: number;
  /** The id the next mutation gets; ids only grow, so the server recognises a retried batch. */
  nextMutationId: number;
  /** The batch sent but not yet answered; resent as it is (same ids) until an answer arrives. */
  inFlight: SyncMutation[] | null;
  /** A resync from cursor 0 started and has not finished; a new round starts it over. */
  resyncing: boolean;
  /** Records that can never be pushed (too large, invalid): kept locally, never dropped by a resync. */
  parked: RecordRef[];
}

/** The state of a device that has never synced. */
export const initialSyncState: SyncState = {
  cursor: 0,
  nextMutationId: 1,
  inFlight: null,
  resyncing: false,
  parked: [],
};

/**
 * The reads and writes the sync engine needs, valid only inside one `LocalStore.transaction`. Records
 * are whole synced records; device-local settings must not be listed. Bulk methods keep IndexedDB fast.
 *
 * Besides the records this version can read, a device keeps *held* records: versions written by a
 * newer app (a value or table this version does not know). They are stored whole, merged by clock,
 * never shown or pushed, and released into the tables once the app understands them (docs/records.md).
 */
export interface SyncStoreAccess {
  /** The current version of each ref (a record or a held one), `undefined` where absent, in the same order. */
  getRecords(refs: readonly RecordRef[]): Promise<(WireRecord | undefined)[]>;
  /** Writes records as they are (insert or replace), replacing any held version of the same record. */
  putRecords(changes: readonly SyncRecord[]): Promise<void>;
  /** Keeps versions this app cannot read, replacing any readable version of the same record. */
  holdRecords(changes: readonly WireRecord[]): Promise<void>;
  /** Every held version. */
  readHeldRecords(): Promise<WireRecord[]>;
  /** Removes records for good, held ones included (a resync drops what the server no longer has). */
  deleteRecords(refs: readonly RecordRef[]): Promise<void>;
  /** Every synced record on this device, held ones included. */
  listRecordRefs(): Promise<RecordRef[]>;
  /** Outbox entries, oldest first; at most `limit` of them when given. */
  readOutbox(limit?: number): Promise<OutboxRef[]>;
  /** The entries of these records as they are now, `undefined` where there is none, in the same order. */
  getOutboxEntries(refs: readonly RecordRef[]): Promise<(OutboxRef | undefined)[]>;
  /** Adds entries with fresh stamps; an entry already there keeps its place (one per record, coalesced). */
  addOutbox(refs: readonly RecordRef[]): Promise<void>;
  /** Removes entries; absent ones are ignored. */
  deleteOutbox(refs: readonly RecordRef[]): Promise<void>;
  /** The stored sync state; keys never written are missing. */
  readSyncState(): Promise<Partial<SyncState>>;
  /** Writes the given keys of the sync state. */
  writeSyncState(patch: Partial<SyncState>): Promise<void>;
}

/**
 * The device's database as sync sees it. `transaction` runs `work` in one read-write transaction over
 * the synced tables, the outbox and the sync state: all of it commits or none of it does. The Dexie
 * implementation is `db.transaction('rw', tables, () => work(access))`; everything else is core.
 */
export interface LocalStore {
  transaction<T>(work: (access: SyncStoreAccess) => Promise<T>): Promise<T>;
  /**
   * Runs `work` in one read-only transaction over the same tables; `work` only reads. Readers never wait
   * for each other, so this does not queue behind the app's own queries the way a read-write one does.
   */
  read<T>(work: (access: SyncStoreAccess) => Promise<T>): Promise<T>;
  /** Runs `work` in one read-write transaction over the outbox and the sync state only. */
  outboxTransaction<T>(work: (access: OutboxAccess) => Promise<T>): Promise<T>;
}

/** What a transaction over the outbox and the sync state can do. */
export type OutboxAccess = Pick<
  SyncStoreAccess,
  'readOutbox' | 'getOutboxEntries' | 'deleteOutbox' | 'readSyncState' | 'writeSyncState'
>;

/** The sync state with defaults for keys never written. */
export async function readSyncState(access: Pick<SyncStoreAccess, 'readSyncState'>): Promise<SyncState> {
  return { ...initialSyncState, ...(await access.readSyncState()) };
}
