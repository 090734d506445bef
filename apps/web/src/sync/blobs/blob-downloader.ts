import { contentHash } from '@hearth/core';
import type { AppDatabase } from '../../db/app-database.ts';
import { readBlob, storeDownloadedBlob } from '../../db/blob-store.ts';
import type { BlobApi } from './blob-api.ts';
import { BlobTransferError } from './blob-transfer-error.ts';

/** Fetches a blob this device lacks; resolves with its bytes once they are verified and stored here. */
export type BlobDownloader = (hash: string, mediaType: string) => Promise<Blob>;

/**
 * Downloads lazily, when an attachment is shown or sent, never on pull: the bytes from the server are
 * checked against their hash and stored with `storeDownloadedBlob`, so the next time they come from this
 * device. Concurrent calls for one hash share one download; a failed one is forgotten, so the next call
 * (the person retrying, the connection back) tries again. Fails with a BlobTransferError: `not_found`
 * when the server does not have the file (its device could not upload it), `network` when offline,
 * `hash_mismatch` when the bytes that came are not the file.
 */
export function createBlobDownloader(options: { db: AppDatabase; api: BlobApi }): BlobDownloader {
  const { db, api } = options;
  const running = new Map<string, Promise<Blob>>();
  const download = async (hash: string, mediaType: string): Promise<Blob> => {
    const here = await readBlob(db, hash);
    if (here !== undefined) return here.data;
    const bytes = await api.download(hash);
    // Checked here too (storeDownloadedBlob checks again) so that bytes that are not the file are told apart
    // from this device's storage failing.
    if ((await contentHash(await bytes.arrayBuffer())) !== hash) {
      throw new BlobTransferError('hash_mismatch', 'The file that arrived is not the one attached; it was not kept.');
    }
    // Typed with the attachment's media type: the server sends bytes only.
    const data = new Blob([bytes], { type: mediaType });
    await storeDownloadedBlob(db, hash, data, mediaType);
    return data;
  };
  return (hash, mediaType) => {
    const existing = running.get(hash);
    if (existing !== undefined) return existing;
    const started = download(hash, mediaType).finally(() => running.delete(hash));
    running.set(hash, started);
    return started;
  };
}
