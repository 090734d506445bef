import { SyncTransportError } from '@hearth/core';
import { blobQuotaDetailsSchema } from '@hearth/schema';
import type { AppDatabase } from '../../db/app-database.ts';
import { readBlob } from '../../db/blob-store.ts';
import type { BlobApi } from './blob-api.ts';
import { BlobTransferError } from './blob-transfer-error.ts';
import type { BlobUploadProblem } from './blob-upload-problem.ts';

/** A blob the server refused for the quota is not sent again, at every push, before this long. */
const quotaRetryMs = 10 * 60_000;

/**
 * Moves the blobs written on this device to the server's blob store: the queue `blobUploads` (every blob
 * stored here, queued with it) and the blobs a push is about to name. It asks the server which it lacks,
 * uploads those and forgets the queue entries the server holds. Runs one upload pass at a time.
 *
 * Failures that stop the push with it (no connection, the server busy or failing, the device signed out)
 * throw the sync engine's SyncTransportError, so the engine retries the round with its backoff; the ones
 * that cannot be fixed by retrying now (quota, a file over the limit, a server without a blob store) are
 * reported as a problem and let the records sync without their files.
 */
export class BlobUploader {
  readonly #db: AppDatabase;
  readonly #api: BlobApi;
  readonly #onProblem: (problem: BlobUploadProblem | null) => void;
  readonly #now: () => number;
  readonly #refusedUntil = new Map<string, number>();
  #problem: BlobUploadProblem | null = null;
  #chain: Promise<unknown> = Promise.resolve();

  constructor(options: {
    db: AppDatabase;
    api: BlobApi;
    onProblem?: (problem: BlobUploadProblem | null) => void;
    now?: () => number;
  }) {
    this.#db = options.db;
    this.#api = options.api;
    this.#onProblem = options.onProblem ?? (() => {});
    this.#now = options.now ?? Date.now;
  }

  /** The latest pass's problem, or null when everything it tried is on the server. */
  get problem(): BlobUploadProblem | null {
    return this.#problem;
  }

  /**
   * Makes sure the server holds the queued blobs and those of `named` that this device has (blobs a
   * device only knows by name, from another device's message, are not its to upload). Throws a
   * SyncTransportError when retrying later can help.
   */
  upload(named: readonly string[] = []): Promise<void> {
    const pass = this.#chain.then(() => this.#pass(named));
    this.#chain = pass.catch(() => undefined);
    return pass;
  }

  async #pass(named: readonly string[]): Promise<void> {
    const queued = (await this.#db.blobUploads.toCollection().primaryKeys()).map(String);
    const candidates = [...new Set([...queued, ...named])];
    if (candidates.length === 0) return this.#report(null);
    const here = new Set((await this.#db.blobs.where(':id').anyOf(candidates).primaryKeys()).map(String));
    // A queued blob no longer here (removed from this device) can never be uploaded from it.
    const gone = queued.filter((hash) => !here.has(hash));
    if (gone.length > 0) await this.#db.blobUploads.bulkDelete(gone);
    const wanted = candidates.filter((hash) => here.has(hash));
    if (wanted.length === 0) return this.#report(null);

    let lacking: string[];
    try {
      lacking = await this.#api.lacking(wanted);
    } catch (error) {
      return this.#fail(error);
    }
    const missing = new Set(lacking);
    const held = wanted.filter((hash) => !missing.has(hash));
    if (held.length > 0) await this.#db.blobUploads.bulkDelete(held);

    let problem: BlobUploadProblem | null = null;
    for (const hash of lacking) {
      if ((this.#refusedUntil.get(hash) ?? 0) > this.#now() && this.#problem?.code === 'quota_exceeded') {
        problem = this.#problem;
        continue;
      }
      const blob = await readBlob(this.#db, hash);
      if (blob === undefined) continue;
      try {
        await this.#api.upload(hash, blob.data);
        this.#refusedUntil.delete(hash);
        await this.#db.blobUploads.delete(hash);
      } catch (error) {
        if (!(error instanceof BlobTransferError)) return this.#fail(error);
        switch (error.code) {
          case 'quota_exceeded': {
            // Stays queued: once files are freed (chats deleted) or the quota raised, it goes up.
            const details = blobQuotaDetailsSchema.safeParse(error.details);
            this.#refusedUntil.set(hash, this.#now() + quotaRetryMs);
            problem = {
              code: 'quota_exceeded',
              usedBytes: details.success ? details.data.usedBytes : 0,
              limitBytes: details.success ? details.data.limitBytes : 0,
            };
            break;
          }
          case 'too_large':
          case 'hash_mismatch':
            // Sending these bytes again cannot succeed: the file is over the server's limit, or its bytes
            // here are not the ones its name says (a damaged copy).
            await this.#db.blobUploads.delete(hash);
            problem ??= { code: 'too_large' };
            break;
          default:
            return this.#fail(error);
        }
      }
    }
    this.#report(problem);
  }

  #fail(error: unknown): void {
    const code = error instanceof BlobTransferError ? error.code : 'network';
    switch (code) {
      case 'no_blob_store':
        // Nothing to wait for: the records sync, the files stay here (and queued, for a server that learns).
        this.#report({ code: 'no_blob_store' });
        return;
      case 'network':
      case 'unauthorized':
      case 'busy':
        throw new SyncTransportError(code, error instanceof Error ? error.message : undefined, { cause: error });
      default:
        throw new SyncTransportError('server_error', error instanceof Error ? error.message : undefined, {
          cause: error,
        });
    }
  }

  #report(problem: BlobUploadProblem | null): void {
    if (JSON.stringify(problem) === JSON.stringify(this.#problem)) return;
    this.#problem = problem;
    this.#onProblem(problem);
  }
}
