import { contentHash } from '@hearth/core';
import type { AppDatabase } from './app-database.ts';

/**
 * The bytes of an attachment, named by their SHA-256 (`contentHashSchema`). Device-local: a blob reaches
 * another device only through the server's blob store, never inside a record.
 */
export interface StoredBlob {
  hash: string;
  data: Blob;
  mediaType: string;
  size: number;
  /** Epoch ms when this device stored it. */
  storedAt: number;
}

/**
 * A blob written on this device that the server's blob store may not have yet. Queued in the same
 * transaction as the blob, whether sync is on or not, so that turning sync on later uploads everything
 * attached before; the uploader removes an entry once the server holds the blob.
 */
export interface BlobUpload {
  hash: string;
  queuedAt: number;
}

/**
 * Stores `data` under its content hash and queues it for upload; returns the hash. Storing bytes that are
 * already here changes nothing (same name, same bytes). Throws what IndexedDB throws (a full disk is a
 * `QuotaExceededError`): nothing is written then.
 */
export async function storeBlob(db: AppDatabase, data: Blob, mediaType: string, nowMs = Date.now()): Promise<string> {
  const hash = await contentHash(await data.arrayBuffer());
  await db.transaction('rw', db.blobs, db.blobUploads, async () => {
    if ((await db.blobs.get(hash)) !== undefined) return;
    await db.blobs.add({ hash, data, mediaType, size: data.size, storedAt: nowMs });
    await db.blobUploads.put({ hash, queuedAt: nowMs });
  });
  return hash;
}

/**
 * Stores a blob downloaded from the server, after checking that its bytes are the ones `hash` names (a
 * server, proxy or disk that hands back other bytes is refused). Not queued for upload: the server has it.
 */
export async function storeDownloadedBlob(
  db: AppDatabase,
  hash: string,
  data: Blob,
  mediaType: string,
  nowMs = Date.now(),
): Promise<void> {
  const actual = await contentHash(await data.arrayBuffer());
  if (actual !== hash) throw new Error(`The downloaded file does not match its name (expected ${hash}, got ${actual})`);
  await db.blobs.put({ hash, data, mediaType, size: data.size, storedAt: nowMs });
}

/** The blob named `hash`, or undefined when this device does not have it (yet). */
export function readBlob(db: AppDatabase, hash: string): Promise<StoredBlob | undefined> {
  return db.blobs.get(hash);
}
