/// <reference lib="webworker" />
import { AppDatabase } from '../db/app-database.ts';
import { dexiePresence } from '../db/import-store.ts';
import { foreignFormats } from './foreign-formats.ts';
import { serveImportJob } from './import-job.ts';
import type { FromImportWorker, ToImportWorker } from './import-messages.ts';

// The import worker: a module worker the page starts for each import (start-import-worker.ts).
const scope = self as unknown as DedicatedWorkerGlobalScope;

serveImportJob(
  {
    post: (message: FromImportWorker) => scope.postMessage(message),
    onMessage: (listener) =>
      scope.addEventListener('message', (event: MessageEvent<ToImportWorker>) => listener(event.data)),
  },
  {
    foreign: foreignFormats,
    openPresence(dbName) {
      // Reads only; the page does every write, through its own storage (the outbox and the clock are there).
      const db = new AppDatabase(dbName);
      return { presence: dexiePresence(db), close: () => db.close() };
    },
  },
);
