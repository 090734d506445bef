import type { HlcString, SyncRecord } from '@hearth/schema';
import { recordRef, refKey } from './record-ref.ts';
import type { SyncStoreAccess } from './sync-store.ts';

/** Last writer wins: take the remote version only when it is newer than what this device holds. */
export function shouldTakeRemote(local: SyncRecord | undefined, remote: SyncRecord): boolean {
  // Serialized clocks compare as strings; equal clocks are the same version (the device id is in the clock).
  return local === undefined || remote.record.updatedAt > local.record.updatedAt;
}

/** The newest version of each record among `records` (a page may name a record more than once). */
export function newestPerRecord(records: readonly SyncRecord[]): SyncRecord[] {
  const newest = new Map<string, SyncRecord>();
  for (const change of records) {
    const key = refKey(recordRef(change));
    const seen = newest.get(key);
    if (seen === undefined || change.record.updatedAt > seen.record.updatedAt) newest.set(key, change);
  }
  return [...newest.values()];
}

/** The greatest clock among records, so the local clock can move past all of them at once. */
export function latestClock(records: readonly SyncRecord[]): HlcString | undefined {
  let latest: HlcString | undefined;
  for (const change of records)
    if (latest === undefined || change.record.updatedAt > latest) latest = change.record.updatedAt;
  return latest;
}

/**
 * Merges remote versions into the store: each is written only where it is newer than the local record.
 * A local change still in the outbox survives when it is newer (its entry stays and will push it); when
 * the remote version wins, the entry goes, since the server already holds something newer. Returns the
 * versions taken.
 */
export async function applyRemoteRecords(
  access: SyncStoreAccess,
  records: readonly SyncRecord[],
): Promise<SyncRecord[]> {
  const candidates = newestPerRecord(records);
  if (candidates.length === 0) return [];
  const refs = candidates.map(recordRef);
  const locals = await access.getRecords(refs);
  const taken = candidates.filter((remote, index) => shouldTakeRemote(locals[index], remote));
  if (taken.length === 0) return [];
  await access.putRecords(taken);
  await access.deleteOutbox(taken.map(recordRef));
  return taken;
}

/** Applies one pulled page and moves the cursor past it; run inside one store transaction. */
export async function applyPulledPage(
  access: SyncStoreAccess,
  page: { records: readonly SyncRecord[]; cursor: number },
): Promise<SyncRecord[]> {
  const taken = await applyRemoteRecords(access, page.records);
  await access.writeSyncState({ cursor: page.cursor });
  return taken;
}
