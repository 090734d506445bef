import { parseHlc } from '@hearth/core';
import { SyncError } from '../sync-error.ts';
import type { SqliteStatements } from './sqlite-statements.ts';

/**
 * Clocks are bound to devices (docs/sync-protocol.md): the device part of a clock (its clock id)
 * belongs to one live device of the user, declared when the device was created or taken by the first
 * push that uses it. Another device pushing a clock with it is refused, so two devices can never write
 * one clock with different content. Runs inside the caller's transaction.
 */
export function claimClock(
  statements: SqliteStatements,
  options: { userId: string; deviceId: string; clockId: string },
): 'own' | 'claimed' | 'foreign' {
  const owner = statements.clockOwner.get(options.userId, options.clockId);
  if (owner === options.deviceId) return 'own';
  if (owner !== undefined) return 'foreign';
  statements.bindClock.run(options.userId, options.clockId, options.deviceId);
  return 'claimed';
}

/** The clock id of a serialized clock (already validated by the schema). */
export function clockIdOf(updatedAt: string): string {
  const parsed = parseHlc(updatedAt);
  return parsed.success ? parsed.value.deviceId : '';
}

/** Binds a new device's declared clock id, refusing one that another live device of the user owns. */
export function declareClock(
  statements: SqliteStatements,
  options: { userId: string; deviceId: string; clockId: string | undefined },
): void {
  if (options.clockId === undefined) return;
  if (claimClock(statements, { ...options, clockId: options.clockId }) === 'foreign') {
    throw new SyncError(
      'foreign_clock',
      `The clock id ${options.clockId} already belongs to another device of this account. ` +
        'This browser’s data seems to be a copy of that device’s; sync from the original instead.',
      { clockId: options.clockId },
    );
  }
}
