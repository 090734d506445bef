import type { SyncPoke } from '@hearth/schema';
import { coalescePokes } from './poke-for.ts';

/** What a live subscriber is told next: new data up to a cursor, or that its device was revoked. */
export type LiveEvent = { type: 'poke'; poke: SyncPoke } | { type: 'revoked' };

/**
 * One subscriber's queue. Pokes coalesce into one (the latest cursor, with the changes while they
 * join up and fit), since a device only needs to know how far to pull, so a slow reader never builds
 * up a backlog.
 */
export class LiveFeed {
  readonly deviceId: string;
  #poke: SyncPoke | undefined;
  #revoked = false;
  #ended = false;
  #wake: (() => void) | undefined;

  constructor(options: { deviceId: string }) {
    this.deviceId = options.deviceId;
  }

  /** Records that the user's data changed up to `poke.cursor`. */
  poke(poke: SyncPoke): void {
    this.#poke = this.#poke === undefined ? poke : coalescePokes(this.#poke, poke);
    this.#wake?.();
  }

  /** Records that this feed's device was revoked; the feed says so next, then ends. */
  revoke(): void {
    this.#revoked = true;
    this.#wake?.();
  }

  /** Ends the feed: `next()` resolves undefined once the queue is empty. */
  end(): void {
    this.#ended = true;
    this.#wake?.();
  }

  /** The next event, waiting for one; undefined once the feed has ended. */
  async next(): Promise<LiveEvent | undefined> {
    for (;;) {
      if (this.#revoked) {
        this.#ended = true;
        this.#revoked = false;
        return { type: 'revoked' };
      }
      if (this.#poke !== undefined) {
        const poke = this.#poke;
        this.#poke = undefined;
        return { type: 'poke', poke };
      }
      if (this.#ended) return undefined;
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
      this.#wake = undefined;
    }
  }
}
