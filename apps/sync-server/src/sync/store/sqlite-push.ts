import { type SyncMutation, type SyncRecord, syncRecordKey } from '@hearth/schema';
import { SyncError } from '../sync-error.ts';
import { claimClock, clockIdOf } from './device-clocks.ts';
import { foreignClockError, purgedTombstone } from './push-rules.ts';
import type { SqliteStatements } from './sqlite-statements.ts';
import type { AppliedPush, SyncIdentity } from './sync-store.ts';

/**
 * The body of the push transaction (the caller runs it inside BEGIN IMMEDIATE). Last writer wins by
 * clock, compared as text; an equal clock is the same write (the clock is bound to one device, so the
 * same content), and changes nothing. A record whose tombstone was purged is compared with its grave:
 * an older write (an edit from a device away longer than the horizon) loses to the deletion, and the
 * device is answered with a tombstone at the deletion's clock, so the record does not come back.
 */
export function applyPushRows(
  statements: SqliteStatements,
  options: { identity: SyncIdentity; mutations: readonly SyncMutation[]; nowMs: number },
): AppliedPush {
  const { identity, mutations, nowMs } = options;
  const { userId, deviceId } = identity;
  const device = statements.liveDevice.get(deviceId, userId);
  const user = statements.userMarks.get(userId);
  if (device === undefined || user === undefined) {
    throw new SyncError('unauthorized', 'This device was signed out of sync (revoked). Sign in again.');
  }
  let seq = user.seq;
  let lastMutationId = device.last_mutation_id;
  const taken: SyncRecord[] = [];
  const superseded = new Map<string, SyncRecord>();
  for (const mutation of mutations) {
    // Already applied: a retried batch, or its overlap with an earlier one.
    if (mutation.mutationId <= lastMutationId) continue;
    lastMutationId = mutation.mutationId;
    const { change } = mutation;
    const key = syncRecordKey(change);
    const slot = `${change.table}/${key}`;
    const incoming = change.record.updatedAt;
    refuseForeignClock(statements, { identity, mutation, key });
    const existing = statements.selectRecord.get(userId, change.table, key);
    if (existing !== undefined && incoming <= existing.updated_at) {
      if (incoming < existing.updated_at) {
        superseded.set(slot, { table: change.table, record: JSON.parse(existing.body) } as SyncRecord);
      }
      continue;
    }
    const grave = existing === undefined ? statements.graveClock.get(userId, change.table, key) : undefined;
    if (grave !== undefined && incoming <= grave) {
      superseded.set(slot, purgedTombstone(change, key, grave));
      continue;
    }
    seq += 1;
    statements.upsertRecord.run({
      userId,
      table: change.table,
      key,
      updatedAt: incoming,
      deleted: change.record.deleted ? 1 : 0,
      // A tombstone arrives reduced to its identity by the schema: deleted content is never stored.
      body: JSON.stringify(change.record),
      seq,
      nowMs,
    });
    taken.push(change);
    superseded.delete(slot);
  }
  if (lastMutationId !== device.last_mutation_id) statements.setLastMutation.run(lastMutationId, deviceId);
  if (taken.length > 0) statements.setUserSeq.run(seq, userId);
  return {
    lastMutationId,
    superseded: [...superseded.values()],
    sequence: { before: user.seq, after: seq },
    cursor: seq,
    applied: taken.length,
    taken,
  };
}

function refuseForeignClock(
  statements: SqliteStatements,
  options: { identity: SyncIdentity; mutation: SyncMutation; key: string },
): void {
  const { identity, mutation, key } = options;
  const clockId = clockIdOf(mutation.change.record.updatedAt);
  if (claimClock(statements, { ...identity, clockId }) !== 'foreign') return;
  throw foreignClockError({ mutation, key, clockId });
}
