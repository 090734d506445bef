import type { Attachment } from '@hearth/schema';
import type { AppDatabase } from '../db/app-database.ts';
import { readBlob, storeDownloadedBlob } from '../db/blob-store.ts';

/**
 * Fetches the bytes of a blob this device does not have from elsewhere (the server's blob store, once sync
 * plugs one in): the bytes, or undefined when that place does not have them either. It throws when it could
 * not ask (offline, a server error), with a message a person can read. The bytes are checked against the
 * hash and stored here by `loadBlob`, not by the fetcher.
 */
export type RemoteBlobFetcher = (
  attachment: Pick<Attachment, 'hash' | 'mediaType'>,
  signal?: AbortSignal,
) => Promise<Blob | undefined>;

/** Why a blob could not be had, for the UI to word. */
export type BlobUnavailableReason = 'not_on_device' | 'fetch_failed';

/** A blob that is neither on this device nor (now) to be had from elsewhere. */
export class BlobUnavailableError extends Error {
  readonly reason: BlobUnavailableReason;

  constructor(reason: BlobUnavailableReason, options?: ErrorOptions) {
    super(
      reason === 'not_on_device'
        ? 'This file is not on this device, and no synced copy can be fetched.'
        : 'This file is not on this device, and fetching it failed.',
      options,
    );
    this.name = 'BlobUnavailableError';
    this.reason = reason;
  }
}

let remoteFetcher: RemoteBlobFetcher | null = null;

/** Plugs in (or, with null, takes out) where blobs missing on this device are fetched from. */
export function setRemoteBlobFetcher(fetcher: RemoteBlobFetcher | null): void {
  remoteFetcher = fetcher;
}

/** Whether a remote fetcher is plugged in, so a view can say "downloading" rather than "not here". */
export function hasRemoteBlobFetcher(): boolean {
  return remoteFetcher !== null;
}

/**
 * The bytes of an attachment: from IndexedDB when this device has them, else from the remote fetcher, whose
 * answer is verified against the hash and stored for next time. Throws `BlobUnavailableError` otherwise.
 */
export async function loadBlob(
  db: AppDatabase,
  attachment: Pick<Attachment, 'hash' | 'mediaType'>,
  signal?: AbortSignal,
): Promise<Blob> {
  const stored = await readBlob(db, attachment.hash);
  if (stored !== undefined) return stored.data;
  const fetcher = remoteFetcher;
  if (fetcher === null) throw new BlobUnavailableError('not_on_device');
  let fetched: Blob | undefined;
  try {
    fetched = await fetcher(attachment, signal);
  } catch (cause) {
    throw new BlobUnavailableError('fetch_failed', { cause });
  }
  if (fetched === undefined) throw new BlobUnavailableError('not_on_device');
  // A fetcher that stores what it fetched (sync's downloader does, verified) leaves nothing to do here.
  if ((await readBlob(db, attachment.hash)) === undefined) {
    await storeDownloadedBlob(db, attachment.hash, fetched, attachment.mediaType);
  }
  return fetched;
}
