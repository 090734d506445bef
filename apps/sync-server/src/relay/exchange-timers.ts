import { performance } from 'node:perf_hooks';
import type { RelayTimeouts } from './relay-contract.ts';
import { RelayError } from './relay-error.ts';

/** The four timeouts of one exchange. */
export type TimeoutKind = keyof RelayTimeouts;

const kinds: readonly TimeoutKind[] = ['connectMs', 'firstByteMs', 'idleMs', 'totalMs'];

const describe: Record<TimeoutKind, { what: string; setting: string }> = {
  connectMs: { what: 'no connection', setting: 'RELAY_CONNECT_TIMEOUT_MS' },
  firstByteMs: { what: 'no response headers', setting: 'RELAY_FIRST_BYTE_TIMEOUT_MS' },
  idleMs: { what: 'no data', setting: 'RELAY_IDLE_TIMEOUT_MS' },
  totalMs: { what: 'no complete answer', setting: 'RELAY_TOTAL_TIMEOUT_MS' },
};

/** The 504 (or final stream event) of a timeout; it names the host and the setting, nothing else. */
export function timeoutError(options: { kind: TimeoutKind; host: string; ms: number }): RelayError {
  const { what, setting } = describe[options.kind];
  return new RelayError(
    'upstream_timeout',
    `The upstream ${options.host} timed out: ${what} within ${options.ms} ms (${setting}).`,
  );
}

/**
 * The timers of one exchange, on a single Node timer: each kind is a deadline, and the timer is armed
 * for the earliest one. Starting, refreshing and stopping a kind only moves its deadline; the timer,
 * when it fires, times out whatever is due and otherwise re-arms for the next deadline. So a stream's
 * chunks, each of which restarts the idle timeout, cost no timer operation at all (restarting a Node
 * timer per chunk, and four timers per exchange, were a visible share of the relay's CPU). Each kind
 * fires `onTimeout` at most once; `stopAll` leaves nothing behind.
 */
export class ExchangeTimers {
  private readonly timeouts: RelayTimeouts;
  private readonly onTimeout: (kind: TimeoutKind, ms: number) => void;
  private readonly deadlines: Record<TimeoutKind, number> = {
    connectMs: Number.POSITIVE_INFINITY,
    firstByteMs: Number.POSITIVE_INFINITY,
    idleMs: Number.POSITIVE_INFINITY,
    totalMs: Number.POSITIVE_INFINITY,
  };
  private timer: NodeJS.Timeout | undefined;
  /** When the timer fires; infinite while it is not armed. */
  private armedFor = Number.POSITIVE_INFINITY;
  private readonly check = () => this.fire();

  constructor(options: { timeouts: RelayTimeouts; onTimeout: (kind: TimeoutKind, ms: number) => void }) {
    this.timeouts = options.timeouts;
    this.onTimeout = options.onTimeout;
  }

  /** (Re)starts one timeout from now. */
  start(kind: TimeoutKind): void {
    this.deadlines[kind] = performance.now() + this.timeouts[kind];
    this.arm(kind);
  }

  /** Restarts a running timeout from now; nothing happens if it is not running. Cheap enough for every chunk. */
  refresh(kind: TimeoutKind): void {
    // A later deadline needs no timer operation: the timer finds it moved when it fires.
    if (this.deadlines[kind] !== Number.POSITIVE_INFINITY)
      this.deadlines[kind] = performance.now() + this.timeouts[kind];
  }

  /** Stops one timeout; nothing happens if it is not running. */
  stop(kind: TimeoutKind): void {
    this.deadlines[kind] = Number.POSITIVE_INFINITY;
  }

  /** Stops every timeout, so nothing of the exchange outlives it. */
  stopAll(): void {
    for (const kind of kinds) this.deadlines[kind] = Number.POSITIVE_INFINITY;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.armedFor = Number.POSITIVE_INFINITY;
  }

  private earliest(): number {
    const { connectMs, firstByteMs, idleMs, totalMs } = this.deadlines;
    return Math.min(connectMs, firstByteMs, idleMs, totalMs);
  }

  /**
   * Arms the timer for the earliest deadline, unless it already fires before that. When the kind just
   * started is the earliest, the timer gets that kind's configured duration: Node keeps one list of timers
   * per duration, so the same few durations for every exchange cost a list append, not a new list.
   */
  private arm(started?: TimeoutKind): void {
    const next = this.earliest();
    if (next >= this.armedFor) return;
    clearTimeout(this.timer);
    this.armedFor = next;
    // Node timers count whole milliseconds and never fire early; a timer that finds its deadline not yet
    // passed (or moved) re-arms for what is left.
    const delay =
      started !== undefined && this.deadlines[started] === next
        ? this.timeouts[started]
        : Math.max(1, Math.ceil(next - performance.now()));
    this.timer = setTimeout(this.check, delay);
  }

  private fire(): void {
    this.timer = undefined;
    this.armedFor = Number.POSITIVE_INFINITY;
    const now = performance.now();
    for (const kind of kinds) {
      if (this.deadlines[kind] <= now) {
        this.deadlines[kind] = Number.POSITIVE_INFINITY;
        this.onTimeout(kind, this.timeouts[kind]);
        return;
      }
    }
    if (this.earliest() !== Number.POSITIVE_INFINITY) this.arm();
  }
}
