import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.ts';

/** Every record of every object store of the app's IndexedDB database, as one JSON text. */
async function everythingInIndexedDb(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open('hearth');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const names = [...db.objectStoreNames];
    const transaction = db.transaction(names);
    const stores = await Promise.all(
      names.map(
        (name) =>
          new Promise<unknown[]>((resolve, reject) => {
            const request = transaction.objectStore(name).getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          }),
      ),
    );
    db.close();
    return JSON.stringify(stores);
  });
}

test('a deleted chat leaves no trace of its words on the device once synced (QUALITY 29)', async ({
  app,
  upstream,
}) => {
  const sync = (await app.openSettings()).getByRole('region', { name: 'Sync' });
  await sync.getByRole('button', { name: 'Create an account' }).click();
  await expect(sync.getByText(/This device syncs with/)).toBeVisible();
  await app.closeSettings();
  await app.addModel({ name: 'Echo', baseUrl: upstream.baseUrl() });

  const canary = `marmoset${Date.now().toString(36)}`;
  await app.send(`remember the word ${canary}`);
  await expect(app.lastAnswer).toContainText(canary);
  await app.waitForAnswerToEnd();
  await expect(app.page.getByRole('status', { name: 'Sync' })).toHaveText('Synced');
  // The check sees the word while it is there.
  expect(await everythingInIndexedDb(app.page)).toContain(canary);

  await app.chatList.getByRole('button', { name: `Delete: remember the word ${canary}` }).click();
  await app.page.getByRole('dialog', { name: 'Delete chat?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(app.chatLink(`remember the word ${canary}`)).toBeHidden();
  await expect(app.page.getByRole('status', { name: 'Sync' })).toHaveText('Synced');
  await expect.poll(() => everythingInIndexedDb(app.page)).not.toContain(canary);
});
