/** What the sync API reports to the server's /metrics. */
export interface SyncMetrics {
  /** A push was answered; `applied` mutations changed a record. */
  pushed(applied: number): void;
  /** A pull page was answered with `records` records. */
  pulled(records: number): void;
  liveOpened(): void;
  liveClosed(): void;
}

/** Metrics that go nowhere, for tests and tools that have no /metrics. */
export const noSyncMetrics: SyncMetrics = {
  pushed: () => {},
  pulled: () => {},
  liveOpened: () => {},
  liveClosed: () => {},
};
