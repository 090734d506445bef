/** What the blob store reports to the server's /metrics. */
export interface BlobMetrics {
  /** A blob was stored (`bytes` long); an upload of a blob already held is not counted. */
  uploaded(bytes: number): void;
  /** A blob was served (`bytes` long). */
  downloaded(bytes: number): void;
  /** A sweep deleted `count` blobs no record named. */
  freed(count: number): void;
}

/** Metrics that go nowhere, for tests and tools that have no /metrics. */
export const noBlobMetrics: BlobMetrics = { uploaded: () => {}, downloaded: () => {}, freed: () => {} };
