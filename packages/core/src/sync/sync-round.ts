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
  /** Records (pulled or superseded) newer than the local version, written locally. */
  applied: number;
  rejected: RejectedRecord[];
  resynced: boolean;
  dropped: RecordRef[];
}

/**
 * One sync round: push everything pending, then pull to the end. When the server says this device was
 * away longer than it keeps tombstones (or an earlier resync was interrupted), resync from scratch.
 * Throws a SyncTransportError or SyncStorageError; what was done before the failure stays done.
 */
export async function runSyncRound(context: SyncContext): Promise<SyncRoundReport> {
  const push = await pushPending(context);
  const report: SyncRoundReport = {
    pushed: push.pushed,
    applied: push.superseded,
    rejected: push.rejected,
    resynced: false,
    dropped: [],
  };
  const { resyncing } = await inTransaction(context, readSyncState);
  if (!resyncing) {
    try {
      const pull = await pullChanges(context);
      report.applied += pull.applied;
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
