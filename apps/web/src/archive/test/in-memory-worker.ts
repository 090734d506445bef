import { dexiePresence } from '../../db/import-store.ts';
import type { Storage } from '../../db/storage.ts';
import type { ForeignFormats } from '../foreign-formats.ts';
import { foreignFormats } from '../foreign-formats.ts';
import { serveImportJob } from '../import-job.ts';
import type { FromImportWorker, ToImportWorker } from '../import-messages.ts';
import type { ImportWorkerHandle } from '../import-session.ts';

/**
 * The import worker run in the test's own thread: the same job, messages cloned and delivered on a later
 * task as a real worker's would be, the preview reading the given storage.
 */
export function inMemoryWorker(storage: () => Storage, foreign: ForeignFormats = foreignFormats): ImportWorkerHandle {
  let toPage: ((message: unknown) => void) | undefined;
  let toWorker: ((message: ToImportWorker) => void) | undefined;
  let alive = true;
  const deliver = <T>(listener: ((message: T) => void) | undefined, message: T) =>
    setTimeout(() => {
      if (alive) listener?.(structuredClone(message));
    }, 0);
  serveImportJob(
    {
      post: (message: FromImportWorker) => deliver(toPage, message),
      onMessage: (listener) => {
        toWorker = listener;
      },
    },
    { foreign, openPresence: () => ({ presence: dexiePresence(storage().db), close: () => undefined }) },
  );
  return {
    post: (message) => deliver(toWorker, message),
    onMessage: (listener) => {
      toPage = listener;
    },
    terminate: () => {
      alive = false;
    },
  };
}
