import type { BlobDownloader } from './blob-downloader.ts';
import { BlobTransferError } from './blob-transfer-error.ts';

// The downloader of the signed-in account, set when sync starts in this tab and cleared when it stops.
let active: BlobDownloader | undefined;

/** Sets (or, with undefined, clears) the downloader `downloadBlob` uses: sync-runner.ts does, and only it. */
export function setActiveBlobDownloader(downloader: BlobDownloader | undefined): void {
  active = downloader;
}

/**
 * The bytes of an attachment this device does not have, from the sync server's blob store: fetched,
 * verified by hash, stored here and returned (one download per hash at a time). Without sync there is no
 * other copy: it fails with `not_found`.
 */
export function downloadBlob(hash: string, mediaType: string): Promise<Blob> {
  if (active === undefined) {
    return Promise.reject(
      new BlobTransferError('not_found', 'This file is not on this device, and sync is off, so it cannot be fetched.'),
    );
  }
  return active(hash, mediaType);
}
