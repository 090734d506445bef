import {
  type MessageStatus,
  type SyncMutation,
  type SyncRecord,
  syncProtocolVersion,
  syncRecordSchema,
  type WireRecord,
} from '@hearth/schema';
import { isAnswerInFlight } from '../records/answer-in-flight.ts';
import { jsonByteLength } from './json-size.ts';
import type { PushLimits } from './push-limits.ts';
import { isDeviceLocal, type RecordRef, refKey } from './record-ref.ts';
import { type LocalStore, type OutboxAccess, type OutboxRef, readSyncState, type SyncState } from './sync-store.ts';

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

/** What one outbox entry comes to in a batch: a change to send, a record that cannot be sent, or nothing. */
interface PlannedEntry {
  entry: OutboxRef;
  change?: SyncRecord;
  rejected?: RejectedRecord['reason'];
}

/** An answer still streaming is pushed once, when it ends, not a few times a second: it stays in the outbox. */
function heldBackWhileStreaming(current: WireRecord): boolean {
  const { record } = current;
  // A wire record's status is unchecked; the rule only asks whether it is one of the in-flight values.
  return current.table === 'messages' && !record.deleted && isAnswerInFlight(record.status as MessageStatus);
}

/**
 * Picks the next push batch: the unanswered in-flight batch if there is one; otherwise the oldest
 * outbox entries with their current records (answers still streaming excepted), numbered from the
 * mutation counter, stored as the in-flight batch while exactly those entries leave the outbox.
 *
 * The records are read in a read-only transaction, which runs beside the app's own queries instead of
 * waiting for them (a read-write one over the records queues behind every list the UI is reading, tens
 * of milliseconds with a long history). The batch is then claimed in a read-write transaction over the
 * outbox and the sync state only, and only for entries whose stamp is still the one read: a record
 * written in between keeps its entry and goes in the next batch, so nothing is lost or sent stale.
 */
export async function takePushBatch(store: LocalStore, limits: PushLimits): Promise<PushBatch> {
  for (;;) {
    const snapshot = await store.read(async (access) => {
      const [state, entries] = await Promise.all([readSyncState(access), access.readOutbox(limits.mutationsPerPush)]);
      const unanswered = state.inFlight !== null && state.inFlight.length > 0;
      const records = unanswered || entries.length === 0 ? [] : await access.getRecords(entries);
      return { state, entries, records };
    });
    const { state } = snapshot;
    if (state.inFlight !== null && state.inFlight.length > 0) {
      return { mutations: state.inFlight, rejected: [], resent: true };
    }
    const plan = planBatch(snapshot.entries, snapshot.records, state.nextMutationId, limits);
    if (plan.length === 0) return { mutations: [], rejected: [], resent: false };
    const batch = await store.outboxTransaction((access) => claimBatch(access, state, plan));
    if (batch !== null) return batch;
    // Another batch was taken, or every planned record changed since it was read: read again.
  }
}

/** Which entries go in the batch, in outbox order, within the count and byte limits. */
function planBatch(
  entries: readonly OutboxRef[],
  records: readonly (WireRecord | undefined)[],
  firstId: number,
  limits: PushLimits,
): PlannedEntry[] {
  const plan: PlannedEntry[] = [];
  let sending = 0;
  let bytes = jsonByteLength({ protocolVersion: syncProtocolVersion, mutations: [] });
  for (const [index, entry] of entries.entries()) {
    const current = records[index];
    // Nothing to push: the record is gone, or it never syncs.
    if (current === undefined || isDeviceLocal(entry)) {
      plan.push({ entry });
      continue;
    }
    if (heldBackWhileStreaming(current)) continue;
    // The server refuses a batch whole, so one invalid record would block every push after it.
    const parsed = syncRecordSchema.safeParse(current);
    if (!parsed.success) {
      plan.push({ entry, rejected: 'invalid' });
      continue;
    }
    // Sized with the id it would get; a claim that drops entries only gives later ones smaller ids.
    const size = jsonByteLength({ mutationId: firstId + sending, change: parsed.data });
    // Too large even alone in a batch: no later attempt could send it.
    if (size > limits.bytesPerRecord || (sending === 0 && bytes + size > limits.bytesPerPush)) {
      plan.push({ entry, rejected: 'too_large' });
      continue;
    }
    const added = size + (sending > 0 ? 1 : 0); // the comma between mutations
    if (bytes + added > limits.bytesPerPush) break; // full: this entry waits for the next batch
    plan.push({ entry, change: parsed.data });
    sending += 1;
    bytes += added;
  }
  return plan;
}

/**
 * Claims the planned entries whose records have not been written since they were read; null when the
 * sync state moved on (another batch was taken) or no planned entry is still current.
 */
async function claimBatch(
  access: OutboxAccess,
  planned: SyncState,
  plan: readonly PlannedEntry[],
): Promise<PushBatch | null> {
  const [state, current] = await Promise.all([
    readSyncState(access),
    access.getOutboxEntries(plan.map((item) => item.entry)),
  ]);
  if (state.nextMutationId !== planned.nextMutationId || (state.inFlight !== null && state.inFlight.length > 0)) {
    return null;
  }
  const still = plan.filter((item, index) => current[index]?.stamp === item.entry.stamp);
  if (still.length === 0) return null;

  const mutations: SyncMutation[] = [];
  const rejected: RejectedRecord[] = [];
  let nextId = state.nextMutationId;
  for (const { entry, change, rejected: reason } of still) {
    const ref = { table: entry.table, key: entry.key };
    if (reason !== undefined) rejected.push({ ref, reason });
    else if (change !== undefined) mutations.push({ mutationId: nextId++, change });
  }
  const settled = new Set(still.map((item) => refKey(item.entry)));
  const parked = [...state.parked.filter((ref) => !settled.has(refKey(ref))), ...rejected.map((entry) => entry.ref)];
  await Promise.all([
    access.writeSyncState({
      inFlight: mutations.length > 0 ? mutations : null,
      nextMutationId: nextId,
      ...(rejected.length > 0 || parked.length !== state.parked.length ? { parked } : {}),
    }),
    access.deleteOutbox(still.map((item) => item.entry)),
  ]);
  return { mutations, rejected, resent: false };
}
