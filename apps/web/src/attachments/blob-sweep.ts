import type { AppDatabase } from '../db/app-database.ts';

/**
 * How long a blob is kept after it was stored here even when nothing names it: a file attached in another
 * tab's composer (whose references this tab cannot see) has that long to be sent before a sweep may free it.
 */
export const unreferencedBlobGraceMs = 60 * 60 * 1000;

/**
 * Frees the blobs no record on this device refers to any more (their message or chat was deleted, a file
 * was taken out of the composer, a draft was abandoned): the bytes and their upload queue entry. Kept
 * whatever happens: blobs named by a live message, by a record held for a newer app version, by `keep`
 * (the files pending in this tab's composers), and blobs stored less than `graceMs` ago. The check and the
 * deletes are one transaction, so a message written meanwhile (a fork, a pulled record) cannot lose its
 * file. Returns the hashes freed.
 */
export async function sweepUnreferencedBlobs(
  db: AppDatabase,
  options: { keep: ReadonlySet<string>; nowMs: number; graceMs?: number },
): Promise<string[]> {
  const cutoff = options.nowMs - (options.graceMs ?? unreferencedBlobGraceMs);
  // Nothing old enough to free: the common case costs one read of the (small) blob table's keys and dates.
  const candidates = (await db.blobs.toArray())
    .filter((blob) => blob.storedAt <= cutoff && !options.keep.has(blob.hash))
    .map((blob) => blob.hash);
  if (candidates.length === 0) return [];
  return db.transaction('rw', [db.blobs, db.blobUploads, db.messages, db.held], async () => {
    const unreferenced = new Set(candidates);
    await db.messages.each((message) => {
      if ('attachments' in message) for (const file of message.attachments ?? []) unreferenced.delete(file.hash);
    });
    if (unreferenced.size > 0) {
      // A newer app's record is kept whole and unread; any hash in it counts as a reference.
      await db.held.each((held) => {
        const text = JSON.stringify(held.change);
        for (const hash of unreferenced) if (text.includes(hash)) unreferenced.delete(hash);
      });
    }
    const freed = [...unreferenced];
    await db.blobs.bulkDelete(freed);
    await db.blobUploads.bulkDelete(freed);
    return freed;
  });
}
