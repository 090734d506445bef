const hourMs = 60 * 60 * 1000;

/** How the blob store behaves on this server (SYNC_BLOB_* settings). */
export interface BlobOptions {
  /** The most bytes of blobs one user may keep. */
  quotaBytes: number;
  /**
   * How long a blob no live message names is kept before it is deleted: an upload that precedes its
   * record's push, or a record deleted and soon written again, keeps its blob.
   */
  graceMs: number;
}

/** The defaults, documented in the package README and docs/sync-protocol.md. */
export const blobDefaults = {
  quotaBytes: 1024 * 1024 * 1024,
  graceHours: 24,
  /** How often blobs no record names are looked for (also once at start-up). */
  sweepIntervalMs: hourMs,
} as const;

/** Hours as milliseconds, for SYNC_BLOB_GRACE_HOURS. */
export function hoursToMs(hours: number): number {
  return hours * hourMs;
}

export const defaultBlobOptions: BlobOptions = {
  quotaBytes: blobDefaults.quotaBytes,
  graceMs: hoursToMs(blobDefaults.graceHours),
};
