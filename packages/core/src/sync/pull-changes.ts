import { type SyncPullRequest, type SyncRecord, syncProtocolVersion } from '@hearth/schema';
import { applyPulledPage, latestClock } from './merge-remote.ts';
import { parsePullResponse } from './parse-sync-response.ts';
import { callServer, inTransaction, type SyncContext } from './sync-context.ts';
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
 * last stored batch ended. `onPage` sees every record the server sent (a resync collects what the
 * server holds).
 */
export async function pullChanges(
  context: SyncContext,
  options: { onPage?: (records: readonly SyncRecord[]) => void } = {},
): Promise<PullReport> {
  const report: PullReport = { pages: 0, received: 0, applied: 0 };
  let { cursor } = await inTransaction(context, readSyncState);
  const batchLimit = context.applyBatchRecords ?? defaultApplyBatchRecords;
  let batch: SyncRecord[] = [];
  for (;;) {
    const request: SyncPullRequest = {
      protocolVersion: syncProtocolVersion,
      cursor,
      ...(context.pullPageSize === undefined ? {} : { limit: context.pullPageSize }),
    };
    const answer = await callServer(() => context.transport.pull(request));
    const page = parsePullResponse(answer, cursor);
    if (!page.success) throw page.error;
    const clock = latestClock(page.value.records);
    if (clock !== undefined) context.clock.receive(clock);
    options.onPage?.(page.value.records);
    report.pages += 1;
    report.received += page.value.records.length;
    cursor = page.value.cursor;
    batch = batch.concat(page.value.records);
    if (batch.length >= batchLimit || !page.value.hasMore) {
      const records = batch;
      const taken = await inTransaction(context, (access) => applyPulledPage(access, { records, cursor }));
      report.applied += taken.length;
      batch = [];
    }
    if (!page.value.hasMore) return report;
  }
}
