import type { PoolClient } from 'pg';
import { newOpaqueId } from '../random-text.ts';
import { declarePostgresClock } from './postgres-clocks.ts';
import type { SyncIdentity } from './sync-store.ts';

/** Creates a user and its first device (inside the caller's transaction). */
export async function insertPostgresUser(
  client: PoolClient,
  options: { deviceName: string; tokenHash: string; nowMs: number; clockId?: string | undefined },
): Promise<SyncIdentity> {
  const userId = newOpaqueId();
  await client.query('INSERT INTO sync_users (id, created_at) VALUES ($1, $2)', [userId, options.nowMs]);
  return insertPostgresDevice(client, { ...options, userId });
}

/** Adds a device to a user (inside the caller's transaction). */
export async function insertPostgresDevice(
  client: PoolClient,
  options: { userId: string; deviceName: string; tokenHash: string; nowMs: number; clockId?: string | undefined },
): Promise<SyncIdentity> {
  const deviceId = newOpaqueId();
  await client.query(
    `INSERT INTO sync_devices (id, user_id, name, token_hash, created_at, last_seen_at)
     VALUES ($1, $2, $3, $4, $5, $5)`,
    [deviceId, options.userId, options.deviceName, options.tokenHash, options.nowMs],
  );
  await declarePostgresClock(client, { userId: options.userId, deviceId, clockId: options.clockId });
  return { userId: options.userId, deviceId };
}

/**
 * Consumes a pairing code: gone after one use, useless once expired (inside the caller's transaction).
 * `DELETE ... RETURNING` takes the row for this transaction alone, so two processes redeeming the same
 * code at once cannot both succeed: the second waits for the first and then finds nothing.
 */
export async function redeemPostgresCode(
  client: PoolClient,
  options: { codeHash: string; deviceName: string; tokenHash: string; nowMs: number; clockId?: string | undefined },
): Promise<SyncIdentity | undefined> {
  const pairing = await client.query<{ user_id: string; expires_at: number }>(
    'DELETE FROM sync_pairing_codes WHERE code_hash = $1 RETURNING user_id, expires_at',
    [options.codeHash],
  );
  const row = pairing.rows[0];
  if (row === undefined || row.expires_at <= options.nowMs) return undefined;
  return insertPostgresDevice(client, { ...options, userId: row.user_id });
}

/** Revokes a device of this user, the pairing codes it made and its clock ids; false when it has no such live device. */
export async function revokePostgresDevice(
  client: PoolClient,
  options: { userId: string; deviceId: string; nowMs: number },
): Promise<boolean> {
  const revoked = await client.query(
    'UPDATE sync_devices SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL',
    [options.nowMs, options.deviceId, options.userId],
  );
  if ((revoked.rowCount ?? 0) === 0) return false;
  await client.query('DELETE FROM sync_pairing_codes WHERE created_by = $1', [options.deviceId]);
  await client.query('DELETE FROM sync_device_clocks WHERE device_id = $1', [options.deviceId]);
  return true;
}
