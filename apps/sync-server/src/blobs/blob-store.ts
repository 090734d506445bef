import type { Readable } from 'node:stream';

/** What storing an upload did. */
export interface PutBlobResult {
  size: number;
  /** False when the user already held this blob: nothing was rewritten. */
  created: boolean;
}

/** What a sweep did. */
export interface BlobSweepReport {
  /** Blobs deleted because no live record named them for the whole grace period. */
  freed: number;
  /** Blobs no record names that are still within their grace period. */
  waiting: number;
}

/**
 * The server's blob store: per-user and content-addressed (a blob is named by the SHA-256 of its bytes),
 * behind its own interface so that it can live elsewhere than the records (another disk, an object store)
 * whatever `SyncStore` holds them. Every method is scoped to the user it is given: one user never reads,
 * counts or deletes another's blobs, even of the same bytes. Failures are `BlobError`s.
 */
export interface BlobStore {
  /** The size of the user's blob `hash`, or undefined when the user holds none. */
  size(options: { userId: string; hash: string }): Promise<number | undefined>;
  /** The hashes of `hashes` the user holds no blob of, in the order given. */
  lacking(options: { userId: string; hashes: readonly string[] }): Promise<string[]>;
  /** The bytes all of the user's blobs take. */
  usedBytes(options: { userId: string }): Promise<number>;
  /**
   * Stores `body` as the user's blob `hash`, atomically: the bytes are hashed as they arrive and kept only
   * when they hash to `hash` (`hash_mismatch`), fit `maxBytes` (`too_large`, refused as soon as they pass
   * it) and keep the user within `quotaBytes` (`quota_exceeded`). A blob the user already holds answers
   * `created: false` without reading the body.
   */
  put(options: {
    userId: string;
    hash: string;
    body: Readable;
    maxBytes: number;
    quotaBytes: number;
    nowMs: number;
  }): Promise<PutBlobResult>;
  /** The user's blob `hash` as a stream, or undefined when the user holds none. */
  open(options: { userId: string; hash: string }): Promise<{ size: number; stream: Readable } | undefined>;
  /**
   * Deletes every blob that no live record of its user has named for `graceMs`: `referenced` says which
   * hashes a user's live records name right now. A blob starts its grace when it is stored, and again
   * whenever a sweep finds it named no more.
   */
  sweep(options: {
    nowMs: number;
    graceMs: number;
    referenced: (userId: string) => Promise<ReadonlySet<string>>;
  }): Promise<BlobSweepReport>;
}
