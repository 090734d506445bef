// Export and import of a large history in headless Chromium, through the app's own screen: 2,000 chats
// with 100,000 messages exported as an archive (plain and gzip), then the gzip archive imported into a
// fresh browser. Each figure has a reference measured in the same run: for the export, a raw IndexedDB
// cursor read of the same records into the same JSON lines; for the import, raw IndexedDB writes of the
// same records into stores with the app's layout, one transaction per chat (the import's unit) and 5,000
// records a transaction. Memory: the page's JS heap and the renderer processes' RSS (page and import
// worker), sampled; the longest main-thread task from a 'longtask' observer. Prints; asserts nothing.
//
// Not here yet: the import of a ChatGPT export of 100,000 messages. Its reader and its fixture generator
// belong to the foreign-format readers (packages/core/src/import, packages/testkit); once they are merged
// this bench gains that run through the same screen.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../fixtures/browser-flags.ts';
import { ServerProcess } from '../fixtures/server-process.ts';
import { seedHistory } from './seed-history.ts';
import { megabytes, recordLongTasks, sampleMemory } from './tab-memory.ts';

const staticDir = new URL('../../apps/web/dist', import.meta.url).pathname;
// 1,999 chats of 47 messages and one of 6,047: exactly 100,000 messages (seed-history spreads them so).
const history = { chats: 2_000, messages: 100_000, longChatMessages: 6_047 };
const longWait = { timeout: 20 * 60_000 };

// tsx compiles this file with esbuild's keepNames, whose `__name` helper ends up in functions sent to the page.
const keepNames = 'globalThis.__name = (target) => target;';
const launchOptions = { executablePath: chromiumPath, args: chromiumArgs, headless: true };

async function openApp(contextOrBrowser: Browser | BrowserContext, url: string): Promise<Page> {
  const context = 'newContext' in contextOrBrowser ? await contextOrBrowser.newContext() : contextOrBrowser;
  await context.addInitScript(keepNames);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.getByRole('textbox', { name: 'Message' }).waitFor();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  return page;
}

async function archiveSection(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  return page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'Export and import' });
}

/** The record lines of an archive, from its trailer. */
async function recordLines(path: string): Promise<number> {
  const text = await readFile(path, 'utf8');
  const trailer = JSON.parse(text.trimEnd().split('\n').at(-1) ?? '{}') as { counts?: Record<string, number> };
  return Object.values(trailer.counts ?? {}).reduce((sum, count) => sum + count, 0);
}

/** The reference for the export: every record read with a raw cursor and written as JSON lines into Blob parts. */
async function rawExportSeconds(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open('hearth');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const start = performance.now();
    const parts: Blob[] = [];
    let pending: string[] = [];
    let size = 0;
    for (const table of ['modelConfigs', 'settings', 'chats', 'messages']) {
      await new Promise<void>((resolve, reject) => {
        const request = db.transaction(table).objectStore(table).openCursor();
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const cursor = request.result;
          if (!cursor) return resolve();
          const line = `${JSON.stringify({ table, record: cursor.value })}\n`;
          pending.push(line);
          size += line.length;
          if (size > 1 << 20) {
            parts.push(new Blob(pending));
            pending = [];
            size = 0;
          }
          cursor.continue();
        };
      });
    }
    parts.push(new Blob(pending));
    const blob = new Blob(parts);
    const seconds = (performance.now() - start) / 1000;
    db.close();
    return blob.size > 0 ? seconds : Number.NaN;
  });
}

/** Exports through Settings (download path) and returns the file's path, the seconds and the peaks. */
async function exportThroughScreen(page: Page, gzip: boolean, dir: string) {
  await page.evaluate(() => Object.defineProperty(window, 'showSaveFilePicker', { value: undefined }));
  const section = await archiveSection(page);
  const exportSection = section.getByRole('region', { name: 'Export', exact: true });
  await exportSection.getByRole('checkbox', { name: 'Compress (gzip)' }).setChecked(gzip);
  const memory = await sampleMemory(page);
  const longTasks = await recordLongTasks(page);
  const start = performance.now();
  const download = page.waitForEvent('download', longWait);
  await exportSection.getByRole('button', { name: 'Export everything' }).click();
  const file = await download;
  const seconds = (performance.now() - start) / 1000;
  await exportSection
    .getByRole('status')
    .filter({ hasText: /^Exported/ })
    .waitFor(longWait);
  const tasks = await longTasks.stop();
  const peaks = await memory.stop();
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  await page.getByRole('button', { name: 'Close settings' }).click();
  return {
    path,
    seconds,
    peaks,
    before: memory.before,
    longestTask: Math.max(0, ...tasks),
    bytes: statSync(path).size,
  };
}

/**
 * The reference for the import: the same records (parsed first, not timed) written with raw IndexedDB
 * puts into a database with the app's stores and indexes, in one transaction per chat with its messages,
 * then again with 5,000 records a transaction. Records/s of each.
 */
async function rawImportRates(browser: Browser, url: string, archivePath: string) {
  const context = await browser.newContext();
  await context.addInitScript(keepNames);
  const page = await context.newPage();
  await page.route('**/__bench/archive.jsonl', (route) => route.fulfill({ path: archivePath }));
  await page.goto(`${url}/manifest.webmanifest`);
  const rates = await page.evaluate(async () => {
    const text = await (await fetch('/__bench/archive.jsonl')).text();
    const lines = text.trimEnd().split('\n').slice(1, -1);
    const changes = lines.map((line) => JSON.parse(line) as { table: string; record: Record<string, unknown> });
    const open = async (name: string): Promise<IDBDatabase> =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open(name, 1);
        request.onupgradeneeded = () => {
          // The app's layout (apps/web/src/db/schema-versions.ts), outbox included (the import fills it too).
          const db = request.result;
          const chats = db.createObjectStore('chats', { keyPath: 'id' });
          chats.createIndex('updatedAt', 'updatedAt');
          chats.createIndex('lastActivityAt', 'lastActivityAt');
          const messages = db.createObjectStore('messages', { keyPath: 'id' });
          messages.createIndex('[chatId+createdAt]', ['chatId', 'createdAt']);
          messages.createIndex('updatedAt', 'updatedAt');
          messages.createIndex('status', 'status');
          db.createObjectStore('modelConfigs', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
          db.createObjectStore('settings', { keyPath: 'key' }).createIndex('updatedAt', 'updatedAt');
          db.createObjectStore('outbox', { keyPath: 'key' });
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const write = async (db: IDBDatabase, batch: typeof changes) => {
      const transaction = db.transaction(['chats', 'messages', 'modelConfigs', 'settings', 'outbox'], 'readwrite');
      for (const change of batch) {
        transaction.objectStore(change.table).put(change.record);
        const key = String(change.record.id ?? change.record.key);
        transaction.objectStore('outbox').put({ key: `${change.table}\u0000${key}`, table: change.table, id: key });
      }
      await new Promise((resolve, reject) => {
        transaction.oncomplete = resolve;
        transaction.onerror = () => reject(transaction.error);
      });
    };
    // One transaction per chat and its messages, as the archive orders them.
    const perChat: (typeof changes)[] = [];
    for (const change of changes) {
      if (change.table === 'chats' || perChat.length === 0) perChat.push([change]);
      else perChat.at(-1)?.push(change);
    }
    const chatDb = await open('raw-per-chat');
    let start = performance.now();
    for (const batch of perChat) await write(chatDb, batch);
    const perChatRate = changes.length / ((performance.now() - start) / 1000);
    chatDb.close();
    const bulkDb = await open('raw-bulk');
    start = performance.now();
    for (let from = 0; from < changes.length; from += 5_000) await write(bulkDb, changes.slice(from, from + 5_000));
    const bulkRate = changes.length / ((performance.now() - start) / 1000);
    bulkDb.close();
    return { perChatRate, bulkRate, records: changes.length };
  });
  await context.close();
  return rates;
}

/** Imports through Settings into a fresh browser: seconds to the preview, seconds writing, peaks, longest task. */
async function importThroughScreen(browser: Browser, url: string, archivePath: string) {
  const page = await openApp(browser, url);
  const section = await archiveSection(page);
  const importSection = section.getByRole('region', { name: 'Import', exact: true });
  const memory = await sampleMemory(page);
  const longTasks = await recordLongTasks(page);
  const start = performance.now();
  await importSection.getByLabel('Choose a file to import').setInputFiles(archivePath);
  await importSection.getByText(/holds:$/).waitFor(longWait);
  const previewSeconds = (performance.now() - start) / 1000;
  const writeStart = performance.now();
  await importSection.getByRole('button', { name: 'Import', exact: true }).click();
  const status = importSection.getByRole('status').filter({ hasText: /^Imported/ });
  await status.waitFor(longWait);
  const writeSeconds = (performance.now() - writeStart) / 1000;
  const tasks = await longTasks.stop();
  const peaks = await memory.stop();
  const report = (await status.textContent()) ?? '';
  await page.context().close();
  return {
    previewSeconds,
    writeSeconds,
    peaks,
    before: memory.before,
    longestTask: Math.max(0, ...tasks),
    longTasks: tasks.length,
    report,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'hearth-archive-bench-'));
const profile = join(dir, 'profile');
const server = await ServerProcess.start({ staticDir });
let browser: Browser | undefined;
try {
  // The history is seeded in a browser profile on disk, then the browser restarts on it: the export runs
  // in a fresh renderer process, whose memory holds nothing of the seeding.
  const seeding = await chromium.launchPersistentContext(profile, launchOptions);
  const seeder = await openApp(seeding, server.url);
  const seedStart = performance.now();
  await seeder.evaluate(seedHistory, history);
  console.log(
    `seeded ${history.chats} chats and ${history.messages} messages in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );
  await seeding.close();

  const exporting = await chromium.launchPersistentContext(profile, launchOptions);
  const source = await openApp(exporting, server.url);
  const rawExport = await rawExportSeconds(source);
  const plain = await exportThroughScreen(source, false, dir);
  const packed = await exportThroughScreen(source, true, dir);
  await exporting.close();
  const records = await recordLines(plain.path);
  console.log(`reference: raw IndexedDB cursor read of the same records into JSON lines: ${rawExport.toFixed(1)} s`);
  for (const [name, run] of [
    ['plain', plain],
    ['gzip', packed],
  ] as const) {
    console.log(
      `export (${name}, ${megabytes(run.bytes)}): ${records} records in ${run.seconds.toFixed(1)} s = ${(records / run.seconds).toFixed(0)} records/s (${(run.seconds / rawExport).toFixed(1)}x the raw read); page JS heap peak ${megabytes(run.peaks.pageHeapBytes)} (${megabytes(run.before.pageHeapBytes)} before), renderer RSS peak ${megabytes(run.peaks.rendererRssBytes)} (${megabytes(run.before.rendererRssBytes)} before); longest main-thread task ${run.longestTask.toFixed(0)} ms`,
    );
  }

  browser = await chromium.launch(launchOptions);
  const raw = await rawImportRates(browser, server.url, plain.path);
  console.log(
    `reference: raw IndexedDB writes of the same ${raw.records} records (app's stores and indexes, outbox entries too): ${raw.perChatRate.toFixed(0)} records/s one transaction per chat, ${raw.bulkRate.toFixed(0)} records/s 5,000 per transaction`,
  );
  const imported = await importThroughScreen(browser, server.url, packed.path);
  const rate = raw.records / imported.writeSeconds;
  console.log(
    `import of our gzip archive into a fresh browser: preview (read, check, count) ${imported.previewSeconds.toFixed(1)} s, writing ${imported.writeSeconds.toFixed(1)} s = ${rate.toFixed(0)} records/s (${((rate / raw.perChatRate) * 100).toFixed(0)}% of raw per-chat writes), ${(raw.records / (imported.previewSeconds + imported.writeSeconds)).toFixed(0)} records/s overall`,
  );
  console.log(
    `import memory: page JS heap peak ${megabytes(imported.peaks.pageHeapBytes)} (${megabytes(imported.before.pageHeapBytes)} before), renderer RSS peak (page and import worker) ${megabytes(imported.peaks.rendererRssBytes)} (${megabytes(imported.before.rendererRssBytes)} before); main-thread tasks over 50 ms: ${imported.longTasks}, longest ${imported.longestTask.toFixed(0)} ms (budget: none over 200 ms)`,
  );
  console.log(`import report: ${imported.report}`);
  console.log('not measured yet: import of a ChatGPT export with 100,000 messages (waits for the ChatGPT reader)');
} finally {
  await browser?.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
