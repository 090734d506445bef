import { syncLimits, type WireRecord } from '@hearth/schema';
import { applyPulledPage, latestClock, type RemoteVersion } from './merge-remote.ts';
import { PageFetcher } from './page-fetcher.ts';
import { inTransaction, type SyncContext } from './sync-context.ts';
import { readSyncState } from './sync-store.ts';

/** What pulling did. */
export interface PullReport {
  pages: number;
  /** Records the server sent. */
  received: number;
  /** Of those, the ones newer than the local version and written. */
  applied: number;
}

/**
 * Records merged per local transaction: several server pages are written together, because a storage
 * transaction has a fixed cost that dominates small ones (IndexedDB in particular).
 */
export const defaultApplyBatchRecords = 5_000;

/**
 * Pulls pages from the stored cursor until the server has no more. Pages are merged in batches, each
 * batch and the cursor after it stored in one transaction, so an interrupted pull resumes where its
 * last stored batch ended. The next pages are fetched while a batch is written (up to a batch and a
 * page ahead), so the network and the local database work at the same time. `onPage` sees every
 * record the server sent (a resync collects what the server holds).
 */
export async function pullChanges(
  context: SyncContext,
  options: { onPage?: (records: readonly WireRecord[]) => void } = {},
): Promise<PullReport> {
  const report: PullReport = { pages: 0, received: 0, applied: 0 };
  const { cursor: start } = await inTransaction(context, readSyncState);
  const batchLimit = context.applyBatchRecords ?? defaultApplyBatchRecords;
  const pageSize = context.pullPageSize ?? syncLimits.recordsPerPullPage;
  const pages = new PageFetcher({ context, cursor: start, ahead: Math.ceil(batchLimit / pageSize) + 1 });
  let batch: RemoteVersion[] = [];
  for (;;) {
    const page = await pages.next();
    if (!page.success) throw page.error;
    const { records, cursor, hasMore } = page.value;
    const changes = records.map((version) => version.change);
    const clock = latestClock(changes);
    if (clock !== undefined) context.clock.receive(clock);
    options.onPage?.(changes);
    report.pages += 1;
    report.received += records.length;
    batch = batch.length === 0 ? [...records] : batch.concat(records);
    if (batch.length >= batchLimit || !hasMore) {
      const written = batch;
      batch = [];
      const taken = await inTransaction(context, (access) => applyPulledPage(access, { records: written, cursor }));
      report.applied += taken.length;
    }
    if (!hasMore) return report;
  }
}
