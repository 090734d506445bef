// Cold start with a large history, in headless Chromium: time until the chat list is usable after a
// page load served by the service worker, and time to open a 5,000-message chat. Each figure is
// compared with the same measurement on an empty database in the same run. Prints; asserts nothing.
//
// Two cold starts are measured. The reload in a running browser (the first figure) was this bench's
// only one, and it hides most of what a person waits for: the browser process, its service worker and
// its IndexedDB backend are all warm, the database files are open, and performance.now() counts from
// the reload's navigation, not from the moment the person started the browser. The second figure quits
// the browser and starts it again on the same profile, as a person does, and counts from asking for
// the page to the newest chat's title being visible (what the person looks for), so it includes
// starting the service worker and opening the database from disk.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
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

/**
 * Scrolls the open chat from its newest message to its very first, as fast as frames allow (older pages
 * are read on the way up), and reports the long tasks it caused and how many messages it went through.
 */
async function scrollChat(page: Page): Promise<{ longTasks: number[]; frames: number }> {
  return page.evaluate(async () => {
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const list = document.querySelector('section[aria-label="Messages"]');
    if (!list) throw new Error('No message list');
    // At the top with nothing left to read for a while: the first message is reached.
    let still = 0;
    let frames = 0;
    for (; frames < 20_000 && still < 30; frames++) {
      list.scrollTop = Math.max(0, list.scrollTop - 800);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      still = list.scrollTop === 0 && list.getAttribute('aria-busy') === 'false' ? still + 1 : 0;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    observer.disconnect();
    return { longTasks, frames };
  });
}

/** What one start of the browser on the profile took, in ms from asking for the page (launch apart). */
interface RelaunchFigures {
  launchMs: number;
  firstPaintMs: number;
  titleMs: number;
}

function launchOnProfile(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
  });
}

/**
 * Starts the browser on the profile, asks for the app, and waits until `title` shows in the chat list
 * (null: until the composer shows, for the empty database); the browser is quit again afterwards.
 */
async function relaunch(profileDir: string, url: string, title: string | null): Promise<RelaunchFigures> {
  const launchedAt = Date.now();
  const context = await launchOnProfile(profileDir);
  try {
    await context.addInitScript('globalThis.__name = (target) => target;');
    const page = context.pages()[0] ?? (await context.newPage());
    const askedAt = Date.now();
    await page.goto(url, { waitUntil: 'commit' });
    const shownAt = await page.waitForFunction(
      (wanted) => {
        const found =
          wanted === null
            ? document.querySelector('textarea[aria-label="Message"]')
            : [...document.querySelectorAll('nav[aria-label="Chats"] li button')].find(
                (button) => button.textContent === wanted,
              );
        if (!found || found.getBoundingClientRect().height === 0) return false;
        return performance.timeOrigin + performance.now();
      },
      title,
      { polling: 'raf', timeout: 120_000 },
    );
    const titleAt = (await shownAt.jsonValue()) as number;
    const paint = await page.evaluate(
      () =>
        performance.timeOrigin + (performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN),
    );
    return { launchMs: askedAt - launchedAt, firstPaintMs: paint - askedAt, titleMs: titleAt - askedAt };
  } finally {
    await context.close();
  }
}

const server = await ServerProcess.start({ staticDir });
// A profile on disk, like a person's browser, so that the browser can be quit and started again on it.
const profileDir = await mkdtemp(join(tmpdir(), 'hearth-cold-start-'));
const emptyProfileDir = await mkdtemp(join(tmpdir(), 'hearth-cold-start-empty-'));
let context = await launchOnProfile(profileDir);
try {
  // tsx compiles this file with esbuild's keepNames, whose `__name` helper ends up in functions sent to the page.
  await context.addInitScript('globalThis.__name = (target) => target;');
  const page = context.pages()[0] ?? (await context.newPage());
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
  const { longTasks: scrollLongTasks, frames: scrollFrames } = await scrollChat(page);

  await context.close();

  // The empty reference: a profile that has the app (service worker installed) and no history.
  context = await launchOnProfile(emptyProfileDir);
  const emptyPage = context.pages()[0] ?? (await context.newPage());
  await emptyPage.goto(server.url);
  await emptyPage.waitForSelector('textarea[aria-label="Message"]');
  await emptyPage.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.close();
  const relaunchedEmpty: RelaunchFigures[] = [];
  const relaunchedFull: RelaunchFigures[] = [];
  for (let i = 0; i < rounds; i++) {
    relaunchedEmpty.push(await relaunch(emptyProfileDir, server.url, null));
    relaunchedFull.push(await relaunch(profileDir, server.url, longChatTitle));
  }
  const pick = (list: RelaunchFigures[], key: keyof RelaunchFigures) => median(list.map((entry) => entry[key]));

  const fullMedian = median(full);
  const emptyMedian = median(empty);
  console.log(`served by the service worker: ${controlled}`);
  console.log(`cold start, empty database: ${emptyMedian.toFixed(0)} ms (median of ${rounds})`);
  console.log(
    `cold start, ${history.chats} chats / ${history.messages} messages: ${fullMedian.toFixed(0)} ms until the chat list is usable (budget <= 1000 ms; ${(fullMedian / emptyMedian).toFixed(2)}x the empty start)`,
  );
  console.log(
    `cold start after quitting and starting the browser again, ${history.chats} chats / ${history.messages} messages: ${pick(relaunchedFull, 'titleMs').toFixed(0)} ms from asking for the page to the newest chat's title visible (budget <= 1000 ms; first paint at ${pick(relaunchedFull, 'firstPaintMs').toFixed(0)} ms; starting the browser took ${pick(relaunchedFull, 'launchMs').toFixed(0)} ms more), against ${pick(relaunchedEmpty, 'titleMs').toFixed(0)} ms to the composer with an empty database (${(pick(relaunchedFull, 'titleMs') / pick(relaunchedEmpty, 'titleMs')).toFixed(2)}x); medians of ${rounds}`,
  );
  console.log(`open a ${history.longChatMessages}-message chat: ${median(opens).toFixed(0)} ms (budget <= 100 ms)`);
  console.log(
    `long tasks while opening: ${openLongTasks.length} (longest ${Math.max(0, ...openLongTasks).toFixed(0)} ms); while scrolling to the top (${scrollFrames} frames): ${scrollLongTasks.length} (longest ${Math.max(0, ...scrollLongTasks).toFixed(0)} ms)`,
  );
} finally {
  await context.close();
  await server.stop();
  await rm(profileDir, { recursive: true, force: true });
  await rm(emptyProfileDir, { recursive: true, force: true });
}
