import { syncProtocolVersion } from '@hearth/schema';
import { completePushBatch } from './complete-push-batch.ts';
import { latestClock } from './merge-remote.ts';
import { parsePushResponse } from './parse-sync-response.ts';
import { callServer, inTransaction, type SyncContext, storageCall } from './sync-context.ts';
import { type RejectedRecord, takePushBatch } from './take-push-batch.ts';

/** What pushing did. */
export interface PushReport {
  /** Mutations the server acknowledged (resent ones included). */
  pushed: number;
  /** Server versions that replaced local ones because the server held something newer. */
  superseded: number;
  rejected: RejectedRecord[];
}

/** Pushes until nothing is pending: the unanswered batch first, then the outbox batch by batch. */
export async function pushPending(context: SyncContext): Promise<PushReport> {
  const report: PushReport = { pushed: 0, superseded: 0, rejected: [] };
  for (;;) {
    const batch = await storageCall(() => takePushBatch(context.store, context.limits));
    report.rejected.push(...batch.rejected);
    if (batch.mutations.length === 0) {
      if (batch.rejected.length > 0) continue; // entries were settled; more may follow
      return report;
    }
    const { mutations } = batch;
    const answer = await callServer(() => context.transport.push({ protocolVersion: syncProtocolVersion, mutations }));
    const response = parsePushResponse(answer, mutations);
    if (!response.success) throw response.error;
    const clock = latestClock(response.value.superseded);
    if (clock !== undefined) context.clock.receive(clock);
    const taken = await inTransaction(context, (access) =>
      completePushBatch(access, { mutations, response: response.value }),
    );
    report.pushed += mutations.length;
    report.superseded += taken.length;
  }
}
