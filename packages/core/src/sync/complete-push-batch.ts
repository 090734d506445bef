import type { SyncMutation, SyncPushResponse, WireRecord } from '@hearth/schema';
import { applyRemoteRecords } from './merge-remote.ts';
import { readSyncState, type SyncStoreAccess } from './sync-store.ts';

/**
 * Settles an answered batch inside one transaction: the in-flight batch is cleared, the mutation
 * counter moves past what the server has applied, and the server's newer versions of records it did
 * not take are merged like pulled records. When nothing but this push changed the user's data since
 * this device's cursor, the cursor moves past the push, so the device never pulls its own changes
 * back. Returns the versions taken.
 */
export async function completePushBatch(
  access: SyncStoreAccess,
  options: { mutations: readonly SyncMutation[]; response: SyncPushResponse },
): Promise<WireRecord[]> {
  const state = await readSyncState(access);
  const { response } = options;
  const sentFirst = options.mutations[0]?.mutationId;
  const storedFirst = state.inFlight?.[0]?.mutationId;
  const ownChangesOnly = !state.resyncing && state.cursor === response.sequence.before;
  const [taken] = await Promise.all([
    applyRemoteRecords(access, response.superseded),
    access.writeSyncState({
      ...(storedFirst !== undefined && storedFirst === sentFirst ? { inFlight: null } : {}),
      // Never reuse an id the server has seen (say the local database came back from a backup):
      // the server would skip those mutations as already applied.
      nextMutationId: Math.max(state.nextMutationId, response.lastMutationId + 1),
      ...(ownChangesOnly && response.sequence.after > state.cursor ? { cursor: response.sequence.after } : {}),
    }),
  ]);
  return taken;
}
