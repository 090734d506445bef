import { useSyncExternalStore } from 'react';
import { appStorage } from '../../app/app-storage.ts';
import { createImportSession, type ImportSession, type ImportState } from '../../archive/import-session.ts';
import { startImportWorker } from '../../archive/start-import-worker.ts';

let session: ImportSession | undefined;

/** The page's one import session, made on first use; it outlives the Settings dialog. */
export function importSession(): ImportSession {
  session ??= createImportSession({ storage: appStorage, startWorker: startImportWorker });
  return session;
}

/** The import's state, re-rendering as it changes. */
export function useImportState(): ImportState {
  const { state } = importSession();
  return useSyncExternalStore(state.subscribe, state.get, state.get);
}
