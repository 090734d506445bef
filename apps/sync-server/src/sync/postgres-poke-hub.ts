import { randomUUID } from 'node:crypto';
import { type SyncPoke, syncPokeSchema } from '@hearth/schema';
import pg from 'pg';
import { z } from 'zod';
import type { LiveFeed } from './live-feed.ts';
import { PokeHub, type SyncHub } from './poke-hub.ts';
import { postgresClientConfig } from './store/postgres-database.ts';

/** The PostgreSQL channel every server process of a deployment listens on. */
export const pokeChannel = 'hearth_sync_pokes';

// NOTIFY payloads are capped at 8000 bytes: a poke whose changes do not fit travels as its cursor
// alone, and the devices that receive it pull (as they do for any poke they cannot apply).
const maxPayloadBytes = 7900;
// How long to wait before listening again after the listening connection broke.
const reconnectDelaysMs = [100, 500, 1000, 2000, 5000];

/** What one process tells the others: a poke or a revocation, and which process sent it. */
const noticeSchema = z.discriminatedUnion('type', [
  z.object({ origin: z.string(), type: z.literal('poke'), userId: z.string(), poke: z.unknown() }),
  z.object({ origin: z.string(), type: z.literal('revoke'), userId: z.string(), deviceId: z.string() }),
]);
type Notice = z.infer<typeof noticeSchema>;

/**
 * The live channel across several server processes on one PostgreSQL database: each process delivers
 * its own pokes to its own subscribers at once (a PokeHub) and publishes them with NOTIFY; every process
 * LISTENs on one dedicated connection and delivers what the others published to its subscribers.
 * PostgreSQL delivers a notification to every listening session, in the order they were sent.
 *
 * A poke is published after the push committed; a process killed in between leaves the others
 * unpoked, and their devices catch up at their next pull (on reconnect, or the client's safety net).
 * While the listening connection is down this process misses others' pokes, so once it listens again
 * it pokes each of its subscribed users with the user's current cursor.
 */
export class PostgresPokeHub implements SyncHub {
  readonly #local = new PokeHub();
  readonly #origin = randomUUID();
  readonly #pool: pg.Pool;
  readonly #url: string;
  readonly #currentCursor: (userId: string) => Promise<number>;
  readonly #onError: (error: unknown) => void;
  #listener: pg.Client | undefined;
  #closed = false;
  #reconnect: NodeJS.Timeout | undefined;

  private constructor(options: {
    pool: pg.Pool;
    url: string;
    currentCursor: (userId: string) => Promise<number>;
    onError: (error: unknown) => void;
  }) {
    this.#pool = options.pool;
    this.#url = options.url;
    this.#currentCursor = options.currentCursor;
    this.#onError = options.onError;
  }

  /** Starts listening; resolves once this process receives the others' pokes. */
  static async start(options: {
    pool: pg.Pool;
    url: string;
    currentCursor: (userId: string) => Promise<number>;
    onError: (error: unknown) => void;
  }): Promise<PostgresPokeHub> {
    const hub = new PostgresPokeHub(options);
    await hub.#listen();
    return hub;
  }

  open(options: { userId: string; deviceId: string; signal: AbortSignal | undefined }): LiveFeed {
    return this.#local.open(options);
  }

  close(userId: string, feed: LiveFeed): void {
    this.#local.close(userId, feed);
  }

  poke(userId: string, poke: SyncPoke): void {
    this.#local.poke(userId, poke);
    this.#publish({ origin: this.#origin, type: 'poke', userId, poke });
  }

  revoke(userId: string, deviceId: string): void {
    this.#local.revoke(userId, deviceId);
    this.#publish({ origin: this.#origin, type: 'revoke', userId, deviceId });
  }

  get size(): number {
    return this.#local.size;
  }

  async closeAll(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#reconnect);
    await this.#local.closeAll();
    const listener = this.#listener;
    this.#listener = undefined;
    await listener?.end().catch(() => {});
  }

  #publish(notice: Notice): void {
    let payload = JSON.stringify(notice);
    if (Buffer.byteLength(payload) > maxPayloadBytes && notice.type === 'poke') {
      payload = JSON.stringify({ ...notice, poke: { cursor: (notice.poke as SyncPoke).cursor } });
    }
    // Best effort, like the poke itself: a lost poke only delays devices until their next pull.
    this.#pool.query('SELECT pg_notify($1, $2)', [pokeChannel, payload]).catch(this.#onError);
  }

  #deliver(payload: string | undefined): void {
    let json: unknown;
    try {
      json = JSON.parse(payload ?? '');
    } catch {
      return;
    }
    const notice = noticeSchema.safeParse(json);
    if (!notice.success || notice.data.origin === this.#origin) return;
    if (notice.data.type === 'revoke') {
      this.#local.revoke(notice.data.userId, notice.data.deviceId);
      return;
    }
    const poke = syncPokeSchema.safeParse(notice.data.poke);
    if (poke.success) this.#local.poke(notice.data.userId, poke.data);
  }

  async #listen(): Promise<void> {
    const listener = new pg.Client(postgresClientConfig(this.#url));
    listener.on('notification', (message) => {
      if (message.channel === pokeChannel) this.#deliver(message.payload);
    });
    listener.on('error', (error) => {
      this.#onError(error);
      this.#onBroken(listener);
    });
    listener.on('end', () => this.#onBroken(listener));
    try {
      await listener.connect();
      await listener.query(`LISTEN ${pokeChannel}`);
    } catch (error) {
      await listener.end().catch(() => {});
      throw error;
    }
    if (this.#closed) {
      await listener.end().catch(() => {});
      return;
    }
    this.#listener = listener;
  }

  /** The listening connection broke (the database restarted, a network cut): listen again. */
  #onBroken(listener: pg.Client): void {
    if (this.#closed || this.#listener !== listener) return;
    this.#listener = undefined;
    listener.end().catch(() => {});
    this.#scheduleListen(0);
  }

  /** Listens again after a pause that grows with each failed attempt, then tells every local user their cursor. */
  #scheduleListen(attempt: number): void {
    if (this.#closed) return;
    const delay = reconnectDelaysMs[Math.min(attempt, reconnectDelaysMs.length - 1)];
    this.#reconnect = setTimeout(() => {
      this.#listen()
        .then(() => this.#catchUp())
        .catch((error: unknown) => {
          this.#onError(error);
          this.#scheduleListen(attempt + 1);
        });
    }, delay);
    this.#reconnect.unref();
  }

  async #catchUp(): Promise<void> {
    for (const userId of this.#local.users) {
      this.#local.poke(userId, { cursor: await this.#currentCursor(userId) });
    }
  }
}
