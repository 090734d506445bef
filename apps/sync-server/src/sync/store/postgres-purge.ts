import type { PoolClient } from 'pg';
import type { PurgeReport } from './sync-store.ts';

/**
 * The body of the purge transaction, with the SQLite store's rules (sqlite-purge.ts). It first locks
 * the rows of the users whose tombstones it forgets, in id order: a push of one of them waits (or this
 * waits for it), so no tombstone is forgotten while a push is deciding against it, and purges started
 * by several processes at once take the locks in the same order and cannot deadlock.
 */
export async function purgePostgresRows(
  client: PoolClient,
  options: { nowMs: number; horizonMs: number },
): Promise<PurgeReport> {
  const before = options.nowMs - options.horizonMs;
  await client.query(
    `SELECT id FROM sync_users WHERE id IN (SELECT user_id FROM sync_records WHERE deleted AND changed_at < $1)
     ORDER BY id FOR UPDATE`,
    [before],
  );
  await client.query(
    `UPDATE sync_users u SET purged_through_seq = GREATEST(u.purged_through_seq, m.max_seq)
     FROM (SELECT user_id, MAX(seq) AS max_seq FROM sync_records WHERE deleted AND changed_at < $1 GROUP BY user_id) m
     WHERE u.id = m.user_id`,
    [before],
  );
  await client.query(
    `INSERT INTO sync_graves (user_id, table_name, record_key, deleted_at_clock)
     SELECT user_id, table_name, record_key, updated_at FROM sync_records WHERE deleted AND changed_at < $1
     ON CONFLICT (user_id, table_name, record_key) DO UPDATE SET
       deleted_at_clock = GREATEST(sync_graves.deleted_at_clock, excluded.deleted_at_clock)`,
    [before],
  );
  const tombstones = await client.query('DELETE FROM sync_records WHERE deleted AND changed_at < $1', [before]);
  const codes = await client.query('DELETE FROM sync_pairing_codes WHERE expires_at <= $1', [options.nowMs]);
  return { tombstones: tombstones.rowCount ?? 0, pairingCodes: codes.rowCount ?? 0 };
}
