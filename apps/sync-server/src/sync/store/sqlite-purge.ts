import type { SqliteStatements } from './sqlite-statements.ts';
import type { PurgeReport } from './sync-store.ts';

/**
 * The body of the purge transaction: each user's purge mark rises to the newest purged tombstone's
 * sequence number, each purged tombstone leaves a grave (key and clock), then the tombstones go, and
 * expired pairing codes with them.
 */
export function purgeRows(statements: SqliteStatements, options: { nowMs: number; horizonMs: number }): PurgeReport {
  const before = options.nowMs - options.horizonMs;
  for (const marks of statements.purgeMarks.all(before)) statements.raisePurgeMark.run(marks.max_seq, marks.user_id);
  statements.buryTombstones.run(before);
  const tombstones = statements.deleteTombstones.run(before).changes;
  const pairingCodes = statements.deleteExpiredCodes.run(options.nowMs).changes;
  return { tombstones, pairingCodes };
}
