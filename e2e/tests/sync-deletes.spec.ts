import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.ts';

/** Whether `word` is anywhere in the server's SQLite database file or its WAL, as bytes. */
function onServerDisk(dataDir: string | undefined, word: string): boolean {
  if (dataDir === undefined) throw new Error('this test needs the server to keep a database');
  const file = join(dataDir, 'hearth.sqlite');
  return [file, `${file}-wal`].some((path) => existsSync(path) && readFileSync(path).includes(Buffer.from(word)));
}

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

test('a deleted chat leaves no trace of its words on the device or the server once synced (QUALITY 29)', async ({
  app,
  upstream,
  server,
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
  // The checks see the word while it is there.
  expect(await everythingInIndexedDb(app.page)).toContain(canary);
  expect(onServerDisk(server.dataDir, canary)).toBe(true);

  await app.chatList.getByRole('button', { name: `Delete: remember the word ${canary}` }).click();
  await app.page.getByRole('dialog', { name: 'Delete chat?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(app.chatLink(`remember the word ${canary}`)).toBeHidden();
  await expect(app.page.getByRole('status', { name: 'Sync' })).toHaveText('Synced');
  await expect.poll(() => everythingInIndexedDb(app.page)).not.toContain(canary);
  await expect.poll(() => onServerDisk(server.dataDir, canary)).toBe(false);
});
