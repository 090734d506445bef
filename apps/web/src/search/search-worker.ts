/// <reference lib="webworker" />
import { Dexie, type ObservabilitySet } from 'dexie';
import { AppDatabase } from '../db/app-database.ts';
import { indexMarkedMessages, prepareSearchIndex } from './search-index-writer.ts';
import type { ToSearchWorker } from './start-search-indexing.ts';

// The search worker: keeps the search index of one database up to date, off the page's thread. One tab's
// worker indexes at a time (a Web Lock); another tab's takes over when that tab closes.
const scope = self as unknown as DedicatedWorkerGlobalScope;

// Messages indexed per round: one short transaction each, so the page's writes never wait long behind one.
const roundSize = 200;

scope.addEventListener(
  'message',
  (event: MessageEvent<ToSearchWorker>) => {
    if (event.data.type === 'start') void keepIndexed(event.data.dbName);
  },
  { once: true },
);

async function keepIndexed(dbName: string): Promise<void> {
  const db = new AppDatabase(dbName);
  const marks = `idb://${dbName}/searchDirty/`;
  let poked = false;
  let wake: (() => void) | undefined;
  // Dexie announces every committed write, the page's and other tabs' included (a BroadcastChannel).
  Dexie.on('storagemutated', (parts: ObservabilitySet) => {
    if (!Object.keys(parts).some((part) => part.startsWith(marks))) return;
    poked = true;
    wake?.();
  });
  await navigator.locks.request(`hearth-search-index:${dbName}`, async () => {
    await prepareSearchIndex(db);
    for (;;) {
      poked = false;
      let taken = 0;
      try {
        taken = await indexMarkedMessages(db, roundSize);
      } catch {
        // Storage full or busy: the marks stay, and the next write (or a minute) tries again.
        await new Promise((resolve) => setTimeout(resolve, 60_000));
      }
      if (taken === 0 && !poked) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  });
}
