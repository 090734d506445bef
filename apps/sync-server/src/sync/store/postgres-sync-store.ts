import type { SyncMutation, SyncPullResponse } from '@hearth/schema';
import type { PoolClient } from 'pg';
import { insertPostgresUser, redeemPostgresCode, revokePostgresDevice } from './postgres-accounts.ts';
import type { PostgresDatabase } from './postgres-database.ts';
import { retryablePostgresReason, translatePostgresError } from './postgres-errors.ts';
import { pullPostgresPage } from './postgres-pull.ts';
import { purgePostgresRows } from './postgres-purge.ts';
import { applyPostgresPush } from './postgres-push.ts';
import type { AppliedPush, PurgeReport, StoredDevice, SyncIdentity, SyncStore } from './sync-store.ts';

// As in the SQLite store: "last seen" is written at most once a minute per device.
const lastSeenResolutionMs = 60_000;

type Isolation = 'READ COMMITTED' | 'REPEATABLE READ READ ONLY';

/**
 * The sync store on PostgreSQL (postgres-migrations.ts), for several server processes sharing one
 * database. Every write is one transaction: any failure rolls it back whole, and a retryable one is
 * answered `busy` (postgres-errors.ts). The ordering that makes the pull cursor safe is explained in
 * postgres-push.ts.
 */
export class PostgresSyncStore implements SyncStore {
  readonly #database: PostgresDatabase;

  constructor(options: { database: PostgresDatabase }) {
    this.#database = options.database;
  }

  async authenticate(options: { tokenHash: string; nowMs: number }): Promise<SyncIdentity | undefined> {
    const found = await this.#query<{ id: string; user_id: string; last_seen_at: number | null }>(
      'SELECT id, user_id, last_seen_at FROM sync_devices WHERE token_hash = $1 AND revoked_at IS NULL',
      [options.tokenHash],
    );
    const device = found[0];
    if (device === undefined) return undefined;
    if (device.last_seen_at === null || options.nowMs - device.last_seen_at >= lastSeenResolutionMs) {
      try {
        await this.#database.pool.query('UPDATE sync_devices SET last_seen_at = $1 WHERE id = $2', [
          options.nowMs,
          device.id,
        ]);
      } catch (error) {
        // Best effort: a busy database must not refuse a request over a "last seen" time.
        if (retryablePostgresReason(error) === undefined) throw error;
      }
    }
    return { userId: device.user_id, deviceId: device.id };
  }

  async applyPush(options: {
    identity: SyncIdentity;
    mutations: readonly SyncMutation[];
    nowMs: number;
  }): Promise<AppliedPush> {
    return this.#transaction('READ COMMITTED', (client) => applyPostgresPush(client, options));
  }

  async pull(options: {
    identity: SyncIdentity;
    cursor: number;
    limit: number;
    maxBytes: number;
  }): Promise<SyncPullResponse> {
    if (options.cursor === 0) {
      // Where the device's download began, committed before the page's snapshot is taken: a purge in
      // between only makes the mark lower than it could be (more resyncs, never a missed deletion).
      await this.#query(
        `UPDATE sync_devices SET download_base_seq = (SELECT seq FROM sync_users WHERE id = $2)
         WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL`,
        [options.identity.deviceId, options.identity.userId],
      );
    }
    // A read-only snapshot never conflicts with writers, so it never fails as a serialization error.
    return this.#transaction('REPEATABLE READ READ ONLY', (client) => pullPostgresPage(client, options));
  }

  async currentCursor(options: { userId: string }): Promise<number> {
    const rows = await this.#query<{ seq: number }>('SELECT seq FROM sync_users WHERE id = $1', [options.userId]);
    return rows[0]?.seq ?? 0;
  }

  async purge(options: { nowMs: number; horizonMs: number }): Promise<PurgeReport> {
    return this.#transaction('READ COMMITTED', (client) => purgePostgresRows(client, options));
  }

  async createUser(options: {
    deviceName: string;
    tokenHash: string;
    nowMs: number;
    clockId?: string | undefined;
  }): Promise<SyncIdentity> {
    return this.#transaction('READ COMMITTED', (client) => insertPostgresUser(client, options));
  }

  async listDevices(options: { userId: string }): Promise<StoredDevice[]> {
    const rows = await this.#query<{ id: string; name: string; created_at: number; last_seen_at: number | null }>(
      `SELECT id, name, created_at, last_seen_at FROM sync_devices
       WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at, ordinal`,
      [options.userId],
    );
    return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at, lastSeenAt: row.last_seen_at }));
  }

  async revokeDevice(options: { userId: string; deviceId: string; nowMs: number }): Promise<boolean> {
    return this.#transaction('READ COMMITTED', (client) => revokePostgresDevice(client, options));
  }

  async createPairingCode(options: { identity: SyncIdentity; codeHash: string; expiresAt: number }): Promise<void> {
    const { identity, codeHash, expiresAt } = options;
    await this.#query(
      'INSERT INTO sync_pairing_codes (code_hash, user_id, created_by, expires_at) VALUES ($1, $2, $3, $4)',
      [codeHash, identity.userId, identity.deviceId, expiresAt],
    );
  }

  async redeemPairingCode(options: {
    codeHash: string;
    deviceName: string;
    tokenHash: string;
    nowMs: number;
    clockId?: string | undefined;
  }): Promise<SyncIdentity | undefined> {
    return this.#transaction('READ COMMITTED', (client) => redeemPostgresCode(client, options));
  }

  /** One statement on its own (autocommit), translating database failures. */
  async #query<Row extends object = object>(sql: string, values: unknown[]): Promise<Row[]> {
    try {
      return (await this.#database.pool.query<Row>(sql, values)).rows;
    } catch (error) {
      return translatePostgresError(error);
    }
  }

  /**
   * Runs `work` in one transaction on one pooled connection: COMMIT when it resolves, ROLLBACK when it
   * throws (nothing it did stays). A connection that failed mid-transaction is discarded, not reused.
   */
  async #transaction<T>(isolation: Isolation, work: (client: PoolClient) => Promise<T>): Promise<T> {
    let client: PoolClient;
    try {
      client = await this.#database.pool.connect();
    } catch (error) {
      return translatePostgresError(error);
    }
    let broken: unknown;
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        broken = rollbackError;
      }
      return translatePostgresError(error);
    } finally {
      client.release(broken === undefined ? undefined : true);
    }
  }
}
