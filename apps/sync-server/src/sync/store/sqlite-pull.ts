import type { SyncPullResponse, WireRecord } from '@hearth/schema';
import { SyncError } from '../sync-error.ts';
import type { SqliteStatements } from './sqlite-statements.ts';
import type { SyncIdentity } from './sync-store.ts';

/**
 * One pull page; the caller runs it in one transaction (a write one for cursor 0, which records where
 * the device's download began), so the marks and the page agree.
 *
 * A cursor below the user's purge mark may have missed a forgotten tombstone, so the device must start
 * over, unless every forgotten tombstone is older than the device's current download from cursor 0:
 * then it never held those records, and can page on.
 */
export function pullRows(
  statements: SqliteStatements,
  options: { identity: SyncIdentity; cursor: number; limit: number; maxBytes: number },
): SyncPullResponse {
  const { identity, cursor, limit, maxBytes } = options;
  const { userId, deviceId } = identity;
  const user = statements.userMarks.get(userId);
  const device = statements.liveDevice.get(deviceId, userId);
  if (user === undefined || device === undefined) {
    throw new SyncError('unauthorized', 'This device was signed out of sync (revoked). Sign in again.');
  }
  if (cursor === 0) {
    statements.setDownloadBase.run(user.seq, deviceId);
  } else if (cursor < user.purged_through_seq && user.purged_through_seq > device.download_base_seq) {
    throw new SyncError(
      'resync_required',
      `This device last synced before deleted records were forgotten (cursor ${cursor}, forgotten through ` +
        `${user.purged_through_seq}): download everything again from cursor 0.`,
      { cursor, purgedThroughSeq: user.purged_through_seq },
    );
  }
  if (cursor > user.seq) {
    // The server has fewer changes than the device saw: it was restored from a backup, or is another server.
    throw new SyncError(
      'resync_required',
      `This device's cursor ${cursor} is ahead of the server's ${user.seq}: download everything again from cursor 0.`,
      { cursor, serverCursor: user.seq },
    );
  }
  // A page ends at `limit` records or once it holds `maxBytes` of bodies, whichever comes first (always
  // at least one record, which the push limits keep below the byte cap); rows are read one at a time,
  // so large records past the end are never loaded.
  const records: WireRecord[] = [];
  let bytes = 0;
  let last = cursor;
  let hasMore = false;
  for (const row of statements.pullPage.iterate(userId, cursor, limit + 1)) {
    const size = Buffer.byteLength(row.body, 'utf8');
    if (records.length === limit || (records.length > 0 && bytes + size > maxBytes)) {
      hasMore = true;
      break;
    }
    records.push({ table: row.table_name, record: JSON.parse(row.body) } as WireRecord);
    bytes += size;
    last = row.seq;
  }
  // An empty page means the device has everything: past changes since purged included.
  return { records, cursor: records.length > 0 ? last : Math.max(cursor, user.seq), hasMore };
}
