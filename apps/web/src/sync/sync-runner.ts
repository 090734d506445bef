import { SyncEngine } from '@hearth/core';
import { syncPokeSchema } from '@hearth/schema';
import { Dexie, type ObservabilitySet } from 'dexie';
import { setRemoteBlobFetcher } from '../attachments/blob-source.ts';
import { AppDatabase } from '../db/app-database.ts';
import type { Storage } from '../db/storage.ts';
import { setActiveBlobDownloader } from './blobs/active-blob-downloader.ts';
import { createBlobApi } from './blobs/blob-api.ts';
import { createBlobDownloader } from './blobs/blob-downloader.ts';
import type { BlobUploadProblem } from './blobs/blob-upload-problem.ts';
import { BlobUploader } from './blobs/blob-uploader.ts';
import { blobsFirstTransport } from './blobs/blobs-first-transport.ts';
import { syncBlobFetcher } from './blobs/sync-blob-fetcher.ts';
import { dexieLocalStore } from './dexie-local-store.ts';
import { loadAccount, type SyncAccount } from './sync-account.ts';
import { createSyncClient } from './sync-client.ts';
import { followSyncView, publishSyncView } from './sync-status-store.ts';
import { trpcTransport } from './trpc-transport.ts';

/** Only one tab syncs; the others see its status and their changes reach it through the shared outbox. */
const leaderLock = 'hearth-sync-leader';

/**
 * A pull now and then even when no poke came: a safety net for a live channel that a proxy silently
 * broke. Pokes, start-up and reconnecting are what normally ask for pulls.
 */
const slowPullIntervalMs = 5 * 60_000;

let current: { stop: () => void; engine?: SyncEngine } | undefined;

/** Starts sync if this device is signed in: this tab leads it, or waits to take over from the tab that does. */
export async function startSync(storage: Storage): Promise<void> {
  stopSync();
  const account = await loadAccount(storage.db);
  if (!account) {
    publishSyncView({ kind: 'off' }, { leading: false });
    return;
  }
  const stopping = new AbortController();
  // ── Blob downloads: the one place the signed-in account's downloader is set (and cleared on stop). ──
  // Every tab downloads the attachments it shows, leading sync or not. `downloadBlob(hash, mediaType)` in
  // ./blobs/active-blob-downloader.ts is what shows or sends an attachment not on this device calls.
  setActiveBlobDownloader(createBlobDownloader({ db: storage.db, api: createBlobApi(account) }));
  setRemoteBlobFetcher(syncBlobFetcher);
  const session: { stop: () => void; engine?: SyncEngine } = {
    stop: () => {
      setActiveBlobDownloader(undefined);
      setRemoteBlobFetcher(null);
      stopping.abort();
    },
  };
  current = session;
  followSyncView();
  navigator.locks
    .request(leaderLock, { signal: stopping.signal }, () =>
      lead({ storage, account, session, stopped: stopping.signal }),
    )
    .catch(() => undefined); // aborted while waiting for the lock: nothing to undo
}

/** Stops syncing in this tab (signing out, or a new account). */
export function stopSync(): void {
  current?.stop();
  current = undefined;
}

/** Asks for a sync round now ("Sync now", or after a change this tab made). */
export function syncNow(): void {
  current?.engine?.resume();
  current?.engine?.requestSync();
}

async function lead(options: {
  storage: Storage;
  account: SyncAccount;
  session: { engine?: SyncEngine };
  stopped: AbortSignal;
}): Promise<void> {
  const { storage, account, session, stopped } = options;
  const client = createSyncClient(account);
  // The engine's own transactions may skip the disk flush at commit: what they write came from the
  // server and its cursor is written in the same transaction, so a write lost to a power cut is simply
  // pulled again. The person's own changes keep the default durability (storage.db).
  const syncDb = new AppDatabase(storage.db.name, { chromeTransactionDurability: 'relaxed' });
  // Attached files go to the server's blob store before the messages that name them (blobs-first-transport.ts).
  let uploads: BlobUploadProblem | null = null;
  const publish = () =>
    publishSyncView({ kind: 'on', status: engine.status, ...(uploads === null ? {} : { uploads }) }, { leading: true });
  const uploader = new BlobUploader({
    db: syncDb,
    api: createBlobApi(account),
    onProblem: (problem) => {
      uploads = problem;
      publish();
    },
  });
  const engine = new SyncEngine({
    store: dexieLocalStore(syncDb),
    transport: blobsFirstTransport({ transport: trpcTransport(client), uploader }),
    clock: storage.clock,
  });
  session.engine = engine;
  const unsubscribeStatus = engine.subscribe(publish);
  publish();

  // Local changes, in any tab, land in the outbox; a committed change there asks for a push at once
  // (never a pull: an answer saved a few times a second while it streams costs no server call at all,
  // it is pushed when it ends). Dexie announces every committed write, other tabs' included.
  const outboxPart = `idb://${storage.db.name}/outbox/`;
  const onMutated = (parts: ObservabilitySet) => {
    if (Object.keys(parts).some((part) => part.startsWith(outboxPart))) engine.requestPush();
  };
  Dexie.on.storagemutated.subscribe(onMutated);
  // The server pokes when another device changed something, often with the change itself; the first poke
  // after a (re)connection tells whether anything was missed.
  const live = client.sync.live.subscribe(undefined, {
    onData: (data) => {
      const poke = syncPokeSchema.safeParse(data);
      if (poke.success) engine.receivePoke(poke.data);
      else engine.requestSync();
    },
  });
  const online = () => engine.resume();
  window.addEventListener('online', online);
  const slowPull = setInterval(() => engine.requestSync(), slowPullIntervalMs);
  engine.requestSync();

  await new Promise<void>((resolve) => stopped.addEventListener('abort', () => resolve(), { once: true }));
  clearInterval(slowPull);
  window.removeEventListener('online', online);
  live.unsubscribe();
  Dexie.on.storagemutated.unsubscribe(onMutated);
  unsubscribeStatus();
  await engine.stop();
  syncDb.close();
}
