import { blobsNamedBy, type SyncTransport } from '@hearth/core';
import type { BlobUploader } from './blob-uploader.ts';

/** Blobs stranded in the queue (stored with no push after them) are looked at on pulls this often at most. */
const pullPassIntervalMs = 60_000;

/**
 * The sync transport with the blob uploads in front of it. Before each push batch goes out, every blob
 * that its messages name (and every other queued blob) is uploaded: so a message that names a file never
 * reaches the server, and from there the other devices, before the file itself. A failed upload that
 * retrying can fix fails the push with it, and the engine retries both with its backoff; one that cannot
 * (the quota) lets the push go, and the other devices show that file as not available.
 *
 * Pulls, which carry nothing of this device's, only start a pass over the queue now and then, beside them.
 */
export function blobsFirstTransport(options: {
  transport: SyncTransport;
  uploader: BlobUploader;
  now?: () => number;
}): SyncTransport {
  const { transport, uploader, now = Date.now } = options;
  let lastPullPass = Number.NEGATIVE_INFINITY;
  return {
    async push(request) {
      await uploader.upload(blobsNamedBy(request.mutations));
      return transport.push(request);
    },
    async pull(request) {
      if (now() - lastPullPass >= pullPassIntervalMs) {
        lastPullPass = now();
        // In the background: a pull must not wait for files, nor fail for them (the next push retries them).
        void uploader.upload().catch(() => undefined);
      }
      return transport.pull(request);
    },
  };
}
