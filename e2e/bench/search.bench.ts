// Search over 100,000 messages, English and Chinese, in headless Chromium: how long the search worker
// takes to build the index of a history it has never seen (against the raw IndexedDB writes of the same
// messages), and the time from typing a query into the search box to its first results on screen
// (against reading every message and matching its text, what a search without an index must do).
// Prints; asserts nothing.
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../fixtures/browser-flags.ts';
import { ServerProcess } from '../fixtures/server-process.ts';
import { seedSearchHistory } from './seed-search-history.ts';

const staticDir = new URL('../../apps/web/dist', import.meta.url).pathname;
const history = { chats: 2_000, messages: 100_000 };
const rounds = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** The index's progress, read from IndexedDB: whether it is built and how many messages wait. */
function indexProgress(page: Page): Promise<{ built: boolean; waiting: number; entries: number }> {
  return page.evaluate(async () => {
    const open = indexedDB.open('hearth');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['searchState', 'searchDirty', 'searchEntries']);
    const ask = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const [state, waiting, entries] = await Promise.all([
      ask(tx.objectStore('searchState').count()),
      ask(tx.objectStore('searchDirty').count()),
      ask(tx.objectStore('searchEntries').count()),
    ]);
    db.close();
    return { built: state > 0, waiting, entries };
  });
}

/** Types `text` into the search box and returns ms until its first message result is on screen. */
async function searchOnce(page: Page, text: string): Promise<number> {
  return page.evaluate(async (query) => {
    const input = document.getElementById('chat-search') as HTMLInputElement | null;
    if (!input) throw new Error('No search box');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    const type = (value: string) => {
      setValue?.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    type('');
    while (document.querySelector('.message-results')) await frame();
    const start = performance.now();
    type(query);
    for (;;) {
      if (document.querySelector('.message-results li')) return performance.now() - start;
      if (performance.now() - start > 30_000) throw new Error(`No results for ${query}`);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }, text);
}

/** Reads every message and matches its text: the search an app without an index would do. */
function scanEverything(page: Page, text: string): Promise<{ ms: number; found: number }> {
  return page.evaluate(async (query) => {
    const start = performance.now();
    const open = indexedDB.open('hearth');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const request = db.transaction('messages').objectStore('messages').getAll();
    const messages: { content?: string }[] = await new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const needle = query.toLowerCase();
    const found = messages.filter((message) => message.content?.toLowerCase().includes(needle)).length;
    db.close();
    return { ms: performance.now() - start, found };
  }, text);
}

const server = await ServerProcess.start({ staticDir });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
try {
  const context = await browser.newContext();
  // tsx compiles this file with esbuild's keepNames, whose `__name` helper ends up in functions sent to the page.
  await context.addInitScript('globalThis.__name = (target) => target;');
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('textarea[aria-label="Message"]');
  // The worker has built the (empty) index once, so the seeded history is what it finds missing.
  for (let progress = await indexProgress(page); !progress.built; progress = await indexProgress(page)) {
    await page.waitForTimeout(200);
  }

  const seed = await page.evaluate(seedSearchHistory, history);
  console.log(
    `raw IndexedDB writes of ${history.messages} messages: ${(seed.writeMs / 1000).toFixed(1)} s (reference)`,
  );

  const buildStart = Date.now();
  await page.reload();
  await page.waitForSelector('#chat-search');
  let progress = await indexProgress(page);
  while (!progress.built || progress.waiting > 0) {
    await page.waitForTimeout(500);
    progress = await indexProgress(page);
  }
  const buildMs = Date.now() - buildStart;
  console.log(
    `index build in the worker, ${progress.entries} messages: ${(buildMs / 1000).toFixed(1)} s (${(buildMs / seed.writeMs).toFixed(1)}x the raw writes; ${Math.round(progress.entries / (buildMs / 1000))} messages/s)`,
  );

  await page.reload();
  await page.waitForSelector('#chat-search');
  const [firstQuery] = seed.queries;
  if (firstQuery) {
    console.log(
      `first search after a reload ("${firstQuery.text}"): ${(await searchOnce(page, firstQuery.text)).toFixed(0)} ms`,
    );
  }
  for (const query of seed.queries) {
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) times.push(await searchOnce(page, query.text));
    const scan = await scanEverything(page, query.text);
    console.log(
      `${query.label} ("${query.text}", ${scan.found} messages contain it): first results in ${median(times).toFixed(0)} ms (median of ${rounds}; budget <= 150 ms); reading every message instead: ${scan.ms.toFixed(0)} ms (${(median(times) / scan.ms).toFixed(2)}x)`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
}
