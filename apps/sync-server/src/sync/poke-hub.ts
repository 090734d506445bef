import type { SyncPoke } from '@hearth/schema';
import { LiveFeed } from './live-feed.ts';

/**
 * The live channel's pub/sub, keyed by user id, as the procedures use it: a push that changed data
 * pokes every open subscription of that user once its transaction has committed; a revoked device's
 * subscriptions are told and end.
 */
export interface SyncHub {
  /** Opens a feed for one device of a user; it ends when `signal` aborts or the hub closes. */
  open(options: { userId: string; deviceId: string; signal: AbortSignal | undefined }): LiveFeed;
  /** Ends one feed and forgets it. */
  close(userId: string, feed: LiveFeed): void;
  /** Tells the user's open feeds that their data changed up to `poke.cursor`. */
  poke(userId: string, poke: SyncPoke): void;
  /** Tells the revoked device's open feeds, which then end. */
  revoke(userId: string, deviceId: string): void;
  /** Open feeds of this process, across users. */
  readonly size: number;
  /** Ends every feed (the server is stopping) and refuses new ones. */
  closeAll(): Promise<void>;
}

/**
 * In-process pub/sub: it reaches the subscribers of this process only, which is all there is with
 * SQLite (one process). Several processes on PostgreSQL use PostgresPokeHub, which carries pokes
 * between them and delivers them through one of these in each process.
 */
export class PokeHub implements SyncHub {
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

  /** The users with open feeds here. */
  get users(): string[] {
    return [...this.#feeds.keys()];
  }

  /** Open feeds, across users. */
  get size(): number {
    let size = 0;
    for (const feeds of this.#feeds.values()) size += feeds.size;
    return size;
  }

  /** Ends every feed (the server is stopping) and refuses new ones. */
  async closeAll(): Promise<void> {
    this.#closed = true;
    for (const [userId, feeds] of this.#feeds) for (const feed of feeds) this.close(userId, feed);
  }
}
