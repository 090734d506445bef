import { type SyncMutation, syncProtocolVersion, syncRecordSchema } from '@hearth/schema';
import { jsonByteLength } from './json-size.ts';
import type { PushLimits } from './push-limits.ts';
import { isDeviceLocal, type RecordRef, refKey } from './record-ref.ts';
import { readSyncState, type SyncStoreAccess } from './sync-store.ts';

/** A record that can never be pushed as it is; it stays on this device and is reported, not retried. */
export interface RejectedRecord {
  ref: RecordRef;
  reason: 'too_large' | 'invalid';
}

/** The batch to send now; `resent` when it is the unanswered batch from before, with its original ids. */
export interface PushBatch {
  mutations: SyncMutation[];
  rejected: RejectedRecord[];
  resent: boolean;
}

/**
 * Picks the next push batch inside one transaction: the unanswered in-flight batch if there is one;
 * otherwise the oldest outbox entries with their current records, numbered from the mutation counter,
 * stored as the in-flight batch while exactly those entries leave the outbox. A change made after this
 * adds a new entry, so it is pushed later rather than lost.
 */
export async function takePushBatch(access: SyncStoreAccess, limits: PushLimits): Promise<PushBatch> {
  const state = await readSyncState(access);
  if (state.inFlight !== null && state.inFlight.length > 0) {
    return { mutations: state.inFlight, rejected: [], resent: true };
  }
  const entries = await access.readOutbox(limits.mutationsPerPush);
  if (entries.length === 0) return { mutations: [], rejected: [], resent: false };
  const records = await access.getRecords(entries);

  const mutations: SyncMutation[] = [];
  const rejected: RejectedRecord[] = [];
  const consumed: RecordRef[] = [];
  let bytes = jsonByteLength({ protocolVersion: syncProtocolVersion, mutations: [] });
  let nextId = state.nextMutationId;
  for (const [index, ref] of entries.entries()) {
    const current = records[index];
    // Nothing to push: the record is gone, or it never syncs.
    if (current === undefined || isDeviceLocal(ref)) {
      consumed.push(ref);
      continue;
    }
    // The server refuses a batch whole, so one invalid record would block every push after it.
    const parsed = syncRecordSchema.safeParse(current);
    if (!parsed.success) {
      rejected.push({ ref, reason: 'invalid' });
      consumed.push(ref);
      continue;
    }
    const mutation: SyncMutation = { mutationId: nextId, change: parsed.data };
    const size = jsonByteLength(mutation);
    // Too large even alone in a batch: no later attempt could send it.
    if (size > limits.bytesPerRecord || (mutations.length === 0 && bytes + size > limits.bytesPerPush)) {
      rejected.push({ ref, reason: 'too_large' });
      consumed.push(ref);
      continue;
    }
    const added = size + (mutations.length > 0 ? 1 : 0); // the comma between mutations
    if (bytes + added > limits.bytesPerPush) break; // full: this entry waits for the next batch
    mutations.push(mutation);
    consumed.push(ref);
    bytes += added;
    nextId += 1;
  }

  const settled = new Set(consumed.map(refKey));
  const parked = [...state.parked.filter((ref) => !settled.has(refKey(ref))), ...rejected.map((entry) => entry.ref)];
  await access.writeSyncState({
    inFlight: mutations.length > 0 ? mutations : null,
    nextMutationId: nextId,
    ...(rejected.length > 0 || parked.length !== state.parked.length ? { parked } : {}),
  });
  await access.deleteOutbox(consumed);
  return { mutations, rejected, resent: false };
}
