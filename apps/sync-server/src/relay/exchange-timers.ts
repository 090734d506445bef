import type { RelayTimeouts } from './relay-contract.ts';
import { RelayError } from './relay-error.ts';

/** The four timeouts of one exchange. */
export type TimeoutKind = keyof RelayTimeouts;

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

/** The timers of one exchange; each fires `onTimeout` at most once, and `stopAll` leaves nothing behind. */
export class ExchangeTimers {
  private readonly timeouts: RelayTimeouts;
  private readonly onTimeout: (kind: TimeoutKind, ms: number) => void;
  private readonly timers = new Map<TimeoutKind, NodeJS.Timeout>();

  constructor(options: { timeouts: RelayTimeouts; onTimeout: (kind: TimeoutKind, ms: number) => void }) {
    this.timeouts = options.timeouts;
    this.onTimeout = options.onTimeout;
  }

  /** (Re)starts one timer from now. */
  start(kind: TimeoutKind): void {
    this.stop(kind);
    const ms = this.timeouts[kind];
    const timer = setTimeout(() => {
      this.timers.delete(kind);
      this.onTimeout(kind, ms);
    }, ms);
    this.timers.set(kind, timer);
  }

  /** Restarts a running timer; cheap enough to call on every chunk. */
  refresh(kind: TimeoutKind): void {
    this.timers.get(kind)?.refresh();
  }

  /** Stops one timer; nothing happens if it is not running. */
  stop(kind: TimeoutKind): void {
    clearTimeout(this.timers.get(kind));
    this.timers.delete(kind);
  }

  /** Stops every timer, so nothing of the exchange outlives it. */
  stopAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
