import type { SyncPoke } from '@hearth/schema';
import { jsonBytes } from './push-checks.ts';
import type { AppliedPush } from './store/sync-store.ts';

/** Changes small enough to ride in a poke; bigger ones are pulled. */
export const pokeLimits = { records: 50, bytes: 64 * 1024 } as const;

/**
 * The poke announcing a committed push: the new cursor, and the push's own changes when they are
 * small, so the user's other devices apply them without a pull (they took every sequence number from
 * `sequence.before` to the cursor, with nothing in between).
 */
export function pokeFor(push: AppliedPush): SyncPoke {
  const small = push.taken.length <= pokeLimits.records && jsonBytes(push.taken) <= pokeLimits.bytes;
  return small
    ? { cursor: push.cursor, changes: { from: push.sequence.before, records: push.taken } }
    : { cursor: push.cursor };
}

/**
 * Two pokes as one, for a subscriber that has not read the first yet: their changes join when they
 * follow each other in sequence (in either order) and still fit; otherwise only the later cursor stays.
 */
export function coalescePokes(first: SyncPoke, second: SyncPoke): SyncPoke {
  const cursor = Math.max(first.cursor, second.cursor);
  const [earlier, later] = first.cursor <= second.cursor ? [first, second] : [second, first];
  if (earlier.changes === undefined || later.changes === undefined || later.changes.from !== earlier.cursor) {
    return { cursor };
  }
  const records = [...earlier.changes.records, ...later.changes.records];
  if (records.length > pokeLimits.records || jsonBytes(records) > pokeLimits.bytes) return { cursor };
  return { cursor, changes: { from: earlier.changes.from, records } };
}
