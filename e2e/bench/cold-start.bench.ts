// Cold start with a large history, in headless Chromium: time until the chat list is usable after a
// page load served by the service worker, and time to open a 5,000-message chat. Each figure is
// compared with the same measurement on an empty database in the same run. Prints; asserts nothing.
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../fixtures/browser-flags.ts';
import { ServerProcess } from '../fixtures/server-process.ts';
import { seedHistory } from './seed-history.ts';

const staticDir = new URL('../../apps/web/dist', import.meta.url).pathname;
const rounds = 5;
const history = { chats: 2_000, messages: 100_000, longChatMessages: 5_000 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Reloads and returns ms from navigation start until the chat list shows and answers clicks. */
async function coldStart(page: Page, expectChats: boolean): Promise<number> {
  await page.reload({ waitUntil: 'commit' });
  await page.waitForFunction(
    (withChats) => {
      const ready = withChats
        ? document.querySelector('nav[aria-label="Chats"] li button')
        : document.querySelector('textarea[aria-label="Message"]');
      return ready !== null;
    },
    expectChats,
    { polling: 'raf', timeout: 60_000 },
  );
  return page.evaluate(() => performance.now());
}

/** Opens a chat and returns ms until its newest message is on screen, and the long tasks seen meanwhile. */
async function openChat(page: Page, title: string): Promise<{ ms: number; longTasks: number[] }> {
  return page.evaluate(async (chatTitle) => {
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const button = [...document.querySelectorAll<HTMLButtonElement>('nav[aria-label="Chats"] li button')].find(
      (candidate) => candidate.textContent === chatTitle,
    );
    if (!button) throw new Error(`No chat titled ${chatTitle}`);
    const start = performance.now();
    button.click();
    await new Promise<void>((resolve) => {
      const check = () => {
        if (document.querySelectorAll('article').length > 0) resolve();
        else requestAnimationFrame(check);
      };
      check();
    });
    const ms = performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 300));
    observer.disconnect();
    return { ms, longTasks };
  }, title);
}

/** Scrolls the open chat from bottom to top and reports the long tasks it caused. */
async function scrollChat(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const list = document.querySelector('section[aria-label="Messages"]');
    if (!list) throw new Error('No message list');
    for (let step = 0; step < 60 && list.scrollTop > 0; step++) {
      list.scrollTop = Math.max(0, list.scrollTop - 800);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    observer.disconnect();
    return longTasks;
  });
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
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });

  const empty: number[] = [];
  for (let i = 0; i < rounds; i++) empty.push(await coldStart(page, false));

  const seedStart = Date.now();
  const { longChatTitle } = await page.evaluate(seedHistory, history);
  console.log(
    `seeded ${history.chats} chats and ${history.messages} messages in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`,
  );

  const full: number[] = [];
  for (let i = 0; i < rounds; i++) full.push(await coldStart(page, true));
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);

  const opens: number[] = [];
  let openLongTasks: number[] = [];
  for (let i = 0; i < rounds; i++) {
    await coldStart(page, true);
    const result = await openChat(page, longChatTitle);
    opens.push(result.ms);
    openLongTasks = openLongTasks.concat(result.longTasks);
  }
  const scrollLongTasks = await scrollChat(page);

  const fullMedian = median(full);
  const emptyMedian = median(empty);
  console.log(`served by the service worker: ${controlled}`);
  console.log(`cold start, empty database: ${emptyMedian.toFixed(0)} ms (median of ${rounds})`);
  console.log(
    `cold start, ${history.chats} chats / ${history.messages} messages: ${fullMedian.toFixed(0)} ms until the chat list is usable (budget <= 1000 ms; ${(fullMedian / emptyMedian).toFixed(2)}x the empty start)`,
  );
  console.log(`open a ${history.longChatMessages}-message chat: ${median(opens).toFixed(0)} ms (budget <= 100 ms)`);
  console.log(
    `long tasks while opening: ${openLongTasks.length} (longest ${Math.max(0, ...openLongTasks).toFixed(0)} ms); while scrolling to the top: ${scrollLongTasks.length} (longest ${Math.max(0, ...scrollLongTasks).toFixed(0)} ms)`,
  );
} finally {
  await browser.close();
  await server.stop();
}
