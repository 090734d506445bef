import type { SyncRecord } from '@hearth/schema';
import { isDeviceLocal, recordRef } from './record-ref.ts';
import type { SyncStoreAccess } from './sync-store.ts';

/**
 * Writes local changes together with their outbox entries, inside the caller's transaction so a change
 * is never stored without being queued for push. Device-local settings are stored but never queued.
 */
export async function recordLocalChanges(access: SyncStoreAccess, changes: readonly SyncRecord[]): Promise<void> {
  if (changes.length === 0) return;
  await access.putRecords(changes);
  await access.addOutbox(changes.map(recordRef).filter((ref) => !isDeviceLocal(ref)));
}
