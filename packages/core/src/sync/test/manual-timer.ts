import type { SyncTimer } from '../sync-timer.ts';

interface Scheduled {
  callback: () => void;
  delayMs: number;
  state: 'waiting' | 'fired' | 'cancelled';
}

/** A SyncTimer that fires only when a test says so, and remembers every delay it was given. */
export class ManualTimer implements SyncTimer {
  readonly scheduled: Scheduled[] = [];

  schedule(callback: () => void, delayMs: number): () => void {
    const entry: Scheduled = { callback, delayMs, state: 'waiting' };
    this.scheduled.push(entry);
    return () => {
      if (entry.state === 'waiting') entry.state = 'cancelled';
    };
  }

  /** The delays of callbacks still waiting. */
  waiting(): number[] {
    return this.scheduled.filter((entry) => entry.state === 'waiting').map((entry) => entry.delayMs);
  }

  /** Fires every waiting callback; returns how many fired. */
  fireAll(): number {
    const due = this.scheduled.filter((entry) => entry.state === 'waiting');
    for (const entry of due) {
      entry.state = 'fired';
      entry.callback();
    }
    return due.length;
  }
}
