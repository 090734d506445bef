import { blobsNamedBy, contentHash, HybridClock, SyncEngine, type SyncTransport } from '@hearth/core';
import type { Attachment, SyncPushRequest } from '@hearth/schema';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppDatabase } from '../../db/app-database.ts';
import { readBlob, storeBlob } from '../../db/blob-store.ts';
import { dexieLocalStore } from '../dexie-local-store.ts';
import type { SyncAccount } from '../sync-account.ts';
import { createSyncClient } from '../sync-client.ts';
import { trpcTransport } from '../trpc-transport.ts';
import { createBlobApi } from './blob-api.ts';
import { createBlobDownloader } from './blob-downloader.ts';
import { BlobTransferError } from './blob-transfer-error.ts';
import { BlobUploader } from './blob-uploader.ts';
import { blobsFirstTransport } from './blobs-first-transport.ts';
import { deviceDatabase, messageWith, startBlobSyncServer } from './test/blob-sync-server.ts';

type Server = Awaited<ReturnType<typeof startBlobSyncServer>>;

const photo = new TextEncoder().encode('the bytes of a photo of a cat');

async function attachmentOf(bytes: Uint8Array<ArrayBuffer>, name = 'cat.jpg'): Promise<Attachment> {
  return { hash: await contentHash(bytes), name, mediaType: 'image/jpeg', size: bytes.length };
}

/** `fetch`, counting calls by method, and failing the first `failures` calls whose method is `failOn`. */
function flakyFetch(options: { failOn?: string; failures?: number } = {}) {
  const calls: string[] = [];
  let failures = options.failures ?? 0;
  const fetchFn: typeof fetch = async (input, init) => {
    const method = init?.method ?? 'GET';
    calls.push(method);
    if (method === options.failOn && failures > 0) {
      failures -= 1;
      throw new TypeError('Failed to fetch');
    }
    return fetch(input, init);
  };
  return { fetchFn, calls };
}

/**
 * A sync engine for `db` as the app builds it, uploading blobs first; `beforePush` sees each batch just
 * before it goes to the server (after the uploads).
 */
function engineFor(options: {
  db: AppDatabase;
  account: SyncAccount;
  uploader: BlobUploader;
  clock: HybridClock;
  beforePush?: (request: SyncPushRequest) => Promise<void>;
}) {
  const server = trpcTransport(createSyncClient(options.account));
  const observed: SyncTransport = {
    push: async (request) => {
      await options.beforePush?.(request);
      return server.push(request);
    },
    pull: (request) => server.pull(request),
  };
  return new SyncEngine({
    store: dexieLocalStore(options.db),
    transport: blobsFirstTransport({ transport: observed, uploader: options.uploader }),
    clock: options.clock,
    backoff: { baseMs: 1, maxMs: 5 },
  });
}

/** What another device of the account sees on the server: the messages pulled from the beginning. */
async function messagesOnServer(account: SyncAccount): Promise<unknown[]> {
  const page = await createSyncClient(account).sync.pull.query({ protocolVersion: 2, cursor: 0 });
  return page.records.filter((record) => record.table === 'messages').map((record) => record.record);
}

describe('attachments and sync, against the real server', () => {
  let server: Server;
  let db: AppDatabase;
  beforeEach(async () => {
    server = await startBlobSyncServer({ SYNC_BLOB_QUOTA_BYTES: '1000' });
    db = deviceDatabase('laptop');
  });
  afterEach(async () => {
    db.close();
    await server.close();
  });

  it('uploads every queued blob the server lacks and empties the queue', async () => {
    const account = await server.signUp();
    const first = await storeBlob(db, new Blob([photo]), 'image/jpeg');
    const second = await storeBlob(db, new Blob(['notes.txt, as bytes']), 'text/plain');
    const api = createBlobApi(account);
    await api.upload(second, new Blob(['notes.txt, as bytes'])); // already there: not sent again
    const { fetchFn, calls } = flakyFetch();
    await new BlobUploader({ db, api: createBlobApi(account, fetchFn) }).upload();

    expect(await db.blobUploads.count()).toBe(0);
    expect(calls.filter((method) => method === 'PUT')).toHaveLength(1);
    expect(await api.lacking([first, second])).toEqual([]);
    expect(new Uint8Array(await (await api.download(first)).arrayBuffer())).toEqual(photo);
  });

  it('pushes a message naming a blob only once the blob is up, retrying a failed upload with the push', async () => {
    const account = await server.signUp();
    const clock = new HybridClock({ deviceId: 'laptop' });
    const attachment = await attachmentOf(photo);
    await storeBlob(db, new Blob([photo]), 'image/jpeg');
    await db.messages.put(messageWith(clock, [attachment]));

    const { fetchFn, calls } = flakyFetch({ failOn: 'PUT', failures: 1 });
    // What the server lacked of what each push named, at the moment the push went out: nothing, every time.
    const lackingAtPush: string[][] = [];
    const uploader = new BlobUploader({ db, api: createBlobApi(account, fetchFn) });
    const engine = engineFor({
      db,
      account,
      uploader,
      clock,
      beforePush: async (request) => {
        lackingAtPush.push(await createBlobApi(account).lacking(blobsNamedBy(request.mutations)));
      },
    });
    const statuses: string[] = [];
    engine.subscribe((status) => {
      statuses.push(status.state);
    });
    engine.requestSync();
    await vi.waitFor(async () => expect(await messagesOnServer(account)).toHaveLength(1), { timeout: 60_000 });
    await engine.stop();

    expect(lackingAtPush).toEqual([[]]);
    // The first round failed at the upload, as offline, and was retried.
    expect(statuses).toContain('offline');
    expect(calls.filter((method) => method === 'PUT')).toHaveLength(2);
    expect(await messagesOnServer(account)).toHaveLength(1);
    expect(await createBlobApi(account).lacking([attachment.hash])).toEqual([]);
    expect(await db.blobUploads.count()).toBe(0);
  });

  it('tells of a full quota in figures, and syncs the message without its file', async () => {
    const account = await server.signUp();
    const clock = new HybridClock({ deviceId: 'laptop' });
    const big = new Uint8Array(1500).fill(7);
    const attachment = await attachmentOf(big, 'big.bin');
    await storeBlob(db, new Blob([big]), 'application/octet-stream');
    await db.messages.put(messageWith(clock, [attachment]));
    const problems: unknown[] = [];
    const uploader = new BlobUploader({
      db,
      api: createBlobApi(account),
      onProblem: (problem) => problems.push(problem),
    });
    const engine = engineFor({ db, account, uploader, clock });
    engine.requestSync();
    await vi.waitFor(async () => expect(await messagesOnServer(account)).toHaveLength(1), { timeout: 60_000 });
    await engine.stop();

    expect(problems).toEqual([{ code: 'quota_exceeded', usedBytes: 0, limitBytes: 1000 }]);
    expect(await messagesOnServer(account)).toHaveLength(1);
    // Still queued: once space is freed it goes up.
    expect(await db.blobUploads.count()).toBe(1);
    // Another device is told the file is not there.
    const phone = deviceDatabase('phone');
    const download = createBlobDownloader({ db: phone, api: createBlobApi(account) });
    await expect(download(attachment.hash, attachment.mediaType)).rejects.toMatchObject({ code: 'not_found' });
    phone.close();
  });

  it('downloads a blob once for concurrent requests, verified, stored on the device that asked', async () => {
    const account = await server.signUp();
    const hash = await storeBlob(db, new Blob([photo]), 'image/jpeg');
    await new BlobUploader({ db, api: createBlobApi(account) }).upload();

    const phone = deviceDatabase('phone');
    const { fetchFn, calls } = flakyFetch();
    const download = createBlobDownloader({ db: phone, api: createBlobApi(account, fetchFn) });
    const [one, two] = await Promise.all([download(hash, 'image/jpeg'), download(hash, 'image/jpeg')]);
    expect(calls).toEqual(['GET']);
    expect(new Uint8Array(await one.arrayBuffer())).toEqual(photo);
    expect(two).toBe(one);
    const stored = await readBlob(phone, hash);
    expect(stored?.mediaType).toBe('image/jpeg');
    expect(await phone.blobUploads.count()).toBe(0);
    // Stored now: the next time it comes from this device.
    await download(hash, 'image/jpeg');
    expect(calls).toEqual(['GET']);
    phone.close();
  });

  it('refuses downloaded bytes that are not the file, keeping nothing, and tries again on the next call', async () => {
    const account = await server.signUp();
    const hash = await storeBlob(db, new Blob([photo]), 'image/jpeg');
    await new BlobUploader({ db, api: createBlobApi(account) }).upload();
    const phone = deviceDatabase('phone');
    let tamper = true;
    const tampering: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      return tamper ? new Response('other bytes', { status: 200 }) : response;
    };
    const download = createBlobDownloader({ db: phone, api: createBlobApi(account, tampering) });
    const failure = await download(hash, 'image/jpeg').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BlobTransferError);
    expect((failure as BlobTransferError).code).toBe('hash_mismatch');
    expect(await readBlob(phone, hash)).toBeUndefined();
    tamper = false;
    expect((await download(hash, 'image/jpeg')).size).toBe(photo.length);
    phone.close();
  });

  it('fails a download while the server cannot be reached as network, and succeeds once it can', async () => {
    const account = await server.signUp();
    const hash = await storeBlob(db, new Blob([photo]), 'image/jpeg');
    await new BlobUploader({ db, api: createBlobApi(account) }).upload();
    const phone = deviceDatabase('phone');
    const { fetchFn } = flakyFetch({ failOn: 'GET', failures: 1 });
    const download = createBlobDownloader({ db: phone, api: createBlobApi(account, fetchFn) });
    await expect(download(hash, 'image/jpeg')).rejects.toMatchObject({ code: 'network' });
    expect((await download(hash, 'image/jpeg')).size).toBe(photo.length);
    phone.close();
  });
});

describe('attachments without a blob store on the server', () => {
  it('stay on the device, queued, and the uploader says why', async () => {
    const relayOnly = await startBlobSyncServer({ RELAY_ONLY: '1' });
    const db = deviceDatabase('laptop');
    try {
      await storeBlob(db, new Blob([photo]), 'image/jpeg');
      const problems: unknown[] = [];
      const api = createBlobApi({ serverUrl: relayOnly.url, token: 'x'.repeat(43) });
      await new BlobUploader({ db, api, onProblem: (problem) => problems.push(problem) }).upload();
      expect(problems).toEqual([{ code: 'no_blob_store' }]);
      expect(await db.blobUploads.count()).toBe(1);
    } finally {
      db.close();
      await relayOnly.close();
    }
  });
});
