import type { PoolClient } from 'pg';
import { SyncError } from '../sync-error.ts';

/**
 * Clocks bound to devices (see device-clocks.ts), on PostgreSQL, inside the caller's transaction:
 * binds each unowned clock id to the device and returns those another device owns. The insert waits
 * for a concurrent claim of the same id (its unique key) and then yields to it, so two processes can
 * never bind one clock id to two devices.
 */
export async function claimPostgresClocks(
  client: PoolClient,
  options: { userId: string; deviceId: string; clockIds: readonly string[] },
): Promise<Set<string>> {
  const { userId, deviceId, clockIds } = options;
  if (clockIds.length === 0) return new Set();
  await client.query(
    `INSERT INTO sync_device_clocks (user_id, clock_id, device_id)
     SELECT $1, clock_id, $2 FROM unnest($3::text[]) AS c (clock_id)
     ON CONFLICT (user_id, clock_id) DO NOTHING`,
    [userId, deviceId, clockIds],
  );
  const owners = await client.query<{ clock_id: string }>(
    'SELECT clock_id FROM sync_device_clocks WHERE user_id = $1 AND clock_id = ANY ($2::text[]) AND device_id <> $3',
    [userId, clockIds, deviceId],
  );
  return new Set(owners.rows.map((row) => row.clock_id));
}

/** Binds a new device's declared clock id, refusing one that another live device of the user owns. */
export async function declarePostgresClock(
  client: PoolClient,
  options: { userId: string; deviceId: string; clockId: string | undefined },
): Promise<void> {
  if (options.clockId === undefined) return;
  const foreign = await claimPostgresClocks(client, { ...options, clockIds: [options.clockId] });
  if (foreign.size === 0) return;
  throw new SyncError(
    'foreign_clock',
    `The clock id ${options.clockId} already belongs to another device of this account. ` +
      'This browser’s data seems to be a copy of that device’s; sync from the original instead.',
    { clockId: options.clockId },
  );
}
