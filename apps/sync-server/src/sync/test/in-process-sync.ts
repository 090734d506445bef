import { join } from 'node:path';
import { makeTempDir } from '../../../test/temp-dir.ts';
import { openStorage } from '../../storage/open-storage.ts';
import type { Storage } from '../../storage/storage.ts';
import { appRouter } from '../app-router.ts';
import { hashSecret, newDeviceToken } from '../device-token.ts';
import type { SyncIdentity } from '../store/sync-store.ts';
import type { SyncServices } from '../sync-context.ts';
import type { SyncOptions } from '../sync-options.ts';
import { callerContext, createSyncServices } from '../sync-services.ts';
import { testNowMs } from './records.ts';
import type { OpenedStore, StoreBackend } from './store-backends.ts';

/** A device signed in to the in-process API: its token, identity and a caller acting as it. */
export interface TestDevice {
  token: string;
  identity: SyncIdentity;
  call: ReturnType<typeof appRouter.createCaller>;
}

/** The sync API on a real SQLite file in a temp dir, called in-process (no HTTP), with a movable clock. */
export interface InProcessSync {
  storage: Storage;
  services: SyncServices;
  clock: { nowMs: number };
  /** A new user with one device. */
  newUser(deviceName?: string): Promise<TestDevice>;
  /** A caller with any token (or none). */
  callerWith(token: string | undefined): ReturnType<typeof appRouter.createCaller>;
  close(): void;
}

/** The sync API on a fresh store of any kind (store-backends.ts), called in-process, with a movable clock. */
export interface InProcessSyncOn extends Omit<InProcessSync, 'storage' | 'close'> {
  store: OpenedStore;
  close(): Promise<void>;
}

/** Opens a fresh store of `backend` and the sync services on it. */
export async function startSyncOn(
  backend: StoreBackend,
  options: { sync?: Partial<SyncOptions> } = {},
): Promise<InProcessSyncOn> {
  const opened = await backend.open();
  const clock = { nowMs: testNowMs };
  const services = createSyncServices({
    store: opened.store,
    now: () => clock.nowMs,
    ...(options.sync ? { options: options.sync } : {}),
  });
  const callerWith = (token: string | undefined) =>
    appRouter.createCaller(callerContext({ services, ...(token === undefined ? {} : { token }) }));
  return {
    store: opened,
    services,
    clock,
    newUser: async (deviceName = 'Test device') => {
      const token = newDeviceToken();
      const identity = await services.store.createUser({
        deviceName,
        tokenHash: hashSecret(token),
        nowMs: clock.nowMs,
      });
      return { token, identity, call: callerWith(token) };
    },
    callerWith,
    async close() {
      await services.hub.closeAll();
      await opened.close();
    },
  };
}

/** Opens a fresh database (migrations included) and the sync services on it. */
export function startInProcessSync(options: { sync?: Partial<SyncOptions> } = {}): InProcessSync {
  const temp = makeTempDir('sync');
  const storage = openStorage({ dataDir: join(temp.path, 'data') });
  const clock = { nowMs: testNowMs };
  const services = createSyncServices({
    db: storage.db,
    now: () => clock.nowMs,
    ...(options.sync ? { options: options.sync } : {}),
  });
  const callerWith = (token: string | undefined) =>
    appRouter.createCaller(callerContext({ services, ...(token === undefined ? {} : { token }) }));
  return {
    storage,
    services,
    clock,
    async newUser(deviceName = 'Test device') {
      const token = newDeviceToken();
      const identity = await services.store.createUser({
        deviceName,
        tokenHash: hashSecret(token),
        nowMs: clock.nowMs,
      });
      return { token, identity, call: callerWith(token) };
    },
    callerWith,
    close() {
      void services.hub.closeAll();
      storage.close();
      temp.remove();
    },
  };
}

/** Pairs a new device into the user of `device` through the API, as the app does. */
export async function pairDevice(
  sync: Pick<InProcessSync, 'callerWith'>,
  device: TestDevice,
  name = 'Second device',
): Promise<TestDevice> {
  const { code } = await device.call.pairing.create();
  const credentials = await sync.callerWith(undefined).pairing.redeem({ code, deviceName: name });
  return {
    token: credentials.token,
    identity: { userId: credentials.userId, deviceId: credentials.deviceId },
    call: sync.callerWith(credentials.token),
  };
}
