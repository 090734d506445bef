import { HybridClock, newDeviceId } from '@hearth/core';
import type { AppDatabase } from './app-database.ts';

/** This device's id, created on first use. */
export async function loadDeviceId(db: AppDatabase): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await db.meta.get('device');
    if (existing) return existing.deviceId;
    const deviceId = newDeviceId();
    await db.meta.put({ key: 'device', deviceId });
    return deviceId;
  });
}

/**
 * This device's clock, resumed after the newest `updatedAt` already stored so that a restart with
 * a wall clock set back still orders new changes after old ones.
 */
export async function loadClock(db: AppDatabase): Promise<HybridClock> {
  const deviceId = await loadDeviceId(db);
  const newest = await Promise.all(
    [db.chats, db.messages, db.modelConfigs, db.settings].map((table) => table.orderBy('updatedAt').last()),
  );
  const last = newest
    .map((record) => record?.updatedAt)
    .filter((value): value is string => value !== undefined)
    .sort()
    .at(-1);
  return new HybridClock(last === undefined ? { deviceId } : { deviceId, last });
}
