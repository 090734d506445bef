import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { solidPng } from '../fixtures/attachment-files.ts';
import { pairSecondDevice } from '../fixtures/paired-devices.ts';
import { expect, test } from '../fixtures/test.ts';

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

const photo = {
  name: 'pattern.png',
  mimeType: 'image/png',
  buffer: solidPng({ width: 40, height: 30, rgb: [20, 90, 200] }),
};
const photoHash = createHash('sha256').update(photo.buffer).digest('hex');

test('an attachment sent on one device reaches the other, its file downloaded only when it is shown', async ({
  app: laptop,
  upstream,
  browser,
}) => {
  const phone = await pairSecondDevice(laptop, browser);
  await laptop.addModel({ name: 'Echo', baseUrl: upstream.baseUrl() });
  const chooser = laptop.page.waitForEvent('filechooser');
  await laptop.button('Attach files').click();
  await (await chooser).setFiles([photo]);
  await laptop.send('look at this pattern');
  await laptop.waitForAnswerToEnd();
  await expect(laptop.page.getByRole('status', { name: 'Sync' })).toHaveText('Synced');
  // Uploaded: the queue is empty once the server holds the file.
  await expect.poll(async () => (await storeOf(laptop.page, 'blobUploads')).length).toBe(0);

  // The message arrives on the phone naming the file; the file itself is not fetched with it.
  await expect
    .poll(async () => {
      const message = (await storeOf(phone.page, 'messages')).find(
        (record) => record.content === 'look at this pattern',
      );
      return (message?.attachments as { hash: string }[] | undefined)?.[0]?.hash;
    })
    .toBe(photoHash);
  expect(await storeOf(phone.page, 'blobs')).toEqual([]);

  // Shown, it is downloaded from the server's blob store, verified and kept.
  await phone.chatLink('look at this pattern').click();
  const image = phone.questions.last().getByRole('img', { name: 'pattern.png' });
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(40);
  const blobs = await storeOf(phone.page, 'blobs');
  expect(blobs).toEqual([
    expect.objectContaining({ hash: photoHash, data: photoHash, mediaType: 'image/png', size: photo.buffer.length }),
  ]);
  // A blob that came from the server is not queued to go back to it.
  expect(await storeOf(phone.page, 'blobUploads')).toEqual([]);
  await phone.page.context().close();
});
