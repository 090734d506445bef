import type { SyncPoke } from '@hearth/schema';
import { LiveFeed } from './live-feed.ts';

/**
 * In-process pub/sub for the live channel, keyed by user id: a push that changed data pokes every
 * open subscription of that user once its transaction has committed. It reaches subscribers of this
 * process only; several server processes (PostgreSQL) need a shared channel, such as LISTEN/NOTIFY.
 */
export class PokeHub {
  readonly #feeds = new Map<string, Set<LiveFeed>>();
  #closed = false;

  /** Opens a feed for one device of a user; it ends when `signal` aborts or the hub closes. */
  open(options: { userId: string; deviceId: string; signal: AbortSignal | undefined }): LiveFeed {
    const { userId, deviceId, signal } = options;
    const feed = new LiveFeed({ deviceId });
    if (this.#closed || signal?.aborted === true) {
      feed.end();
      return feed;
    }
    const feeds = this.#feeds.get(userId) ?? new Set<LiveFeed>();
    feeds.add(feed);
    this.#feeds.set(userId, feeds);
    const onAbort = () => this.close(userId, feed);
    signal?.addEventListener('abort', onAbort, { once: true });
    return feed;
  }

  /** Ends one feed and forgets it. */
  close(userId: string, feed: LiveFeed): void {
    feed.end();
    const feeds = this.#feeds.get(userId);
    feeds?.delete(feed);
    if (feeds?.size === 0) this.#feeds.delete(userId);
  }

  /** Tells the user's open feeds that their data changed up to `poke.cursor`. */
  poke(userId: string, poke: SyncPoke): void {
    for (const feed of this.#feeds.get(userId) ?? []) feed.poke(poke);
  }

  /** Tells the revoked device's open feeds, which then end. */
  revoke(userId: string, deviceId: string): void {
    for (const feed of this.#feeds.get(userId) ?? []) if (feed.deviceId === deviceId) feed.revoke();
  }

  /** Open feeds, across users. */
  get size(): number {
    let size = 0;
    for (const feeds of this.#feeds.values()) size += feeds.size;
    return size;
  }

  /** Ends every feed (the server is stopping) and refuses new ones. */
  closeAll(): void {
    this.#closed = true;
    for (const [userId, feeds] of this.#feeds) for (const feed of feeds) this.close(userId, feed);
  }
}
