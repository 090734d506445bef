import { gunzipSync } from 'node:zlib';
import { ArchiveScreen, storedHistory } from '../fixtures/archive-screen.ts';
import { ChatApp, waitForOfflineReady } from '../fixtures/chat-app.ts';
import { expect, test } from '../fixtures/test.ts';

/** Two chats with an answer each, made through the app. */
async function twoChats(app: ChatApp, baseUrl: string): Promise<void> {
  await app.addModel({ name: 'Echo', baseUrl, apiKey: 'sk-e2e-canary-key' });
  await app.send('Where should I eat in Lisbon?');
  await app.waitForAnswerToEnd();
  await app.button('New chat').click();
  await app.send('你好，世界');
  await app.waitForAnswerToEnd();
}

test('the whole history exports as an archive that a fresh browser imports as the same chats and messages, once', async ({
  app,
  upstream,
  browser,
  server,
}) => {
  await twoChats(app, upstream.baseUrl());
  const screen = await ArchiveScreen.open(app);
  const archive = await screen.exportDownload({ gzip: true });
  expect(archive.name).toMatch(/^hearth-archive-\d{4}-\d{2}-\d{2}\.jsonl\.gz$/);
  const lines = archive.text.trimEnd().split('\n');
  expect(JSON.parse(lines[0] ?? '')).toMatchObject({ format: 'hearth-archive', version: 1 });
  expect(JSON.parse(lines.at(-1) ?? '')).toMatchObject({ end: 'hearth-archive', counts: { chats: 2, messages: 4 } });
  expect(archive.text).not.toContain('sk-e2e-canary-key');
  const original = await storedHistory(app.page);

  // A fresh profile: nothing stored yet.
  const context = await browser.newContext({ baseURL: server.url });
  const fresh = new ChatApp(await context.newPage());
  await fresh.open();
  const target = await ArchiveScreen.open(fresh);
  await target.choose(archive);
  const preview = target.importSection;
  await expect(preview.getByText(`${archive.name} (Hearth archive) holds:`)).toBeVisible();
  await expect(preview.getByRole('listitem')).toHaveText([
    '2 chats with 4 messages',
    '1 model configuration, without API keys: add those in Models',
    // The selected model, and generated titles turned off (the fixture's addModel does that).
    '2 settings',
  ]);
  await expect(preview.getByText(/Chats are written one at a time, each with all its messages/)).toBeVisible();
  await target.importButton.click();
  await expect(preview.getByRole('status')).toHaveText('Imported 2 chats and 4 messages, and 3 other records.');
  await fresh.closeSettings();

  await expect(fresh.chatList.getByRole('listitem')).toHaveText([/你好，世界/, /Where should I eat in Lisbon\?/]);
  await fresh.chatLink('Where should I eat in Lisbon?').click();
  await expect(fresh.lastAnswer).toContainText('Echo: Where should I eat in Lisbon?');
  // Record for record: the same ids and fields (clocks are this device's own, so the records sync).
  expect(await storedHistory(fresh.page)).toEqual(original);

  // The same file again: found, all already here, nothing to add.
  const again = await ArchiveScreen.open(fresh);
  await again.choose(archive);
  await expect(
    again.region.getByText('Everything in this file is already here: importing it adds nothing.'),
  ).toBeVisible();
  await expect(again.importButton).toBeDisabled();
  await again.region.getByRole('button', { name: 'Cancel' }).click();
  expect(await storedHistory(fresh.page)).toEqual(original);
  await context.close();
});

test('a broken or foreign file is refused, naming what is wrong, and nothing is written', async ({ app }) => {
  const screen = await ArchiveScreen.open(app);
  const header = {
    format: 'hearth-archive',
    version: 1,
    exportedAt: 1,
    app: { name: 'Hearth', version: '0' },
    counts: {},
  };
  const chat = {
    table: 'chats',
    record: {
      id: '01890a5d-ac96-774b-bcce-b302099a8057',
      updatedAt: '001700000000000-000000-laptop',
      deleted: false,
      title: 'Should never appear',
      systemPrompt: '',
      modelConfigId: null,
      params: {},
      pinned: false,
      forkedFrom: null,
      createdAt: 1700000000000,
      lastActivityAt: 1700000000000,
    },
  };
  const text = (lines: unknown[]) => Buffer.from(lines.map((line) => JSON.stringify(line)).join('\n'));

  // Cut off before its last line.
  await screen.choose({ name: 'cut.jsonl', mimeType: 'application/x-ndjson', buffer: text([header, chat]) });
  await expect(screen.alert).toHaveText(
    'The file ends too early (after line 2): it was probably cut off while downloading or copying. Nothing was written.',
  );
  // A damaged line, named.
  await screen.choose({
    name: 'damaged.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.concat([
      text([header, chat]),
      Buffer.from('\n{"table":"messages",\n{"end":"hearth-archive","counts":{}}\n'),
    ]),
  });
  await expect(screen.alert).toHaveText('Line 3 of the file is damaged: it is not valid JSON. Nothing was written.');
  // Written by a newer format version.
  await screen.choose({
    name: 'newer.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: text([{ ...header, version: 7 }, '']),
  });
  await expect(screen.alert).toContainText('made by a newer version of Hearth (format 7; this app reads up to 1)');
  // Not an archive at all.
  await screen.choose({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('just some notes') });
  await expect(screen.alert).toHaveText(
    'This file is neither a Hearth archive nor an export this app can read. Nothing was written.',
  );
  await app.closeSettings();
  expect(await storedHistory(app.page)).toEqual({});
  await expect(app.chatList.getByRole('listitem')).toHaveCount(0);
});

test('an export streams into the file the save picker gives, compressed, without a download', async ({
  app,
  upstream,
}) => {
  await twoChats(app, upstream.baseUrl());
  // The picker as Chromium offers it, answered with a file that keeps what is written in the page.
  await app.page.evaluate(() => {
    const written: number[][] = [];
    (window as unknown as { savedArchive: { chunks: number[][]; closed: boolean } }).savedArchive = {
      chunks: written,
      closed: false,
    };
    Object.defineProperty(window, 'showSaveFilePicker', {
      value: async (options: { suggestedName: string }) => ({
        name: options.suggestedName,
        createWritable: async () =>
          new WritableStream<Uint8Array>({
            write: (chunk) => void written.push([...chunk]),
            close: () => {
              (window as unknown as { savedArchive: { closed: boolean } }).savedArchive.closed = true;
            },
          }),
      }),
    });
  });
  let downloads = 0;
  app.page.on('download', () => downloads++);
  const screen = await ArchiveScreen.open(app);
  await screen.exportSection.getByRole('button', { name: 'Export everything' }).click();
  await expect(screen.exportSection.getByRole('status')).toHaveText(
    /^Exported \d+ records to hearth-archive-.*\.jsonl\.gz\.$/,
  );
  const saved = await app.page.evaluate(
    () => (window as unknown as { savedArchive: { chunks: number[][]; closed: boolean } }).savedArchive,
  );
  expect(saved.closed).toBe(true);
  const text = gunzipSync(Buffer.from(saved.chunks.flat())).toString('utf8');
  expect(text).toContain('"title":"Where should I eat in Lisbon?"');
  expect(text.trimEnd().split('\n').at(-1)).toContain('"end":"hearth-archive"');
  expect(downloads).toBe(0);
});

test('one chat exports as Markdown and opens as a printable page with only its conversation', async ({
  app,
  upstream,
}) => {
  await app.page.evaluate(() => {
    (window as unknown as { prints: number }).prints = 0;
    window.print = () => {
      (window as unknown as { prints: number }).prints += 1;
    };
  });
  await twoChats(app, upstream.baseUrl());
  await app.chatLink('Where should I eat in Lisbon?').click();
  await expect(app.lastAnswer).toContainText('Echo: Where should I eat in Lisbon?');

  const download = app.page.waitForEvent('download');
  await app.button('Export as Markdown').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Where should I eat in Lisbon.md');
  const markdown = (await import('node:fs/promises')).readFile(await file.path(), 'utf8');
  expect(await markdown).toBe(
    '# Where should I eat in Lisbon?\n\n## You\n\nWhere should I eat in Lisbon?\n\n## Assistant · fake-model\n\nEcho: Where should I eat in Lisbon?\n',
  );

  await app.button('Print').click();
  const view = app.page.getByRole('region', { name: 'Print view' });
  await expect(view.getByRole('heading', { name: 'Where should I eat in Lisbon?', level: 1 })).toBeVisible();
  await expect(view.getByRole('region', { name: 'You' })).toHaveText(/Where should I eat in Lisbon\?/);
  await expect(view.getByRole('region', { name: 'Assistant' })).toHaveText(/Echo: Where should I eat in Lisbon\?/);
  await expect(view).not.toContainText('你好');
  await expect.poll(() => app.page.evaluate(() => (window as unknown as { prints: number }).prints)).toBe(1);
  // On paper, only the conversation: the app and the view's own buttons are not printed.
  await app.page.emulateMedia({ media: 'print' });
  await expect(app.page.locator('#root')).toBeHidden();
  await expect(view.getByRole('button', { name: 'Close print view' })).toBeHidden();
  await app.page.emulateMedia({ media: 'screen' });
  await view.getByRole('button', { name: 'Close print view' }).click();
  await expect(view).toBeHidden();
});

test('importing works offline: the import worker comes from the service worker’s cache', async ({
  app,
  upstream,
  browser,
  server,
}) => {
  await twoChats(app, upstream.baseUrl());
  const archive = await (await ArchiveScreen.open(app)).exportDownload({ gzip: false });

  const other = await browser.newContext({ baseURL: server.url });
  const fresh = new ChatApp(await other.newPage());
  await fresh.open();
  await waitForOfflineReady(fresh.page);
  await other.setOffline(true);
  await fresh.page.reload();
  await expect(fresh.composer).toBeVisible();
  const screen = await ArchiveScreen.open(fresh);
  await screen.choose(archive);
  await expect(screen.importSection.getByText('2 chats with 4 messages')).toBeVisible();
  await screen.importButton.click();
  await expect(screen.importSection.getByRole('status')).toHaveText(
    'Imported 2 chats and 4 messages, and 3 other records.',
  );
  await other.close();
});

test('imported records sync as the importing device’s own writes, even into the account they came from', async ({
  app: laptop,
  upstream,
  browser,
  server,
}) => {
  // The laptop syncs a chat, then exports everything.
  const dialog = await laptop.openSettings();
  const sync = dialog.getByRole('region', { name: 'Sync' });
  await sync.getByRole('button', { name: 'Create an account' }).click();
  await expect(sync.getByText(/This device syncs with/)).toBeVisible();
  await sync.getByRole('button', { name: 'Add a device' }).click();
  const code = /code ([A-Z0-9]{8})/.exec((await sync.getByText(/enter the code/).textContent()) ?? '')?.[1] ?? '';
  await laptop.closeSettings();
  await laptop.addModel({ name: 'Echo', baseUrl: upstream.baseUrl() });
  await laptop.send('synced before the export');
  await laptop.waitForAnswerToEnd();
  await expect(laptop.page.getByRole('status', { name: 'Sync' })).toHaveText('Synced');
  const archive = await (await ArchiveScreen.open(laptop)).exportDownload({ gzip: true });
  await laptop.closeSettings();

  // A phone imports the archive first, then joins the account: its outbox holds every imported record,
  // whose clocks must be its own (the server refuses another device's clock id).
  const context = await browser.newContext({ baseURL: server.url });
  const phone = new ChatApp(await context.newPage());
  await phone.open();
  const screen = await ArchiveScreen.open(phone);
  await screen.choose(archive);
  await screen.importButton.click();
  await expect(screen.importSection.getByRole('status')).toHaveText(/^Imported 1 chat and 2 messages/);
  const phoneSync = phone.page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'Sync' });
  await phoneSync.getByLabel('Pairing code').fill(code);
  await phoneSync.getByLabel('Name of this device').fill('Phone');
  await phoneSync.getByRole('button', { name: 'Pair this device' }).click();
  await expect(phoneSync.getByText(/This device syncs with/)).toBeVisible();
  await phone.closeSettings();
  await expect(phone.page.getByRole('status', { name: 'Sync' })).toHaveText('Synced');

  // And the account goes on syncing both ways.
  await phone.chatLink('synced before the export').click();
  await phone.send('written on the phone after the import');
  await laptop.chatLink('synced before the export').click();
  await expect(laptop.questions.filter({ hasText: 'written on the phone after the import' })).toBeVisible();
  await expect(phone.page.getByRole('status', { name: 'Sync' })).toHaveText('Synced');
  await context.close();
});
