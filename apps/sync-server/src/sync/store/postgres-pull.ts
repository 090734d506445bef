import type { SyncPullResponse, WireRecord } from '@hearth/schema';
import type { PoolClient } from 'pg';
import { SyncError } from '../sync-error.ts';
import type { SyncIdentity } from './sync-store.ts';

/**
 * One pull page, with the SQLite store's rules (sqlite-pull.ts). The caller runs it in one REPEATABLE
 * READ transaction, so the marks and the page come from one snapshot: a purge that commits in between
 * cannot remove tombstones from the page after the marks said the cursor was still valid. (A pull from
 * cursor 0 records where the download began just before, in its own statement; see the store.)
 *
 * The page is cut by count and by bytes in SQL: a running sum of body sizes (`octet_length` reads a
 * stored value's size without decompressing it), and bodies past the cut are not sent at all.
 */
export async function pullPostgresPage(
  client: PoolClient,
  options: { identity: SyncIdentity; cursor: number; limit: number; maxBytes: number },
): Promise<SyncPullResponse> {
  const { identity, cursor, limit, maxBytes } = options;
  const { userId, deviceId } = identity;
  const marks = await client.query<{ seq: number; purged_through_seq: number; download_base_seq: number }>(
    `SELECT u.seq, u.purged_through_seq, d.download_base_seq
     FROM sync_users u JOIN sync_devices d ON d.user_id = u.id
     WHERE u.id = $1 AND d.id = $2 AND d.revoked_at IS NULL`,
    [userId, deviceId],
  );
  const user = marks.rows[0];
  if (user === undefined) {
    throw new SyncError('unauthorized', 'This device was signed out of sync (revoked). Sign in again.');
  }
  if (cursor !== 0 && cursor < user.purged_through_seq && user.purged_through_seq > user.download_base_seq) {
    throw new SyncError(
      'resync_required',
      `This device last synced before deleted records were forgotten (cursor ${cursor}, forgotten through ` +
        `${user.purged_through_seq}): download everything again from cursor 0.`,
      { cursor, purgedThroughSeq: user.purged_through_seq },
    );
  }
  if (cursor > user.seq) {
    throw new SyncError(
      'resync_required',
      `This device's cursor ${cursor} is ahead of the server's ${user.seq}: download everything again from cursor 0.`,
      { cursor, serverCursor: user.seq },
    );
  }
  const page = await client.query<{ table_name: string; body: string | null; seq: number }>(
    `SELECT table_name, seq, CASE WHEN n = 1 OR bytes <= $4 THEN body END AS body FROM (
       SELECT table_name, seq, body,
         row_number() OVER w AS n, sum(octet_length(body)) OVER w AS bytes
       FROM sync_records WHERE user_id = $1 AND seq > $2
       WINDOW w AS (ORDER BY seq ROWS UNBOUNDED PRECEDING)
       ORDER BY seq LIMIT $3
     ) page ORDER BY seq`,
    [userId, cursor, limit + 1, maxBytes],
  );
  const records: WireRecord[] = [];
  let last = cursor;
  let hasMore = false;
  for (const row of page.rows) {
    if (records.length === limit || row.body === null) {
      hasMore = true;
      break;
    }
    records.push({ table: row.table_name, record: JSON.parse(row.body) } as WireRecord);
    last = row.seq;
  }
  return { records, cursor: records.length > 0 ? last : Math.max(cursor, user.seq), hasMore };
}
