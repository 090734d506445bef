import { readdirSync, readFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';

/** Peaks of a tab's memory while something runs: its page's JS heap, and its renderer processes' RSS. */
export interface MemoryPeaks {
  /** The page's main-thread JS heap (CDP Performance.getMetrics JSHeapUsedSize), bytes. */
  pageHeapBytes: number;
  /**
   * Resident memory of the renderer processes of the browser this process started (Linux /proc), bytes:
   * the tab's page and its workers (the import worker) live there. Run with that tab as the only one open.
   */
  rendererRssBytes: number;
}

function parentOf(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (command) state ppid ...", the command in parentheses may hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** Chromium renderer processes started by this process (other runs' browsers on the machine are not ours). */
function rendererPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('--type=renderer')) continue;
    } catch {
      continue; // The process ended meanwhile.
    }
    let ancestor: number | undefined = Number(entry);
    for (let depth = 0; ancestor !== undefined && ancestor > 1 && depth < 16; depth++) {
      if (ancestor === process.pid) {
        pids.push(Number(entry));
        break;
      }
      ancestor = parentOf(ancestor);
    }
  }
  return pids;
}

function rssBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples a page's memory every `intervalMs` until stopped: the first sample, and the peaks. */
export async function sampleMemory(
  page: Page,
  intervalMs = 100,
): Promise<{ before: MemoryPeaks; stop(): Promise<MemoryPeaks> }> {
  const session: CDPSession = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const sample = async (): Promise<MemoryPeaks> => {
    const rendererRssBytes = rendererPids().reduce((sum, pid) => sum + rssBytes(pid), 0);
    const { metrics } = await session.send('Performance.getMetrics');
    return { rendererRssBytes, pageHeapBytes: metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0 };
  };
  const before = await sample();
  const peaks: MemoryPeaks = { ...before };
  let running = true;
  const loop = (async () => {
    while (running) {
      const now = await sample();
      peaks.rendererRssBytes = Math.max(peaks.rendererRssBytes, now.rendererRssBytes);
      peaks.pageHeapBytes = Math.max(peaks.pageHeapBytes, now.pageHeapBytes);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    before,
    async stop() {
      running = false;
      await loop;
      await session.detach();
      return peaks;
    },
  };
}

/** Starts recording the page's long tasks (PerformanceObserver 'longtask'); `stop` gives their durations. */
export async function recordLongTasks(page: Page): Promise<{ stop(): Promise<number[]> }> {
  await page.evaluate(() => {
    const scope = window as unknown as { benchLongTasks: number[]; benchObserver: PerformanceObserver };
    scope.benchLongTasks = [];
    scope.benchObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) scope.benchLongTasks.push(entry.duration);
    });
    scope.benchObserver.observe({ type: 'longtask' });
  });
  return {
    stop: () =>
      page.evaluate(() => {
        const scope = window as unknown as { benchLongTasks: number[]; benchObserver: PerformanceObserver };
        scope.benchObserver.disconnect();
        return scope.benchLongTasks;
      }),
  };
}

/** 12345678 -> `11.8 MB`. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
