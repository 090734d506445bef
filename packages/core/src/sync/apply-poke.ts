import type { SyncPoke } from '@hearth/schema';
import { applyRemoteRecords, latestClock } from './merge-remote.ts';
import { inTransaction, type SyncContext } from './sync-context.ts';
import { readSyncState } from './sync-store.ts';

/** What a poke meant for this device. */
export type PokeOutcome =
  /** Its changes were applied and the cursor moved to the poke's: nothing to pull. */
  | { kind: 'applied'; applied: number }
  /** This device already holds everything up to the poke's cursor. */
  | { kind: 'current' }
  /** The device is behind and the poke's changes do not start at its cursor: pull. */
  | { kind: 'behind' };

/**
 * Applies the changes a poke carries when they start exactly at this device's cursor, in one
 * transaction with the cursor move, so a poke saves a pull without ever skipping a change.
 */
export async function applyPoke(context: SyncContext, poke: SyncPoke): Promise<PokeOutcome> {
  const clock = poke.changes === undefined ? undefined : latestClock(poke.changes.records);
  if (clock !== undefined) context.clock.receive(clock);
  return inTransaction(context, async (access) => {
    const state = await readSyncState(access);
    if (state.resyncing) return { kind: 'behind' };
    if (poke.cursor <= state.cursor) return { kind: 'current' };
    if (poke.changes === undefined || poke.changes.from !== state.cursor) return { kind: 'behind' };
    const [taken] = await Promise.all([
      applyRemoteRecords(access, poke.changes.records),
      access.writeSyncState({ cursor: poke.cursor }),
    ]);
    return { kind: 'applied', applied: taken.length };
  });
}
