import { createReadStream, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Database } from 'better-sqlite3';
import { retryableDatabaseReason } from '../sync/store/database-errors.ts';
import { BlobError } from './blob-error.ts';
import type { BlobStore, BlobSweepReport, PutBlobResult } from './blob-store.ts';
import { receiveBlob } from './receive-blob.ts';

/** The folder of DATA_DIR the blobs live in: one folder per user, one file per blob named by its hash. */
export const blobsFolder = 'blobs';
// Uploads being received; emptied at start-up, when no upload can be running.
const incomingFolder = '.incoming';

interface BlobRow {
  hash: string;
  size: number;
  unreferenced_since: number | null;
}

/**
 * The blob store as files under `DATA_DIR/blobs/<user id>/<hash>`, indexed by the `sync_blobs` table
 * (migration 4) of the server's SQLite database.
 *
 * Files, not BLOB columns: a 20 MiB attachment streams in and out without being held in memory, and the
 * records' database stays small (its WAL, secure_delete zeroing and backups never carry the bytes).
 * Writes are atomic: an upload goes to a temporary file, is flushed, then renamed into place and indexed
 * in one synchronous step (no other request runs in between); a crash between the two leaves a file the
 * index does not name, which the next sweep removes. A blob is served only when the index names it.
 */
export class SqliteBlobStore implements BlobStore {
  readonly #db: Database;
  readonly #root: string;
  readonly #incoming: string;

  constructor(options: { db: Database; dataDir: string }) {
    this.#db = options.db;
    this.#root = join(options.dataDir, blobsFolder);
    this.#incoming = join(this.#root, incomingFolder);
    rmSync(this.#incoming, { recursive: true, force: true });
    mkdirSync(this.#incoming, { recursive: true });
  }

  async size(options: { userId: string; hash: string }): Promise<number | undefined> {
    const row = this.#run(() =>
      this.#db
        .prepare<[string, string], { size: number }>('SELECT size FROM sync_blobs WHERE user_id = ? AND hash = ?')
        .get(options.userId, options.hash),
    );
    return row?.size;
  }

  async lacking(options: { userId: string; hashes: readonly string[] }): Promise<string[]> {
    if (options.hashes.length === 0) return [];
    const held = new Set(
      this.#run(() =>
        this.#db
          .prepare<[string, string], string>(
            'SELECT hash FROM sync_blobs WHERE user_id = ? AND hash IN (SELECT value FROM json_each(?))',
          )
          .pluck()
          .all(options.userId, JSON.stringify(options.hashes)),
      ),
    );
    return options.hashes.filter((hash) => !held.has(hash));
  }

  async usedBytes(options: { userId: string }): Promise<number> {
    return this.#used(options.userId);
  }

  async put(options: {
    userId: string;
    hash: string;
    body: Readable;
    maxBytes: number;
    quotaBytes: number;
    nowMs: number;
  }): Promise<PutBlobResult> {
    const { userId, hash, quotaBytes } = options;
    const existing = await this.size({ userId, hash });
    if (existing !== undefined) return { size: existing, created: false };
    const received = await receiveBlob({ body: options.body, tempDir: this.#incoming, maxBytes: options.maxBytes });
    try {
      if (received.hash !== hash) {
        throw new BlobError(
          'hash_mismatch',
          `The bytes uploaded hash to ${received.hash}, not to ${hash} they were sent as; nothing was kept. ` +
            'Send the file again, named by the SHA-256 of its bytes.',
          { expected: hash, actual: received.hash },
        );
      }
      // From here to the end, synchronous: no other request can store or count this user's blobs meanwhile.
      const folder = join(this.#root, userId);
      mkdirSync(folder, { recursive: true });
      const target = join(folder, hash);
      renameSync(received.tempPath, target);
      try {
        return this.#index({ userId, hash, size: received.size, quotaBytes, nowMs: options.nowMs });
      } catch (error) {
        // Not indexed, so not kept (the next sweep removes it should this fail too).
        rmSync(target, { force: true });
        throw error;
      }
    } finally {
      rmSync(received.tempPath, { force: true });
    }
  }

  async open(options: { userId: string; hash: string }) {
    const size = await this.size(options);
    if (size === undefined) return undefined;
    return { size, stream: createReadStream(join(this.#root, options.userId, options.hash)) };
  }

  async sweep(options: {
    nowMs: number;
    graceMs: number;
    referenced: (userId: string) => Promise<ReadonlySet<string>>;
  }): Promise<BlobSweepReport> {
    const { nowMs, graceMs } = options;
    const report: BlobSweepReport = { freed: 0, waiting: 0 };
    for (const userId of this.#usersWithBlobs()) {
      const referenced = await options.referenced(userId);
      const doomed = this.#run(() =>
        this.#db
          .transaction(() => {
            const rows = this.#db
              .prepare<[string], BlobRow>('SELECT hash, size, unreferenced_since FROM sync_blobs WHERE user_id = ?')
              .all(userId);
            const keep = this.#db.prepare(
              'UPDATE sync_blobs SET unreferenced_since = NULL WHERE user_id = ? AND hash = ?',
            );
            const mark = this.#db.prepare(
              'UPDATE sync_blobs SET unreferenced_since = ? WHERE user_id = ? AND hash = ?',
            );
            const remove = this.#db.prepare('DELETE FROM sync_blobs WHERE user_id = ? AND hash = ?');
            const removed: string[] = [];
            for (const row of rows) {
              if (referenced.has(row.hash)) {
                if (row.unreferenced_since !== null) keep.run(userId, row.hash);
              } else if (row.unreferenced_since === null) {
                mark.run(nowMs, userId, row.hash);
                report.waiting += 1;
              } else if (nowMs - row.unreferenced_since >= graceMs) {
                remove.run(userId, row.hash);
                removed.push(row.hash);
              } else {
                report.waiting += 1;
              }
            }
            return removed;
          })
          .immediate(),
      );
      // After the commit: a file is removed only once the index no longer names it. Files the index never
      // named (a crash between the rename and the index) go too.
      const named = new Set(
        this.#db.prepare<[string], string>('SELECT hash FROM sync_blobs WHERE user_id = ?').pluck().all(userId),
      );
      for (const file of readdirSync(join(this.#root, userId))) {
        if (!named.has(file)) rmSync(join(this.#root, userId, file), { force: true });
      }
      report.freed += doomed.length;
    }
    return report;
  }

  #index(options: { userId: string; hash: string; size: number; quotaBytes: number; nowMs: number }): PutBlobResult {
    const { userId, hash, size, quotaBytes, nowMs } = options;
    return this.#run(() =>
      this.#db
        .transaction((): PutBlobResult => {
          const existing = this.#db
            .prepare<[string, string], { size: number }>('SELECT size FROM sync_blobs WHERE user_id = ? AND hash = ?')
            .get(userId, hash);
          if (existing !== undefined) return { size: existing.size, created: false };
          const used = this.#used(userId);
          if (used + size > quotaBytes)
            throw quotaExceeded({ usedBytes: used, limitBytes: quotaBytes, neededBytes: size });
          // A new blob is unreferenced until a sweep sees a record name it: its grace starts now.
          this.#db
            .prepare(
              'INSERT INTO sync_blobs (user_id, hash, size, stored_at, unreferenced_since) VALUES (?, ?, ?, ?, ?)',
            )
            .run(userId, hash, size, nowMs, nowMs);
          return { size, created: true };
        })
        .immediate(),
    );
  }

  #used(userId: string): number {
    return this.#run(
      () =>
        this.#db
          .prepare<[string], number>('SELECT COALESCE(SUM(size), 0) FROM sync_blobs WHERE user_id = ?')
          .pluck()
          .get(userId) ?? 0,
    );
  }

  #usersWithBlobs(): string[] {
    return readdirSync(this.#root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== incomingFolder)
      .map((entry) => entry.name);
  }

  // Normalises database failures where they enter: retryable ones are `busy`, with nothing kept.
  #run<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof BlobError || retryableDatabaseReason(error) === undefined) throw error;
      throw new BlobError('busy', 'The sync server’s storage is busy or full; nothing was kept. Try again later.', {
        reason: retryableDatabaseReason(error) ?? 'io',
      });
    }
  }
}

/** `quota_exceeded`, in words and figures. */
export function quotaExceeded(details: { usedBytes: number; limitBytes: number; neededBytes: number }): BlobError {
  const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
  return new BlobError(
    'quota_exceeded',
    `Your files on this sync server would exceed your quota: ${mb(details.usedBytes)} MB of ${mb(details.limitBytes)} MB ` +
      `used, this file needs ${mb(details.neededBytes)} MB. Delete chats with large attachments, or ask the operator for more.`,
    details,
  );
}
