import type { SyncMutation, SyncPullResponse } from '@hearth/schema';
import type { Database } from 'better-sqlite3';
import { forgetWalHistory } from '../../storage/forget-wal-history.ts';
import { retryableDatabaseReason, translateDatabaseError } from './database-errors.ts';
import { insertUser, redeemCodeRow, revokeDeviceRow, selectDevices } from './sqlite-accounts.ts';
import { pullRows } from './sqlite-pull.ts';
import { purgeRows } from './sqlite-purge.ts';
import { applyPushRows } from './sqlite-push.ts';
import { prepareStatements, type SqliteStatements } from './sqlite-statements.ts';
import type { AppliedPush, PurgeReport, StoredDevice, SyncIdentity, SyncStore } from './sync-store.ts';

// Recording "last seen" on every request would make each one a write; once a minute is enough for a list.
const lastSeenResolutionMs = 60_000;

/**
 * The sync store on the server's SQLite database (migration 2's tables). Writes run in BEGIN IMMEDIATE
 * transactions, so the write lock is taken before anything is read and a busy database fails at the
 * start (as `busy`), never half-way; a failed transaction is rolled back whole.
 */
export class SqliteSyncStore implements SyncStore {
  readonly #db: Database;
  readonly #statements: SqliteStatements;

  constructor(options: { db: Database }) {
    this.#db = options.db;
    this.#statements = prepareStatements(options.db);
  }

  async authenticate(options: { tokenHash: string; nowMs: number }): Promise<SyncIdentity | undefined> {
    const device = this.#run(() => this.#statements.deviceByToken.get(options.tokenHash));
    if (device === undefined) return undefined;
    if (device.last_seen_at === null || options.nowMs - device.last_seen_at >= lastSeenResolutionMs) {
      try {
        this.#statements.touchDevice.run(options.nowMs, device.id);
      } catch (error) {
        // Best effort: a busy database must not refuse a request over a "last seen" time.
        if (retryableDatabaseReason(error) === undefined) throw error;
      }
    }
    return { userId: device.user_id, deviceId: device.id };
  }

  async applyPush(options: {
    identity: SyncIdentity;
    mutations: readonly SyncMutation[];
    nowMs: number;
  }): Promise<AppliedPush> {
    const applied = this.#write(() => applyPushRows(this.#statements, options));
    // A delete forgets: once committed, the deleted content must not linger in the WAL either.
    if (applied.taken.some((change) => change.record.deleted)) this.#forgetWalHistory();
    return applied;
  }

  async pull(options: {
    identity: SyncIdentity;
    cursor: number;
    limit: number;
    maxBytes: number;
  }): Promise<SyncPullResponse> {
    const pull = this.#db.transaction(() => pullRows(this.#statements, options));
    // Only a pull from cursor 0 writes (where the device's download began); the others only read.
    return this.#run(() => (options.cursor === 0 ? pull.immediate() : pull.deferred()));
  }

  async currentCursor(options: { userId: string }): Promise<number> {
    return this.#run(() => this.#statements.userMarks.get(options.userId)?.seq ?? 0);
  }

  async purge(options: { nowMs: number; horizonMs: number }): Promise<PurgeReport> {
    const report = this.#write(() => purgeRows(this.#statements, options));
    if (report.tombstones > 0) this.#forgetWalHistory();
    return report;
  }

  async createUser(options: {
    deviceName: string;
    tokenHash: string;
    nowMs: number;
    clockId?: string | undefined;
  }): Promise<SyncIdentity> {
    return this.#write(() => insertUser(this.#statements, options));
  }

  async listDevices(options: { userId: string }): Promise<StoredDevice[]> {
    return this.#run(() => selectDevices(this.#statements, options.userId));
  }

  async revokeDevice(options: { userId: string; deviceId: string; nowMs: number }): Promise<boolean> {
    return this.#write(() => revokeDeviceRow(this.#statements, options));
  }

  async createPairingCode(options: { identity: SyncIdentity; codeHash: string; expiresAt: number }): Promise<void> {
    const { identity, codeHash, expiresAt } = options;
    this.#write(() => this.#statements.insertPairing.run(codeHash, identity.userId, identity.deviceId, expiresAt));
  }

  async redeemPairingCode(options: {
    codeHash: string;
    deviceName: string;
    tokenHash: string;
    nowMs: number;
    clockId?: string | undefined;
  }): Promise<SyncIdentity | undefined> {
    return this.#write(() => redeemCodeRow(this.#statements, options));
  }

  // Best effort: the delete is committed either way, and the next checkpoint resets the WAL.
  #forgetWalHistory(): void {
    try {
      forgetWalHistory(this.#db);
    } catch (error) {
      if (retryableDatabaseReason(error) === undefined) throw error;
    }
  }

  /** Runs `work` in one BEGIN IMMEDIATE transaction, translating database failures. */
  #write<T>(work: () => T): T {
    return this.#run(() => this.#db.transaction(work).immediate());
  }

  #run<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      return translateDatabaseError(error);
    }
  }
}
