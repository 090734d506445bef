import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWebApp } from '../fixtures/app-build.ts';
import { ChatApp, waitForOfflineReady } from '../fixtures/chat-app.ts';
import { ServerProcess } from '../fixtures/server-process.ts';
import { expect, test } from '../fixtures/test.ts';

// Two builds of the app, deployed one after the other on the same origin.
const builds = mkdtempSync(join(tmpdir(), 'hearth-builds-'));
const v1 = join(builds, 'v1');
const v2 = join(builds, 'v2');
let server: ServerProcess | undefined;

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(() => {
  buildWebApp({ outDir: v1, label: 'e2e-one' });
  buildWebApp({ outDir: v2, label: 'e2e-two' });
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(builds, { recursive: true, force: true });
});

async function versionShown(app: ChatApp): Promise<string> {
  const dialog = await app.openSettings();
  const text = (await dialog.getByText(/^Version /).textContent()) ?? '';
  await app.closeSettings();
  return text;
}

test('a new version waits for the person, never reloads mid-answer, and old tabs keep working', async ({
  page,
  context,
  upstream,
}) => {
  server = await ServerProcess.start({ staticDir: v1 });
  const first = new ChatApp(page);
  await page.goto(server.url);
  await expect(first.composer).toBeVisible();
  await waitForOfflineReady(page);
  expect(await versionShown(first)).toContain('e2e-one');
  await first.addModel({ name: 'Echo', baseUrl: upstream.baseUrl({ tokens: 400, rate: 20 }) });
  await page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });

  // An answer is streaming when the new version is deployed.
  await first.send('stream while we deploy');
  await expect(first.lastAnswer).toContainText('token2');
  const { port } = server;
  await server.stop();
  server = await ServerProcess.start({ port, staticDir: v2 });
  await page.evaluate(async () => {
    await (await navigator.serviceWorker.getRegistration())?.update();
  });

  await expect(page.getByText('Update available.')).toBeVisible();
  await expect(first.button('Update')).toBeDisabled();
  await expect(page.getByText('You can update once the answer finishes.')).toBeVisible();
  await first.button('Stop').click();
  await expect(first.button('Update')).toBeEnabled();

  // A second tab opens on the old version too (the new one is still waiting) and accepts the update.
  const second = new ChatApp(await context.newPage());
  await second.page.goto(server.url);
  await expect(second.composer).toBeVisible();
  expect(await versionShown(second)).toContain('e2e-one');
  await expect(second.page.getByText('Update available.')).toBeVisible();
  await second.button('Update').click();
  await expect.poll(() => versionShown(second), { timeout: 20_000 }).toContain('e2e-two');

  // The first tab was not reloaded; it still runs the old version, lazy parts included, and is told.
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await expect(page.getByText('A new version is ready in another tab. Reload to use it.')).toBeVisible();
  expect(await versionShown(first)).toContain('e2e-one');
  await first.send('still working on the old version');
  await expect(first.lastAnswer).toContainText('token2');
  await first.button('Stop').click();

  await first.button('Reload').click();
  await expect(first.composer).toBeVisible();
  expect(await versionShown(first)).toContain('e2e-two');
});
