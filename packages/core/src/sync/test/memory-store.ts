import type { SyncRecord, WireRecord } from '@hearth/schema';
import { newOutboxStamp } from '../outbox-stamp.ts';
import { recordLocalChanges } from '../record-local-change.ts';
import { type RecordRef, recordRef, refKey } from '../record-ref.ts';
import {
  type LocalStore,
  type OutboxAccess,
  type OutboxRef,
  readSyncState,
  type SyncState,
  type SyncStoreAccess,
} from '../sync-store.ts';

interface Tables {
  records: Map<string, SyncRecord>;
  /** Versions written by a newer app version that this one cannot read. */
  held: Map<string, WireRecord>;
  outbox: Map<string, OutboxRef>;
  state: Partial<SyncState>;
}

/**
 * A LocalStore in memory, with IndexedDB's guarantees: transactions run one at a time, commit whole or
 * not at all, and values are copied in and out (structured clone). The web app's Dexie store behaves the same.
 */
export class MemoryStore implements LocalStore {
  #tables: Tables = { records: new Map(), held: new Map(), outbox: new Map(), state: {} };
  #queue: Promise<unknown> = Promise.resolve();
  /** When set, the next transaction does its work and then fails instead of committing (a full disk). */
  failNextCommit: Error | null = null;

  /** Runs `work` in one transaction. */
  transaction<T>(work: (access: SyncStoreAccess) => Promise<T>): Promise<T> {
    const run = this.#queue.then(() => this.#run(work, 'commit'));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Runs `work` in one read-only transaction: whatever it writes is thrown away. */
  read<T>(work: (access: SyncStoreAccess) => Promise<T>): Promise<T> {
    const run = this.#queue.then(() => this.#run(work, 'discard'));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Runs `work` in one transaction over the outbox and the sync state. */
  outboxTransaction<T>(work: (access: OutboxAccess) => Promise<T>): Promise<T> {
    return this.transaction(work);
  }

  /** What the app does on a local change: the records and their outbox entries in one transaction. */
  writeLocal(...changes: SyncRecord[]): Promise<void> {
    return this.transaction((access) => recordLocalChanges(access, changes));
  }

  /** Every stored record, ordered by table and key. */
  records(): SyncRecord[] {
    return [...this.#tables.records.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, change]) => structuredClone(change));
  }

  /** Every held record (a newer app version's), ordered by table and key. */
  heldRecords(): WireRecord[] {
    return [...this.#tables.held.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, change]) => structuredClone(change));
  }

  /** One record, or undefined. */
  record(ref: RecordRef): SyncRecord | undefined {
    const change = this.#tables.records.get(refKey(ref));
    return change === undefined ? undefined : structuredClone(change);
  }

  /** The records the outbox names, oldest first. */
  outbox(): RecordRef[] {
    return [...this.#tables.outbox.values()].map(({ table, key }) => ({ table, key }));
  }

  /** The sync state with defaults. */
  syncState(): Promise<SyncState> {
    return this.transaction(readSyncState);
  }

  async #run<T>(work: (access: SyncStoreAccess) => Promise<T>, end: 'commit' | 'discard'): Promise<T> {
    const draft: Tables = {
      records: new Map(this.#tables.records),
      held: new Map(this.#tables.held),
      outbox: new Map(this.#tables.outbox),
      state: structuredClone(this.#tables.state),
    };
    const result = await work(accessTo(draft));
    if (end === 'discard') return result;
    const failure = this.failNextCommit;
    if (failure !== null) {
      this.failNextCommit = null;
      throw failure;
    }
    this.#tables = draft;
    return result;
  }
}

function accessTo(tables: Tables): SyncStoreAccess {
  return {
    async getRecords(refs) {
      return refs.map((ref) => {
        const change = tables.records.get(refKey(ref)) ?? tables.held.get(refKey(ref));
        return change === undefined ? undefined : structuredClone(change);
      });
    },
    async putRecords(changes) {
      for (const change of changes) {
        const key = refKey(recordRef(change));
        tables.records.set(key, structuredClone(change));
        tables.held.delete(key);
      }
    },
    async holdRecords(changes) {
      for (const change of changes) {
        const key = refKey(recordRef(change));
        tables.held.set(key, structuredClone(change));
        tables.records.delete(key);
      }
    },
    async readHeldRecords() {
      return [...tables.held.values()].map((change) => structuredClone(change));
    },
    async deleteRecords(refs) {
      for (const ref of refs) {
        tables.records.delete(refKey(ref));
        tables.held.delete(refKey(ref));
      }
    },
    async listRecordRefs() {
      return [...tables.records.values(), ...tables.held.values()].map(recordRef);
    },
    async readOutbox(limit) {
      return [...tables.outbox.values()].slice(0, limit ?? Number.POSITIVE_INFINITY).map((entry) => ({ ...entry }));
    },
    async getOutboxEntries(refs) {
      return refs.map((ref) => {
        const entry = tables.outbox.get(refKey(ref));
        return entry === undefined ? undefined : { ...entry };
      });
    },
    async addOutbox(refs) {
      // Coalesced: one entry per record; setting an existing key keeps its place in line (Map order).
      for (const { table, key } of refs)
        tables.outbox.set(refKey({ table, key }), { table, key, stamp: newOutboxStamp() });
    },
    async deleteOutbox(refs) {
      for (const ref of refs) tables.outbox.delete(refKey(ref));
    },
    async readSyncState() {
      return structuredClone(tables.state);
    },
    async writeSyncState(patch) {
      Object.assign(tables.state, structuredClone(patch));
    },
  };
}
