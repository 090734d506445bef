import { newOpaqueId } from '../random-text.ts';
import { declareClock } from './device-clocks.ts';
import type { SqliteStatements } from './sqlite-statements.ts';
import type { StoredDevice, SyncIdentity } from './sync-store.ts';

/** Creates a user and its first device (inside the caller's transaction). */
export function insertUser(
  statements: SqliteStatements,
  options: { deviceName: string; tokenHash: string; nowMs: number; clockId?: string | undefined },
): SyncIdentity {
  const userId = newOpaqueId();
  statements.insertUser.run(userId, options.nowMs);
  return insertDevice(statements, { ...options, userId });
}

/** Adds a device to a user (inside the caller's transaction). */
export function insertDevice(
  statements: SqliteStatements,
  options: { userId: string; deviceName: string; tokenHash: string; nowMs: number; clockId?: string | undefined },
): SyncIdentity {
  const deviceId = newOpaqueId();
  statements.insertDevice.run({
    id: deviceId,
    userId: options.userId,
    name: options.deviceName,
    tokenHash: options.tokenHash,
    nowMs: options.nowMs,
  });
  declareClock(statements, { userId: options.userId, deviceId, clockId: options.clockId });
  return { userId: options.userId, deviceId };
}

/** The user's live devices as the store reports them. */
export function selectDevices(statements: SqliteStatements, userId: string): StoredDevice[] {
  return statements.liveDevices.all(userId).map((row) => ({
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
  }));
}

/** Revokes a device of this user and the pairing codes it made; false when it has no such live device. */
export function revokeDeviceRow(
  statements: SqliteStatements,
  options: { userId: string; deviceId: string; nowMs: number },
): boolean {
  const revoked = statements.revokeDevice.run(options.nowMs, options.deviceId, options.userId).changes > 0;
  if (revoked) {
    statements.deleteCodesBy.run(options.deviceId);
    // A revoked device pushes nothing more; its clock ids are free for the same browser signing in again.
    statements.releaseClocks.run(options.deviceId);
  }
  return revoked;
}

/** Consumes a pairing code: gone after one use, and useless once expired (inside the caller's transaction). */
export function redeemCodeRow(
  statements: SqliteStatements,
  options: { codeHash: string; deviceName: string; tokenHash: string; nowMs: number; clockId?: string | undefined },
): SyncIdentity | undefined {
  const pairing = statements.pairingByHash.get(options.codeHash);
  if (pairing === undefined) return undefined;
  statements.deletePairing.run(options.codeHash);
  if (pairing.expires_at <= options.nowMs) return undefined;
  return insertDevice(statements, { ...options, userId: pairing.user_id });
}
