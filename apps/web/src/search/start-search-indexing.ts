import type { Storage } from '../db/storage.ts';

/** What the page tells the search worker. */
export type ToSearchWorker = { type: 'start'; dbName: string };

/**
 * Starts the search worker once the page is idle, so the first paint does not wait for it: a module
 * worker Vite bundles on its own (precached with the app). It builds the index when missing or stale,
 * then indexes each message written anywhere (search-dirty-marks.ts) for as long as the tab lives.
 */
export function startSearchIndexing(storage: Storage): void {
  requestIdleCallback(
    () => {
      const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module', name: 'search' });
      worker.postMessage({ type: 'start', dbName: storage.db.name } satisfies ToSearchWorker);
    },
    { timeout: 3_000 },
  );
}
