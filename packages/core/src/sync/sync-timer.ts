/** Schedules a callback; injectable so tests run the scheduler without waiting. */
export interface SyncTimer {
  /** Runs `callback` after `delayMs`; the returned function cancels it. */
  schedule(callback: () => void, delayMs: number): () => void;
}

/** The host's setTimeout. */
export const hostTimer: SyncTimer = {
  schedule(callback, delayMs) {
    const handle = setTimeout(callback, delayMs);
    return () => clearTimeout(handle);
  },
};
