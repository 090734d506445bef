import type { HybridClock, RecordContext } from '@hearth/core';
import type { AppDatabase } from './app-database.ts';

/** The database and this device's clock: everything a repository needs to write a record. */
export interface Storage {
  db: AppDatabase;
  clock: HybridClock;
}

/** A record context at the current wall time. */
export function recordContext(storage: Storage): RecordContext {
  return { clock: storage.clock, nowMs: Date.now() };
}
