import { initialSyncState } from '@hearth/core';
import { isDeviceLocalSetting, type SyncTable, syncTables } from '@hearth/schema';
import type { AppDatabase } from '../db/app-database.ts';
import { type OutboxEntry, outboxKey } from '../db/outbox-middleware.ts';

/** This device's sync account: where the server is and the device token it gave us. */
export interface SyncAccount {
  serverUrl: string;
  token: string;
  /** This device's id on the server, to mark it in the device list. */
  deviceId: string;
}

const accountKey = 'account';

/** The signed-in account, if any. */
export async function loadAccount(db: AppDatabase): Promise<SyncAccount | undefined> {
  const row = await db.syncState.get(accountKey);
  const value = row?.value as Partial<SyncAccount> | undefined;
  if (!value?.serverUrl || !value.token || !value.deviceId) return undefined;
  return { serverUrl: value.serverUrl, token: value.token, deviceId: value.deviceId };
}

/**
 * Signs this device in: a fresh sync state (a new device on the server numbers its changes from 1 and
 * pulls from the start), and everything already stored here queued for upload, so no chat written
 * before sync was turned on stays behind. One transaction.
 */
export async function signIn(db: AppDatabase, account: SyncAccount): Promise<void> {
  const tables = syncTables.map((name) => db.table(name));
  await db.transaction('rw', [...tables, db.outbox, db.syncState], async (transaction) => {
    const state = transaction.table<{ key: string; value: unknown }, string>('syncState');
    const outbox = transaction.table<OutboxEntry, string>('outbox');
    await state.bulkPut([
      ...Object.entries(initialSyncState).map(([key, value]) => ({ key, value })),
      { key: accountKey, value: account },
    ]);
    for (const name of syncTables) {
      const keys = (await transaction.table(name).toCollection().primaryKeys()).map(String);
      const entries = keys
        .filter((key) => name !== 'settings' || !isDeviceLocalSetting(key))
        .map((key): OutboxEntry => ({ key: outboxKey(name as SyncTable, key), table: name, id: key }));
      await outbox.bulkPut(entries);
    }
  });
}

/** Signs this device out. Its chats stay here; they just stop syncing. */
export async function signOut(db: AppDatabase): Promise<void> {
  await db.syncState.bulkDelete([accountKey, ...Object.keys(initialSyncState)]);
}
