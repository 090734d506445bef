import type { Storage } from '../db/storage.ts';

let current: Storage | undefined;

/** Installs the storage opened at start-up. */
export function setAppStorage(storage: Storage): void {
  current = storage;
}

/** The storage opened at start-up; actions and views use this one. */
export function appStorage(): Storage {
  if (!current) throw new Error('Storage is not open yet.');
  return current;
}
