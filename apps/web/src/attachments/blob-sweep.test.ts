import { newUserMessage } from '@hearth/core';
import { messageSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { testStorage } from '../../test/test-storage.ts';
import { storeBlob } from '../db/blob-store.ts';
import { createChat } from '../db/chats-repository.ts';
import { deleteMessage } from '../db/messages-repository.ts';
import { recordContext } from '../db/storage.ts';
import { sweepUnreferencedBlobs, unreferencedBlobGraceMs } from './blob-sweep.ts';

const hour = 60 * 60 * 1000;

describe('freeing blobs nothing refers to', () => {
  it('frees old unreferenced blobs with their upload entries, and keeps the named, pending and recent ones', async () => {
    const storage = testStorage();
    const { db } = storage;
    const t0 = 1_000_000_000_000;
    const store = (text: string, at: number) => storeBlob(db, new Blob([text]), 'text/plain', at);
    const named = await store('named by a message', t0);
    const orphan = await store('its message was deleted', t0);
    const pending = await store('in a composer', t0);
    const recent = await store('attached a moment ago', t0 + 3 * hour);
    const chat = await createChat(storage);
    const message = messageSchema.parse({
      ...newUserMessage(recordContext(storage), { chatId: chat.id, content: 'see file', parent: null }),
      attachments: [{ hash: named, name: 'named.txt', mediaType: 'text/plain', size: 19 }],
    });
    const doomed = messageSchema.parse({
      ...newUserMessage(recordContext(storage), { chatId: chat.id, content: 'gone soon', parent: message }),
      attachments: [{ hash: orphan, name: 'orphan.txt', mediaType: 'text/plain', size: 23 }],
    });
    await db.messages.bulkAdd([message, doomed]);
    await deleteMessage(storage, doomed.id);

    const nowMs = t0 + 3 * hour + unreferencedBlobGraceMs / 2;
    expect(await sweepUnreferencedBlobs(db, { keep: new Set([pending]), nowMs })).toEqual([orphan]);
    expect((await db.blobs.toCollection().primaryKeys()).sort()).toEqual([named, pending, recent].sort());
    expect(await db.blobUploads.get(orphan)).toBeUndefined();
    expect(await db.blobUploads.get(pending)).toBeDefined();

    // Once nothing holds them (the draft abandoned, the grace over), they go too; the named one stays.
    const later = t0 + 3 * hour + unreferencedBlobGraceMs + 1;
    expect((await sweepUnreferencedBlobs(db, { keep: new Set(), nowMs: later })).sort()).toEqual(
      [pending, recent].sort(),
    );
    expect(await db.blobs.toCollection().primaryKeys()).toEqual([named]);
    db.close();
  });
});
