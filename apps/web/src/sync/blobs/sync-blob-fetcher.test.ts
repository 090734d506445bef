import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { BlobUnavailableError, loadBlob, setRemoteBlobFetcher } from '../../attachments/blob-source.ts';
import { AppDatabase } from '../../db/app-database.ts';
import { readBlob, storeDownloadedBlob } from '../../db/blob-store.ts';
import { setActiveBlobDownloader } from './active-blob-downloader.ts';
import { BlobTransferError } from './blob-transfer-error.ts';
import { syncBlobFetcher } from './sync-blob-fetcher.ts';

const hash = 'b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c'; // SHA-256 of "foo\n"
const attachment = { hash, mediaType: 'text/plain' };

afterEach(() => {
  setActiveBlobDownloader(undefined);
  setRemoteBlobFetcher(null);
});

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'loaded';
  } catch (error) {
    if (error instanceof BlobUnavailableError) return error.reason;
    throw error;
  }
}

describe('attachments shown on a device that lacks their file', () => {
  it('come from the sync downloader, stored once, and are "not on this device" without sync', async () => {
    const db = new AppDatabase('fetcher', { indexedDB: new IDBFactory(), IDBKeyRange });
    setRemoteBlobFetcher(syncBlobFetcher);
    // Sync off: no downloader, so nothing can be fetched.
    expect(await reasonOf(loadBlob(db, attachment))).toBe('not_on_device');

    let downloads = 0;
    setActiveBlobDownloader(async (wanted, mediaType) => {
      downloads += 1;
      const data = new Blob(['foo\n']);
      await storeDownloadedBlob(db, wanted, data, mediaType);
      return data;
    });
    expect(await (await loadBlob(db, attachment)).text()).toBe('foo\n');
    expect((await readBlob(db, hash))?.mediaType).toBe('text/plain');
    expect(await (await loadBlob(db, attachment)).text()).toBe('foo\n');
    expect(downloads).toBe(1);
    db.close();
  });

  it('that the server does not hold are "not on this device"; a network failure is a failed fetch', async () => {
    const db = new AppDatabase('fetcher', { indexedDB: new IDBFactory(), IDBKeyRange });
    setRemoteBlobFetcher(syncBlobFetcher);
    setActiveBlobDownloader(() => Promise.reject(new BlobTransferError('not_found', 'The server has no such file')));
    expect(await reasonOf(loadBlob(db, attachment))).toBe('not_on_device');
    setActiveBlobDownloader(() => Promise.reject(new BlobTransferError('network', 'Offline')));
    expect(await reasonOf(loadBlob(db, attachment))).toBe('fetch_failed');
    db.close();
  });
});
