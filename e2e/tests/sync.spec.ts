import type { Browser } from '@playwright/test';
import { ChatApp } from '../fixtures/chat-app.ts';
import { expect, test } from '../fixtures/test.ts';

/** A second device: its own browser context, so its own IndexedDB, on the same server. */
async function openDevice(browser: Browser): Promise<ChatApp> {
  const context = await browser.newContext();
  const app = new ChatApp(await context.newPage());
  await app.open();
  return app;
}

async function syncSection(app: ChatApp) {
  const dialog = await app.openSettings();
  return dialog.getByRole('region', { name: 'Sync' });
}

test('two devices on one server share chats, deletes and offline edits', async ({ app: laptop, upstream, browser }) => {
  // The laptop creates an account and offers a pairing code.
  let sync = await syncSection(laptop);
  await sync.getByRole('button', { name: 'Create an account' }).click();
  await expect(sync.getByText(/This device syncs with/)).toBeVisible();
  await sync.getByRole('button', { name: 'Add a device' }).click();
  const instructions = await sync.getByText(/enter the code/).textContent();
  const code = /code ([A-Z0-9]{8})/.exec(instructions ?? '')?.[1];
  expect(code).toBeTruthy();
  await laptop.closeSettings();

  // The phone pairs with that code.
  const phone = await openDevice(browser);
  sync = await syncSection(phone);
  await sync.getByLabel('Pairing code').fill(code ?? '');
  await sync.getByLabel('Name of this device').fill('Phone');
  await sync.getByRole('button', { name: 'Pair this device' }).click();
  await expect(sync.getByText(/This device syncs with/)).toBeVisible();
  await expect(sync.getByRole('listitem').filter({ hasText: 'Phone (this device)' })).toBeVisible();
  await phone.closeSettings();
  await expect(phone.page.getByRole('status', { name: 'Sync' })).toHaveText('Synced');

  // A chat made on the laptop appears on the phone, answer included, by the server's live poke.
  await laptop.addModel({ name: 'Echo', baseUrl: upstream.baseUrl(), apiKey: 'sk-laptop-only' });
  await laptop.send('made on the laptop');
  await expect(laptop.lastAnswer).toContainText('Echo: made on the laptop');
  await laptop.waitForAnswerToEnd();
  await phone.chatLink('made on the laptop').click();
  await expect(phone.lastAnswer).toContainText('Echo: made on the laptop');

  // The model configuration came along, its API key did not.
  const phoneSettings = await phone.openSettings();
  await phoneSettings.getByRole('button', { name: 'Edit: Echo' }).click();
  await expect(phoneSettings.getByLabel('API key', { exact: true })).toHaveValue('');
  await phoneSettings.getByRole('button', { name: 'Cancel' }).click();
  await phone.closeSettings();

  // A delete on the phone reaches the laptop.
  await phone.button('New chat').click();
  await phone.composer.fill('short-lived');
  await phone.composer.press('Enter');
  await expect(laptop.chatLink('short-lived')).toBeVisible();
  await phone.chatList.getByRole('button', { name: 'Delete: short-lived' }).click();
  await phone.page.getByRole('dialog', { name: 'Delete chat?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(laptop.chatLink('short-lived')).toBeHidden();

  // An edit made offline syncs after reconnecting.
  await laptop.page.context().setOffline(true);
  await laptop.chatList.getByRole('button', { name: 'Rename: made on the laptop' }).click();
  await laptop.chatList.getByRole('textbox', { name: 'Chat title' }).fill('renamed offline');
  await laptop.chatList.getByRole('textbox', { name: 'Chat title' }).press('Enter');
  await expect(laptop.page.getByRole('status', { name: 'Sync' })).toHaveText(/Offline|Could not reach/);
  await expect(phone.chatLink('made on the laptop')).toBeVisible();
  await laptop.page.context().setOffline(false);
  await expect(phone.chatLink('renamed offline')).toBeVisible();
  await expect(laptop.page.getByRole('status', { name: 'Sync' })).toHaveText('Synced');

  await phone.page.context().close();
});
