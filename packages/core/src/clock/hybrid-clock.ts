import type { HlcString } from '@hearth/schema';
import { type Hlc, maxHlcCounter, parseHlc, serializeHlc } from './hlc.ts';

export interface HybridClockOptions {
  deviceId: string;
  /** The wall clock; injectable so tests can skew it. */
  now?: () => number;
  /** The last reading this device issued or saw, so a restart never goes backwards. */
  last?: HlcString;
}

/**
 * A hybrid logical clock (Kulkarni et al.): readings follow the wall clock when it moves forward and
 * a counter otherwise, so every local event gets a reading greater than anything this device has
 * issued or received, even when its wall clock is behind another device's.
 */
export class HybridClock {
  readonly deviceId: string;
  readonly #now: () => number;
  #last: Hlc;

  constructor(options: HybridClockOptions) {
    this.deviceId = options.deviceId;
    this.#now = options.now ?? Date.now;
    const parsed = options.last === undefined ? undefined : parseHlc(options.last);
    this.#last = parsed?.success ? parsed.value : { wallMs: 0, counter: 0, deviceId: options.deviceId };
  }

  /** A fresh reading for a local change. */
  tick(): HlcString {
    const wall = this.#now();
    this.#last = wall > this.#last.wallMs ? this.#at(wall, 0) : this.#after(this.#last.wallMs, this.#last.counter);
    return serializeHlc(this.#last);
  }

  /** Folds in a reading from elsewhere so that later local readings sort after it. */
  receive(remote: HlcString): void {
    const parsed = parseHlc(remote);
    if (!parsed.success) return;
    const other = parsed.value;
    const wall = Math.max(this.#now(), this.#last.wallMs, other.wallMs);
    if (wall === this.#last.wallMs && wall === other.wallMs) {
      this.#last = this.#after(wall, Math.max(this.#last.counter, other.counter));
    } else if (wall === this.#last.wallMs) {
      this.#last = this.#after(wall, this.#last.counter);
    } else if (wall === other.wallMs) {
      this.#last = this.#after(wall, other.counter);
    } else {
      this.#last = this.#at(wall, 0);
    }
  }

  /** The last reading issued or received, for persisting across restarts. */
  get last(): HlcString {
    return serializeHlc(this.#last);
  }

  #at(wallMs: number, counter: number): Hlc {
    return { wallMs, counter, deviceId: this.deviceId };
  }

  // The successor of (wall, counter); borrows the next milli rather than overflowing the counter.
  #after(wallMs: number, counter: number): Hlc {
    return counter >= maxHlcCounter ? this.#at(wallMs + 1, 0) : this.#at(wallMs, counter + 1);
  }
}
