import type { PairingCode, SyncDevice } from '@hearth/schema';
import type { Storage } from '../db/storage.ts';
import { loadAccount, signIn, signOut } from './sync-account.ts';
import { createSyncClient } from './sync-client.ts';
import { startSync, stopSync } from './sync-runner.ts';
import { syncErrorCode } from './trpc-transport.ts';

/** Why an account action failed, as a code the settings screen words (never the server's message text). */
export type AccountProblem = ReturnType<typeof syncErrorCode>;

export type AccountResult<T> = { success: true; value: T } | { success: false; problem: AccountProblem };

async function attempt<T>(work: () => Promise<T>): Promise<AccountResult<T>> {
  try {
    return { success: true, value: await work() };
  } catch (error) {
    return { success: false, problem: syncErrorCode(error) };
  }
}

/** What the server allows before signing in (is self-service sign-up on?). */
export function serverInfo(serverUrl: string) {
  return attempt(() => createSyncClient({ serverUrl }).server.info.query());
}

/** Signs in with a device token (from the server's CLI, or another device). */
export function signInWithToken(storage: Storage, input: { serverUrl: string; token: string }) {
  return attempt(async () => {
    const devices = await createSyncClient(input).devices.list.query();
    const current = devices.find((device) => device.current);
    if (!current) throw new Error('The server did not recognise this device.');
    await signIn(storage.db, { serverUrl: input.serverUrl, token: input.token, deviceId: current.id });
    await startSync(storage);
  });
}

/** Joins the account of another device with the pairing code it showed. */
export function signInWithPairingCode(
  storage: Storage,
  input: { serverUrl: string; code: string; deviceName: string },
) {
  return attempt(async () => {
    const credentials = await createSyncClient({ serverUrl: input.serverUrl }).pairing.redeem.mutate({
      code: input.code,
      deviceName: input.deviceName,
      // The device part of this device's clocks: no other device of the account may ever push it.
      clockId: storage.clock.deviceId,
    });
    await signIn(storage.db, { serverUrl: input.serverUrl, token: credentials.token, deviceId: credentials.deviceId });
    await startSync(storage);
  });
}

/** Creates a new account on a server that allows self-service sign-up. */
export function signUp(storage: Storage, input: { serverUrl: string; deviceName: string }) {
  return attempt(async () => {
    const credentials = await createSyncClient({ serverUrl: input.serverUrl }).account.signUp.mutate({
      deviceName: input.deviceName,
      clockId: storage.clock.deviceId,
    });
    await signIn(storage.db, { serverUrl: input.serverUrl, token: credentials.token, deviceId: credentials.deviceId });
    await startSync(storage);
  });
}

/** A one-time code (and link) that lets a new device join this account. */
export function createPairingCode(storage: Storage) {
  return attempt(async (): Promise<PairingCode & { url: string }> => {
    const account = await requireAccount(storage);
    const code = await createSyncClient(account).pairing.create.mutate();
    // The link opens this app with the code filled in, whichever address the server knows itself by.
    return { ...code, url: `${globalThis.location.origin}/#pair=${code.code}` };
  });
}

/** The account's devices. */
export function listDevices(storage: Storage) {
  return attempt(
    async (): Promise<SyncDevice[]> => createSyncClient(await requireAccount(storage)).devices.list.query(),
  );
}

/** Revokes another device: its token stops working at once. */
export function revokeDevice(storage: Storage, deviceId: string) {
  return attempt(async () => {
    await createSyncClient(await requireAccount(storage)).devices.revoke.mutate({ deviceId });
  });
}

/** Signs this device out; everything stays on it. */
export async function signOutDevice(storage: Storage): Promise<void> {
  stopSync();
  await signOut(storage.db);
  await startSync(storage);
}

async function requireAccount(storage: Storage) {
  const account = await loadAccount(storage.db);
  if (!account) throw new Error('This device is not signed in.');
  return account;
}
