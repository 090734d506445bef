import type { PushLimits } from './push-limits.ts';
import { toStorageError, toTransportError } from './sync-client-error.ts';
import type { LocalStore, SyncStoreAccess } from './sync-store.ts';
import type { SyncClock, SyncTransport } from './sync-transport.ts';

/** Everything one sync round works with. */
export interface SyncContext {
  store: LocalStore;
  transport: SyncTransport;
  clock: SyncClock;
  limits: PushLimits;
  /** Records per pull page to ask for; the server's default when absent. */
  pullPageSize?: number;
  /** Pulled records merged per local transaction (see pull-changes.ts). */
  applyBatchRecords?: number;
}

/** Runs store work in one transaction, normalising whatever the database throws. */
export function inTransaction<T>(context: SyncContext, work: (access: SyncStoreAccess) => Promise<T>): Promise<T> {
  return storageCall(() => context.store.transaction(work));
}

/** Runs work on the store (one or more transactions), normalising whatever the database throws. */
export async function storageCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Calls the transport, normalising whatever it throws. */
export async function callServer<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw toTransportError(error);
  }
}
