// Sync in the browser: initial sync of 100,000 records to a fresh device (records/s, budget >= 20,000)
// and propagation of an edit from one device to another on the same server (p50 <= 100 ms, p99 <= 500 ms).
// The reference in the same run is the server's own pull throughput for the same records over HTTP.
// Prints; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../fixtures/browser-flags.ts';
import { ServerProcess } from '../fixtures/server-process.ts';
import { pairingCode, seedServer, signUp } from './sync-http.ts';

const records = 100_000;
const edits = 40;
const staticDir = new URL('../../apps/web/dist', import.meta.url).pathname;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? Number.NaN;
}

async function storedCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const open = indexedDB.open('hearth');
    const db: IDBDatabase = await new Promise((resolve) => {
      open.onsuccess = () => resolve(open.result);
    });
    const tx = db.transaction(['chats', 'messages']);
    const counts = await Promise.all(
      ['chats', 'messages'].map(
        (name) =>
          new Promise<number>((resolve) => {
            const request = tx.objectStore(name).count();
            request.onsuccess = () => resolve(request.result);
          }),
      ),
    );
    db.close();
    return counts.reduce((a, b) => a + b, 0);
  });
}

/** Opens a fresh device (its own context) and pairs it; returns when the pairing form was submitted. */
async function pairDevice(browser: Browser, url: string, code: string, name: string): Promise<Page> {
  const context = await browser.newContext();
  await context.addInitScript('globalThis.__name = (target) => target;');
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const sync = page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'Sync' });
  await sync.getByLabel('Pairing code').fill(code);
  await sync.getByLabel('Name of this device').fill(name);
  await sync.getByRole('button', { name: 'Pair this device' }).click();
  await sync.getByText(/This device syncs with/).waitFor();
  await page.getByRole('button', { name: 'Close settings' }).click();
  return page;
}

const dataDir = mkdtempSync(join(tmpdir(), 'hearth-sync-bench-'));
const server = await ServerProcess.start({ staticDir, dataDir, args: ['--sync-signup'] });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
try {
  const token = await signUp(server.url, 'Seeder');
  const seedStart = performance.now();
  await seedServer({ url: server.url, token, count: records });
  const seedSeconds = (performance.now() - seedStart) / 1000;

  // Reference: the same records pulled by a plain HTTP client, pages of 1,000.
  const referenceStart = performance.now();
  let cursor = 0;
  let pulled = 0;
  for (;;) {
    const input = encodeURIComponent(JSON.stringify({ protocolVersion: 1, cursor, limit: 1000 }));
    const response = await fetch(`${server.url}/trpc/sync.pull?input=${input}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (
      (await response.json()) as { result: { data: { records: unknown[]; cursor: number; hasMore: boolean } } }
    ).result.data;
    pulled += page.records.length;
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  const referenceRate = pulled / ((performance.now() - referenceStart) / 1000);

  // A fresh browser device pairs and downloads everything into IndexedDB.
  const fresh = await pairDevice(browser, server.url, await pairingCode(server.url, token), 'Fresh device');
  const syncStart = performance.now();
  while ((await storedCount(fresh)) < records) await new Promise((resolve) => setTimeout(resolve, 100));
  const syncSeconds = (performance.now() - syncStart) / 1000;

  // Propagation: a rename on one device until the other device's IndexedDB has it.
  const other = await pairDevice(browser, server.url, await pairingCode(server.url, token), 'Other device');
  await other
    .getByRole('navigation', { name: 'Chats' })
    .getByRole('button', { name: 'Seeded chat 1960', exact: true })
    .waitFor();
  const chats = fresh.getByRole('navigation', { name: 'Chats' });
  const target = 'Seeded chat 1960';
  const latencies: number[] = [];
  for (let i = 0; i < edits; i++) {
    const current = i === 0 ? target : `renamed ${i - 1}`;
    const next = `renamed ${i}`;
    const seen = other.evaluate(async (title) => {
      const open = indexedDB.open('hearth');
      const db: IDBDatabase = await new Promise((resolve) => {
        open.onsuccess = () => resolve(open.result);
      });
      for (;;) {
        // The newest change is the one with the greatest clock: one index step, not a scan of every chat.
        const found = await new Promise<boolean>((resolve) => {
          const request = db.transaction('chats').objectStore('chats').index('updatedAt').openCursor(null, 'prev');
          request.onsuccess = () => resolve((request.result?.value as { title?: string } | undefined)?.title === title);
        });
        if (found) {
          db.close();
          return Date.now();
        }
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    }, next);
    await chats.getByRole('button', { name: `Rename: ${current}`, exact: true }).click();
    await chats.getByRole('textbox', { name: 'Chat title' }).fill(next);
    const sentAt = await fresh.evaluate(() => Date.now());
    await chats.getByRole('textbox', { name: 'Chat title' }).press('Enter');
    latencies.push((await seen) - sentAt);
  }

  console.log(
    `seeded ${records} records on the server in ${seedSeconds.toFixed(1)} s (${(records / seedSeconds).toFixed(0)} records/s pushed over HTTP)`,
  );
  console.log(`reference: plain HTTP pull of the same records: ${referenceRate.toFixed(0)} records/s`);
  const rate = records / syncSeconds;
  console.log(
    `initial sync to a fresh browser device: ${records} records in ${syncSeconds.toFixed(1)} s = ${rate.toFixed(0)} records/s (budget >= 20000; ${((rate / referenceRate) * 100).toFixed(0)}% of the plain HTTP pull)`,
  );
  console.log(
    `propagation of an edit between two browser devices (${edits} edits): p50 ${percentile(latencies, 0.5).toFixed(0)} ms, p99 ${percentile(latencies, 0.99).toFixed(0)} ms (budget p50 <= 100 ms, p99 <= 500 ms)`,
  );
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
