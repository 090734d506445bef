import { type PullReport, pullChanges } from './pull-changes.ts';
import { type PushReport, pushPending } from './push-pending.ts';
import { isDeviceLocal, type RecordRef, recordRef, refKey } from './record-ref.ts';
import { inTransaction, type SyncContext } from './sync-context.ts';
import { readSyncState, type SyncStoreAccess } from './sync-store.ts';

/** What a resync did. */
export interface ResyncReport {
  push: PushReport;
  pull: PullReport;
  /** Local records the server no longer has, removed from this device. */
  dropped: RecordRef[];
}

/**
 * Ends a resync inside one transaction: removes every local record the server did not list, except
 * those with a change still to push (outbox, in-flight batch, parked) and device-local settings.
 * The server forgot those records' tombstones, so keeping them would show deleted data forever.
 */
export async function dropUnlisted(access: SyncStoreAccess, listed: ReadonlySet<string>): Promise<RecordRef[]> {
  const state = await readSyncState(access);
  const pending = new Set([
    ...(await access.readOutbox()).map(refKey),
    ...(state.inFlight ?? []).map((mutation) => refKey(recordRef(mutation.change))),
    ...state.parked.map(refKey),
  ]);
  const drop = (await access.listRecordRefs()).filter((ref) => {
    const key = refKey(ref);
    return !listed.has(key) && !pending.has(key) && !isDeviceLocal(ref);
  });
  if (drop.length > 0) await access.deleteRecords(drop);
  await access.writeSyncState({ resyncing: false });
  return drop;
}

/**
 * Starts over when the server no longer has the tombstones this device would need (`resync_required`):
 * pending changes are pushed first so none is dropped, then everything is pulled from cursor 0 and
 * local records the server did not send are removed. A flag marks the resync as unfinished, so an
 * interrupted one starts over from 0 on the next round instead of skipping the removal.
 */
export async function resync(context: SyncContext): Promise<ResyncReport> {
  const push = await pushPending(context);
  await inTransaction(context, (access) => access.writeSyncState({ cursor: 0, resyncing: true }));
  const listed = new Set<string>();
  const pull = await pullChanges(context, {
    onPage: (records) => {
      for (const change of records) listed.add(refKey(recordRef(change)));
    },
  });
  const dropped = await inTransaction(context, (access) => dropUnlisted(access, listed));
  return { push, pull, dropped };
}
