import {
  type MessageStatus,
  type SyncMutation,
  syncProtocolVersion,
  syncRecordSchema,
  type WireRecord,
} from '@hearth/schema';
import { isAnswerInFlight } from '../records/answer-in-flight.ts';
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

/** An answer still streaming is pushed once, when it ends, not a few times a second: it stays in the outbox. */
function heldBackWhileStreaming(current: WireRecord): boolean {
  const { record } = current;
  // A wire record's status is unchecked; the rule only asks whether it is one of the in-flight values.
  return current.table === 'messages' && !record.deleted && isAnswerInFlight(record.status as MessageStatus);
}

/**
 * Picks the next push batch inside one transaction: the unanswered in-flight batch if there is one;
 * otherwise the oldest outbox entries with their current records (answers still streaming excepted),
 * numbered from the mutation counter, stored as the in-flight batch while exactly those entries leave
 * the outbox. A change made after this adds a new entry, so it is pushed later rather than lost.
 * Independent reads and writes are issued together: each IndexedDB round trip costs milliseconds.
 */
export async function takePushBatch(access: SyncStoreAccess, limits: PushLimits): Promise<PushBatch> {
  const [state, entries] = await Promise.all([readSyncState(access), access.readOutbox(limits.mutationsPerPush)]);
  if (state.inFlight !== null && state.inFlight.length > 0) {
    return { mutations: state.inFlight, rejected: [], resent: true };
  }
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
    if (heldBackWhileStreaming(current)) continue;
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

  if (consumed.length === 0) return { mutations, rejected, resent: false };
  const settled = new Set(consumed.map(refKey));
  const parked = [...state.parked.filter((ref) => !settled.has(refKey(ref))), ...rejected.map((entry) => entry.ref)];
  await Promise.all([
    access.writeSyncState({
      inFlight: mutations.length > 0 ? mutations : null,
      nextMutationId: nextId,
      ...(rejected.length > 0 || parked.length !== state.parked.length ? { parked } : {}),
    }),
    access.deleteOutbox(consumed),
  ]);
  return { mutations, rejected, resent: false };
}
