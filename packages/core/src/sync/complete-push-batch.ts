import type { SyncMutation, SyncPushResponse, SyncRecord } from '@hearth/schema';
import { applyRemoteRecords } from './merge-remote.ts';
import { readSyncState, type SyncStoreAccess } from './sync-store.ts';

/**
 * Settles an answered batch inside one transaction: the in-flight batch is cleared, the mutation
 * counter moves past what the server has applied, and the server's newer versions of records it did
 * not take are merged like pulled records. Returns the versions taken.
 */
export async function completePushBatch(
  access: SyncStoreAccess,
  options: { mutations: readonly SyncMutation[]; response: SyncPushResponse },
): Promise<SyncRecord[]> {
  const state = await readSyncState(access);
  const sentFirst = options.mutations[0]?.mutationId;
  const storedFirst = state.inFlight?.[0]?.mutationId;
  await access.writeSyncState({
    ...(storedFirst !== undefined && storedFirst === sentFirst ? { inFlight: null } : {}),
    // Never reuse an id the server has seen (say the local database came back from a backup):
    // the server would skip those mutations as already applied.
    nextMutationId: Math.max(state.nextMutationId, options.response.lastMutationId + 1),
  });
  return applyRemoteRecords(access, options.response.superseded);
}
