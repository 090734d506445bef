import type { Page } from '@playwright/test';
import { pairSecondDevice } from '../fixtures/paired-devices.ts';
import { expect, test } from '../fixtures/test.ts';

/**
 * Attaches a generated image to the person's message `content` on this device, as the composer does:
 * the blob and its upload queue entry, and the message's new version naming it with the outbox entry
 * that syncs it, in one IndexedDB transaction. (Written through IndexedDB until the composer can attach
 * files; then this test attaches through it.)
 */
async function attachImage(page: Page, content: string): Promise<{ hash: string; size: number; messageId: string }> {
  return page.evaluate(async (text) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open('hearth');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const bytes = new Uint8Array(64 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + 7) % 251;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    const hash = [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    const messages = (await request(db.transaction('messages').objectStore('messages').getAll())) as {
      id: string;
      content: string;
      role: string;
      updatedAt: string;
    }[];
    const message = messages.find((candidate) => candidate.role === 'user' && candidate.content === text);
    if (message === undefined) throw new Error(`no message "${text}"`);
    // A newer clock of this device: the same wall time and clock id, the next counter.
    const [wall, counter, clockId] = message.updatedAt.split('-') as [string, string, string];
    const next = (Number.parseInt(counter, 36) + 1).toString(36).padStart(6, '0');
    const now = Date.now();
    const tx = db.transaction(['blobs', 'blobUploads', 'messages', 'outbox'], 'readwrite');
    tx.objectStore('blobs').put({
      hash,
      data: new Blob([bytes], { type: 'image/png' }),
      mediaType: 'image/png',
      size: bytes.length,
      storedAt: now,
    });
    tx.objectStore('blobUploads').put({ hash, queuedAt: now });
    tx.objectStore('messages').put({
      ...message,
      updatedAt: `${wall}-${next}-${clockId}`,
      attachments: [{ hash, name: 'pattern.png', mediaType: 'image/png', size: bytes.length }],
    });
    tx.objectStore('outbox').put({
      key: `messages\u0000${message.id}`,
      table: 'messages',
      id: message.id,
      stamp: 'e2e.1',
    });
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return { hash, size: bytes.length, messageId: message.id };
  }, content);
}

/** One object store's records on this device. */
async function storeOf(page: Page, name: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(async (store) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open('hearth');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = db.transaction(store).objectStore(store).getAll();
    const records = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      all.onsuccess = () => resolve(all.result as Record<string, unknown>[]);
      all.onerror = () => reject(all.error);
    });
    db.close();
    // Blobs as their size and hash of bytes, which is what can be compared outside the page.
    return Promise.all(
      records.map(async (record) => {
        if (!(record.data instanceof Blob)) return record;
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await record.data.arrayBuffer()));
        return { ...record, data: [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('') };
      }),
    );
  }, name);
}

test('an attachment written on one device reaches the other, its file downloaded only when asked for', async ({
  app: laptop,
  upstream,
  browser,
}) => {
  const phone = await pairSecondDevice(laptop, browser);
  await laptop.addModel({ name: 'Echo', baseUrl: upstream.baseUrl() });
  await laptop.send('look at this pattern');
  await laptop.waitForAnswerToEnd();
  await expect(laptop.page.getByRole('status', { name: 'Sync' })).toHaveText('Synced');

  const attached = await attachImage(laptop.page, 'look at this pattern');
  const sync = (await laptop.openSettings()).getByRole('region', { name: 'Sync' });
  await sync.getByRole('button', { name: 'Sync now' }).click();
  await laptop.closeSettings();
  // Uploaded: the queue is empty once the server holds the file.
  await expect.poll(async () => (await storeOf(laptop.page, 'blobUploads')).length).toBe(0);

  // The message arrives on the phone naming the file; the file itself is not fetched with it.
  await expect
    .poll(async () => {
      const message = (await storeOf(phone.page, 'messages')).find((record) => record.id === attached.messageId);
      return (message?.attachments as { hash: string }[] | undefined)?.[0]?.hash;
    })
    .toBe(attached.hash);
  expect(await storeOf(phone.page, 'blobs')).toEqual([]);

  // Shown (here: asked for as the attachment's view does), it is downloaded, verified and kept.
  const size = await phone.page.evaluate(
    async ({ hash }) => {
      const download = (globalThis as { hearthDownloadBlob?: (hash: string, type: string) => Promise<Blob> })
        .hearthDownloadBlob;
      if (download === undefined) throw new Error('the app exposes no downloader');
      return (await download(hash, 'image/png')).size;
    },
    { hash: attached.hash },
  );
  expect(size).toBe(attached.size);
  const blobs = await storeOf(phone.page, 'blobs');
  expect(blobs).toEqual([
    expect.objectContaining({ hash: attached.hash, data: attached.hash, mediaType: 'image/png', size: attached.size }),
  ]);
  // A blob that came from the server is not queued to go back to it.
  expect(await storeOf(phone.page, 'blobUploads')).toEqual([]);
  await phone.page.context().close();
});
