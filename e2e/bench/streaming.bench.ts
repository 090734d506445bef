// Streaming render, in headless Chromium: a 10,000-token answer at 200 tokens/s into a chat of 1,000
// messages (QUALITY.md). Measured from outside the app: a PerformanceObserver for long tasks and a count
// of IndexedDB read-write transactions installed by this script, and the time from a key press to the
// next frame in the composer while the answer streams, against the same typing with nothing streaming
// (the reference in the same run). The machines here are shared and often run many times more work
// than they have cores, so wall-clock long tasks mostly measure waiting for a core: a trace of the
// renderer's main thread gives each task's CPU time too, which is what the app's own work costs.
// Prints; asserts nothing.
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeUpstream } from '@hearth/testkit';
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../fixtures/browser-flags.ts';
import { ChatApp } from '../fixtures/chat-app.ts';
import { seedChats } from '../fixtures/seed-chat.ts';
import { ServerProcess } from '../fixtures/server-process.ts';

const staticDir = new URL('../../apps/web/dist', import.meta.url).pathname;
const answer = { tokens: 10_000, rate: 200 };
const chatMessages = 1_000;
const keystrokes = 40;

// Installed before the app loads: long tasks and read-write transactions, each with its time.
const instrument = `
  globalThis.__name = (target) => target;
  globalThis.__bench = { longTasks: [], writes: [], keys: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) globalThis.__bench.longTasks.push({ at: entry.startTime, ms: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (stores, mode, options) {
    if (mode === 'readwrite') globalThis.__bench.writes.push(performance.now());
    return transaction.call(this, stores, mode, options);
  };
  // Key press to the frame that shows it: the next animation frame after the input, plus the task after
  // it (the frame's paint), as input-latency tools measure it from the page.
  addEventListener('keydown', (event) => {
    const start = event.timeStamp;
    requestAnimationFrame(() => setTimeout(() => globalThis.__bench.keys.push(performance.now() - start), 0));
  }, true);
`;

interface Figures {
  longTasks: { at: number; ms: number }[];
  writes: number[];
  keys: number[];
}

const figures = (page: Page): Promise<Figures> =>
  page.evaluate(() => (globalThis as unknown as { __bench: Figures }).__bench);
const reset = (page: Page) =>
  page.evaluate(() => {
    const bench = (globalThis as unknown as { __bench: Figures }).__bench;
    bench.longTasks.length = 0;
    bench.writes.length = 0;
    bench.keys.length = 0;
  });

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? Number.NaN;
}

async function typeKeys(app: ChatApp): Promise<number[]> {
  await app.composer.click();
  await reset(app.page);
  for (let key = 0; key < keystrokes; key++) await app.page.keyboard.press(key % 10 === 9 ? 'Space' : 'a');
  // The last frames land after the last press.
  await app.page.waitForFunction(
    (count) => (globalThis as unknown as { __bench: Figures }).__bench.keys.length >= count,
    keystrokes,
  );
  const { keys } = await figures(app.page);
  await app.composer.fill('');
  return keys;
}

/** The top-level tasks of the renderer's main thread in a Chromium trace: start (ms from the first), wall and CPU time. */
async function mainThreadTasks(path: string): Promise<{ at: number; wallMs: number; cpuMs: number }[]> {
  type TraceEvent = {
    name: string;
    ph: string;
    pid: number;
    tid: number;
    ts: number;
    dur?: number;
    tdur?: number;
    args?: { name?: string };
  };
  const parsed = JSON.parse(await readFile(path, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mains = new Set(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}/${event.tid}`),
  );
  const tasks = events.filter(
    (event) => event.ph === 'X' && event.name === 'RunTask' && mains.has(`${event.pid}/${event.tid}`),
  );
  const first = Math.min(...tasks.map((task) => task.ts));
  return tasks.map((task) => ({
    at: (task.ts - first) / 1000,
    wallMs: (task.dur ?? 0) / 1000,
    cpuMs: (task.tdur ?? 0) / 1000,
  }));
}

const upstream = await startFakeUpstream({ host: '127.0.0.1', port: 0 });
const server = await ServerProcess.start({ staticDir });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
try {
  const context = await browser.newContext({ baseURL: server.url });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const app = new ChatApp(page);
  await app.open();
  await app.addModel({ name: 'Bench', baseUrl: upstream.baseUrl(answer) });
  await seedChats(page, [{ title: 'Bench chat', messages: chatMessages, prefix: 'Seeded', newest: true }]);
  await app.chatLink('Bench chat').click();
  await page.getByText(`Seeded ${chatMessages}`, { exact: true }).waitFor();

  const idleKeys = await typeKeys(app);

  await reset(page);
  const tracePath = join(tmpdir(), `hearth-streaming-${process.pid}.json`);
  await browser.startTracing(page, {
    path: tracePath,
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
  });
  const start = await page.evaluate(() => performance.now());
  await app.composer.fill('Tell me a very long story');
  await app.composer.press('Enter');
  // Typing in the middle of the answer, while it is long already.
  await app.lastAnswer.getByText(`token${answer.tokens / 2}`).waitFor({ timeout: 120_000 });
  const before = await figures(page);
  const streamingKeys = await typeKeys(app);
  await app.button('Stop').waitFor({ state: 'hidden', timeout: 300_000 });
  const end = await page.evaluate(() => performance.now());
  await browser.stopTracing();
  const traced = await mainThreadTasks(tracePath);
  await rm(tracePath, { force: true });
  const after = await figures(page);
  const longTasks = [...before.longTasks, ...after.longTasks].filter((task) => task.at >= start);
  const writes = [...before.writes, ...after.writes].filter((at) => at >= start);

  const seconds = (end - start) / 1000;
  const quarter = (end - start) / 4;
  const inQuarter = (n: number) =>
    longTasks.filter((task) => task.at >= start + n * quarter && task.at < start + (n + 1) * quarter);
  const longest = (tasks: { ms: number }[]) => Math.max(0, ...tasks.map((task) => task.ms));
  const total = longTasks.reduce((sum, task) => sum + task.ms, 0);
  console.log(
    `answer of ${answer.tokens} tokens at ${answer.rate}/s into a ${chatMessages}-message chat: streamed and stored in ${seconds.toFixed(1)} s`,
  );
  console.log(
    `long tasks: ${longTasks.length}, longest ${longest(longTasks).toFixed(0)} ms (budget: none over 50 ms), over 50 ms: ${longTasks.filter((task) => task.ms > 50).length}, ${total.toFixed(0)} ms in all`,
  );
  console.log(
    `longest task by quarter of the stream (the same all along when the work per token is constant): ${[0, 1, 2, 3].map((n) => `${longest(inQuarter(n)).toFixed(0)} ms`).join(', ')}`,
  );
  const cpuLongest = Math.max(0, ...traced.map((task) => task.cpuMs));
  const cpuTotal = traced.reduce((sum, task) => sum + task.cpuMs, 0);
  const tracedQuarter = (traced.at(-1)?.at ?? 0) / 4;
  const cpuByQuarter = [0, 1, 2, 3].map((n) =>
    Math.max(0, ...traced.filter((task) => Math.floor(task.at / tracedQuarter) === n).map((task) => task.cpuMs)),
  );
  console.log(
    `main-thread tasks by CPU time (from a trace): longest ${cpuLongest.toFixed(0)} ms, over 50 ms: ${traced.filter((task) => task.cpuMs > 50).length}; ${(cpuTotal / 1000).toFixed(1)} s of CPU in ${seconds.toFixed(1)} s (${((cpuTotal / (end - start)) * 100).toFixed(0)}% of one core); longest by quarter: ${cpuByQuarter.map((ms) => `${ms.toFixed(0)} ms`).join(', ')}`,
  );
  console.log(
    `IndexedDB read-write transactions: ${writes.length} (${(writes.length / seconds).toFixed(1)} per second; budget: a few)`,
  );
  console.log(
    `key press to frame in the composer: median ${median(streamingKeys).toFixed(0)} ms, p95 ${p95(streamingKeys).toFixed(0)} ms while the answer streams; ${median(idleKeys).toFixed(0)} ms, p95 ${p95(idleKeys).toFixed(0)} ms with nothing streaming (${(median(streamingKeys) / median(idleKeys)).toFixed(2)}x)`,
  );
} finally {
  await browser.close();
  await server.stop();
  await upstream.close();
}
