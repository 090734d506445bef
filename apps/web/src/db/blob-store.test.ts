import { contentHash } from '@hearth/core';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AppDatabase } from './app-database.ts';
import { readBlob, storeBlob, storeDownloadedBlob } from './blob-store.ts';

function freshDatabase(): AppDatabase {
  return new AppDatabase('blobs', { indexedDB: new IDBFactory(), IDBKeyRange });
}

describe('blob store', () => {
  it('stores bytes under their content hash once, queued for upload, outside the outbox', async () => {
    const db = freshDatabase();
    const bytes = new TextEncoder().encode('a picture, say');
    const hash = await storeBlob(db, new Blob([bytes]), 'image/png', 1_000);
    expect(hash).toBe(await contentHash(bytes));
    expect(await storeBlob(db, new Blob([bytes]), 'image/png', 2_000)).toBe(hash);

    const stored = await readBlob(db, hash);
    if (stored === undefined) throw new Error('the blob was not stored');
    expect(stored.size).toBe(bytes.length);
    expect(stored.storedAt).toBe(1_000);
    expect(new Uint8Array(await stored.data.arrayBuffer())).toEqual(bytes);
    expect(await db.blobUploads.toArray()).toEqual([{ hash, queuedAt: 1_000 }]);
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });

  it('refuses downloaded bytes that are not the ones their name says, and queues nothing', async () => {
    const db = freshDatabase();
    const expected = await contentHash(new TextEncoder().encode('the real file'));
    await expect(storeDownloadedBlob(db, expected, new Blob(['another file']), 'text/plain')).rejects.toThrow(
      /does not match/,
    );
    expect(await readBlob(db, expected)).toBeUndefined();

    await storeDownloadedBlob(db, expected, new Blob(['the real file']), 'text/plain');
    expect((await readBlob(db, expected))?.mediaType).toBe('text/plain');
    expect(await db.blobUploads.count()).toBe(0);
    db.close();
  });
});
