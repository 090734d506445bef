import type { SyncPoke } from '@hearth/schema';
import { type BackoffOptions, backoffDelay, defaultBackoff } from './backoff.ts';
import { defaultPushLimits, type PushLimits } from './push-limits.ts';
import { SyncTransportError } from './sync-client-error.ts';
import type { SyncContext } from './sync-context.ts';
import { type SyncFailureCode, syncFailurePolicies } from './sync-failure.ts';
import { fullSync, runSyncRound, type SyncRoundReport, type SyncWork } from './sync-round.ts';
import type { SyncStatus } from './sync-status.ts';
import type { LocalStore } from './sync-store.ts';
import { hostTimer, type SyncTimer } from './sync-timer.ts';
import type { SyncClock, SyncTransport } from './sync-transport.ts';

/** What a SyncEngine works with; everything but the three ports has a default. */
export interface SyncEngineOptions {
  store: LocalStore;
  transport: SyncTransport;
  clock: SyncClock;
  limits?: PushLimits;
  pullPageSize?: number;
  backoff?: BackoffOptions;
  /** Uniform in [0, 1); injectable so the backoff schedule is deterministic in tests. */
  random?: () => number;
  timer?: SyncTimer;
  /** Called after each successful round (records rejected, records dropped by a resync...). */
  onRound?: (report: SyncRoundReport) => void;
}

type RoundOutcome = { success: true; value: SyncRoundReport } | { success: false; error: SyncFailureCode };

/** The failure code of whatever a round threw. */
export function failureCode(error: unknown): SyncFailureCode {
  if (error instanceof SyncTransportError) return error.code;
  // Everything else a round does is local work: the database (SyncStorageError), or core's own code.
  return 'storage';
}

/** Work asked for while a round runs, merged into the one round queued behind it. */
function mergeWork(queued: SyncWork | null, more: SyncWork): SyncWork {
  if (queued === null) return { ...more, pokes: [...more.pokes] };
  return {
    push: queued.push || more.push,
    pull: queued.pull || more.pull,
    pokes: [...queued.pokes, ...more.pokes],
    releaseHeld: queued.releaseHeld === true || more.releaseHeld === true,
  };
}

/**
 * Runs sync rounds for one device: at most one round at a time and at most one queued behind it, so
 * any number of requests (pokes, local changes) cost at most one extra round. A local change asks only
 * for a push, a poke applies the changes it carries, and only what may have changed on the server asks
 * for a pull. Failures are retried with exponential backoff and jitter (a retry does everything), or
 * stop sync until `resume()` when retrying cannot help.
 */
export class SyncEngine {
  readonly #context: SyncContext;
  readonly #options: SyncEngineOptions;
  readonly #listeners = new Set<(status: SyncStatus) => void>();
  #status: SyncStatus = { state: 'idle' };
  // Set synchronously when a round starts, so a status listener calling requestSync() cannot start a second.
  #active = false;
  #running: Promise<void> | null = null;
  // What the next round must do: requests made while a round runs (or during a backoff) merge here.
  #queued: SyncWork | null = null;
  // The first round also releases records held for a newer app version that this one can now read.
  #releasedHeld = false;
  #cancelRetry: (() => void) | null = null;
  #failures = 0;
  #halted = false;
  #stopped = false;

  constructor(options: SyncEngineOptions) {
    this.#options = options;
    this.#context = {
      store: options.store,
      transport: options.transport,
      clock: options.clock,
      limits: options.limits ?? defaultPushLimits,
      ...(options.pullPageSize === undefined ? {} : { pullPageSize: options.pullPageSize }),
    };
  }

  /** The current status; the same object until it changes (fits React's useSyncExternalStore). */
  get status(): SyncStatus {
    return this.#status;
  }

  /** Calls `listener` on every status change; returns the unsubscribe function. */
  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Asks for a whole round soon (push, then pull): now when idle, after the current one when busy, at the retry when backing off. */
  requestSync(): void {
    this.#request(fullSync);
  }

  /** Asks for a push of local changes, without pulling. */
  requestPush(): void {
    this.#request({ push: true, pull: false, pokes: [] });
  }

  /** Hands over a poke from the live channel: its changes are applied, or pulled when they cannot be. */
  receivePoke(poke: SyncPoke): void {
    this.#request({ push: false, pull: false, pokes: [poke] });
  }

  #request(work: SyncWork): void {
    if (this.#stopped || this.#halted) return;
    this.#queued = mergeWork(this.#queued, work);
    if (this.#active) return;
    if (this.#cancelRetry !== null) return; // the scheduled retry does this round's work
    this.#start();
  }

  /** Syncs now, ending a backoff wait or a stop after a failure (signed in again, clock fixed, back online). */
  resume(): void {
    if (this.#stopped) return;
    this.#halted = false;
    this.#failures = 0;
    this.#cancelRetry?.();
    this.#cancelRetry = null;
    this.#request(fullSync);
  }

  /** Stops for good: no further rounds or retries; resolves when the round under way has finished. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#queued = null;
    this.#cancelRetry?.();
    this.#cancelRetry = null;
    await this.#running;
  }

  /** Resolves when no round is running or queued (a scheduled retry does not count). */
  async settled(): Promise<void> {
    while (this.#running !== null) await this.#running;
  }

  #start(): void {
    this.#active = true;
    this.#running = this.#loop();
  }

  async #loop(): Promise<void> {
    for (;;) {
      const work = this.#queued ?? fullSync;
      this.#queued = null;
      this.#setStatus({ state: 'syncing' });
      const outcome = await this.#round(this.#releasedHeld ? work : { ...work, releaseHeld: true });
      if (this.#stopped) break;
      if (!outcome.success) {
        this.#finish();
        this.#fail(outcome.error);
        return;
      }
      this.#releasedHeld = true;
      this.#failures = 0;
      this.#options.onRound?.(outcome.value);
      if (this.#queued === null) break;
    }
    // Finished before the status change, so a listener's requestSync() starts a new round.
    this.#finish();
    if (!this.#stopped) this.#setStatus({ state: 'idle' });
  }

  #finish(): void {
    this.#active = false;
    this.#running = null;
  }

  async #round(work: SyncWork): Promise<RoundOutcome> {
    try {
      return { success: true, value: await runSyncRound(this.#context, work) };
    } catch (error) {
      return { success: false, error: failureCode(error) };
    }
  }

  #fail(code: SyncFailureCode): void {
    const policy = syncFailurePolicies[code];
    if (!policy.retry) {
      this.#halted = true;
      this.#setStatus({ state: 'error', code, message: policy.message, retryInMs: null });
      return;
    }
    const backoff = this.#options.backoff ?? defaultBackoff;
    const delay = backoffDelay({ ...backoff, attempt: this.#failures, random: this.#options.random ?? Math.random });
    this.#failures += 1;
    const timer = this.#options.timer ?? hostTimer;
    // Whatever the failed round was for, the retry does everything: the pokes it dropped included.
    this.#queued = mergeWork(this.#queued, fullSync);
    this.#cancelRetry = timer.schedule(() => {
      this.#cancelRetry = null;
      if (!this.#stopped && !this.#halted && !this.#active) this.#start();
    }, delay);
    this.#setStatus(
      code === 'network'
        ? { state: 'offline', retryInMs: delay }
        : { state: 'error', code, message: policy.message, retryInMs: delay },
    );
  }

  #setStatus(status: SyncStatus): void {
    if (JSON.stringify(status) === JSON.stringify(this.#status)) return;
    this.#status = status;
    for (const listener of this.#listeners) listener(status);
  }
}
