import type { BlobMetrics } from './blob-metrics.ts';
import type { BlobOptions } from './blob-options.ts';
import type { BlobStore, BlobSweepReport } from './blob-store.ts';

/** What the blob routes and the sweep share. */
export interface BlobServices {
  store: BlobStore;
  options: BlobOptions;
  metrics: BlobMetrics;
  /** The hashes a user's live records name. */
  referenced: (userId: string) => Promise<ReadonlySet<string>>;
  /** Frees the blobs no record has named for the grace period (on a schedule; tests call it directly). */
  sweep(): Promise<BlobSweepReport>;
}

/** The blob services on a store and the source of references, sweeping at the clock `now`. */
export function createBlobServices(options: {
  store: BlobStore;
  options: BlobOptions;
  metrics: BlobMetrics;
  referenced: (userId: string) => Promise<ReadonlySet<string>>;
  now: () => number;
}): BlobServices {
  const { store, metrics, referenced, now } = options;
  return {
    store,
    options: options.options,
    metrics,
    referenced,
    async sweep() {
      const report = await store.sweep({ nowMs: now(), graceMs: options.options.graceMs, referenced });
      metrics.freed(report.freed);
      return report;
    },
  };
}
