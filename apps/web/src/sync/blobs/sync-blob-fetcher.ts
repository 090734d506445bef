import type { RemoteBlobFetcher } from '../../attachments/blob-source.ts';
import { downloadBlob } from './active-blob-downloader.ts';
import { BlobTransferError } from './blob-transfer-error.ts';

/**
 * Where an attachment not on this device comes from while sync is on: the server's blob store, through the
 * signed-in account's downloader (verified by hash, stored, one download per hash). A blob the server does
 * not hold (never uploaded, over the quota, a server without a blob store) is "not available", not a
 * failure to retry; anything else (offline, a server error) throws, and showing it again tries again.
 */
export const syncBlobFetcher: RemoteBlobFetcher = async (attachment) => {
  try {
    return await downloadBlob(attachment.hash, attachment.mediaType);
  } catch (error) {
    if (error instanceof BlobTransferError && (error.code === 'not_found' || error.code === 'no_blob_store')) {
      return undefined;
    }
    throw error;
  }
};
