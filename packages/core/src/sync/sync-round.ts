import type { SyncPoke } from '@hearth/schema';
import { applyPoke } from './apply-poke.ts';
import { releaseHeldRecords } from './merge-remote.ts';
import { pullChanges } from './pull-changes.ts';
import { pushPending } from './push-pending.ts';
import type { RecordRef } from './record-ref.ts';
import { resync } from './resync.ts';
import { SyncTransportError } from './sync-client-error.ts';
import { inTransaction, type SyncContext } from './sync-context.ts';
import { readSyncState } from './sync-store.ts';
import type { RejectedRecord } from './take-push-batch.ts';

/** What one sync round did; a round that changed nothing has zero everywhere. */
export interface SyncRoundReport {
  pushed: number;
  /** Records (pulled, poked or superseded) newer than the local version, written locally. */
  applied: number;
  rejected: RejectedRecord[];
  resynced: boolean;
  dropped: RecordRef[];
}

/**
 * What a round is asked to do. Local changes only need a push; a pull is for when the server may hold
 * something new (a poke without its changes, start-up, reconnecting, the slow timer). Pokes that carry
 * their changes are applied without a pull when they start at this device's cursor.
 */
export interface SyncWork {
  push: boolean;
  pull: boolean;
  pokes: SyncPoke[];
  /** Move records held for a newer app version that this version can now read (once per start). */
  releaseHeld?: boolean;
}

/** Everything: push what is pending, then pull to the end. */
export const fullSync: SyncWork = { push: true, pull: true, pokes: [] };

/**
 * One sync round: push what is pending, apply pokes, pull to the end when needed. When the server says
 * this device was away longer than it keeps tombstones (or an earlier resync was interrupted), resync
 * from scratch. Throws a SyncTransportError or SyncStorageError; what was done before the failure stays done.
 */
export async function runSyncRound(context: SyncContext, work: SyncWork = fullSync): Promise<SyncRoundReport> {
  const report: SyncRoundReport = { pushed: 0, applied: 0, rejected: [], resynced: false, dropped: [] };
  if (work.releaseHeld === true) report.applied += await inTransaction(context, releaseHeldRecords);
  if (work.push || work.pull) {
    const push = await pushPending(context);
    report.pushed += push.pushed;
    report.applied += push.superseded;
    report.rejected.push(...push.rejected);
  }
  let pull = work.pull;
  for (const poke of work.pokes) {
    const outcome = await applyPoke(context, poke);
    if (outcome.kind === 'applied') report.applied += outcome.applied;
    if (outcome.kind === 'behind') pull = true;
  }
  if (!pull) return report;
  const { resyncing } = await inTransaction(context, readSyncState);
  if (!resyncing) {
    try {
      const pulled = await pullChanges(context);
      report.applied += pulled.applied;
      return report;
    } catch (error) {
      if (!(error instanceof SyncTransportError && error.code === 'resync_required')) throw error;
    }
  }
  const again = await resync(context);
  report.pushed += again.push.pushed;
  report.applied += again.push.superseded + again.pull.applied;
  report.rejected.push(...again.push.rejected);
  report.resynced = true;
  report.dropped = again.dropped;
  return report;
}
