import type { PurgeReport, SyncStore } from './store/sync-store.ts';

/** A running purge: once now, then every interval until stopped. */
export interface PurgeSchedule {
  /** The first purge, started at once. */
  readonly first: Promise<PurgeReport | undefined>;
  stop(): void;
}

/**
 * Purges tombstones past the horizon at start-up and then every `intervalMs`. A failed purge (say the
 * database is busy) is reported and tried again next time: purging late only keeps data longer.
 */
export function startPurgeSchedule(options: {
  store: SyncStore;
  horizonMs: number;
  intervalMs: number;
  now: () => number;
  onError: (error: unknown) => void;
  onPurged?: (report: PurgeReport) => void;
}): PurgeSchedule {
  const { store, horizonMs, intervalMs, now, onError, onPurged } = options;
  const run = async (): Promise<PurgeReport | undefined> => {
    try {
      const report = await store.purge({ nowMs: now(), horizonMs });
      onPurged?.(report);
      return report;
    } catch (error) {
      onError(error);
      return undefined;
    }
  };
  const first = run();
  const timer = setInterval(() => void run(), intervalMs);
  // A purge alone must not keep the process alive.
  timer.unref();
  return { first, stop: () => clearInterval(timer) };
}
