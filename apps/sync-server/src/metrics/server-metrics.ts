import type { BlobMetrics } from '../blobs/blob-metrics.ts';
import type { RelayMetrics } from '../relay/relay-contract.ts';
import type { SyncMetrics } from '../sync/sync-metrics.ts';
import { Counter } from './counter.ts';
import { Gauge } from './gauge.ts';
import { Histogram } from './histogram.ts';

/** Upper bounds in seconds: fast local models answer in milliseconds, reasoning models in a minute. */
export const firstByteBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] as const;

/** Every metric the server exposes at /metrics. */
export class ServerMetrics {
  readonly httpRequests = new Counter({
    name: 'hearth_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code.',
    labelled: true,
  });
  readonly relayActiveStreams = new Gauge({
    name: 'hearth_relay_active_streams',
    help: 'Relayed upstream responses streaming right now.',
  });
  readonly relayBytes = new Counter({
    name: 'hearth_relay_bytes_total',
    help: 'Bytes of upstream responses relayed to clients.',
    labelled: false,
  });
  readonly relayFirstByte = new Histogram({
    name: 'hearth_relay_upstream_first_byte_seconds',
    help: 'Seconds from sending an upstream request to its response headers.',
    buckets: firstByteBuckets,
  });

  readonly syncPushes = new Counter({
    name: 'hearth_sync_pushes_total',
    help: 'Sync pushes answered (accepted batches, retries included).',
    labelled: false,
  });
  readonly syncMutationsApplied = new Counter({
    name: 'hearth_sync_mutations_applied_total',
    help: 'Pushed mutations that changed a record (not skipped as retried or superseded).',
    labelled: false,
  });
  readonly syncPulls = new Counter({
    name: 'hearth_sync_pulls_total',
    help: 'Sync pull pages answered.',
    labelled: false,
  });
  readonly syncRecordsPulled = new Counter({
    name: 'hearth_sync_records_pulled_total',
    help: 'Records sent in pull pages.',
    labelled: false,
  });
  readonly syncLiveSubscriptions = new Gauge({
    name: 'hearth_sync_live_subscriptions',
    help: 'Live sync channels (SSE) open right now.',
  });

  readonly blobUploads = new Counter({
    name: 'hearth_sync_blob_uploads_total',
    help: 'Attachment blobs stored (uploads of a blob already held are not counted).',
    labelled: false,
  });
  readonly blobBytesUploaded = new Counter({
    name: 'hearth_sync_blob_bytes_uploaded_total',
    help: 'Bytes of attachment blobs stored.',
    labelled: false,
  });
  readonly blobDownloads = new Counter({
    name: 'hearth_sync_blob_downloads_total',
    help: 'Attachment blobs served.',
    labelled: false,
  });
  readonly blobBytesDownloaded = new Counter({
    name: 'hearth_sync_blob_bytes_downloaded_total',
    help: 'Bytes of attachment blobs served.',
    labelled: false,
  });
  readonly blobsFreed = new Counter({
    name: 'hearth_sync_blobs_freed_total',
    help: 'Attachment blobs deleted because no message named them for the grace period.',
    labelled: false,
  });

  /** The view of these metrics that the relay reports to. */
  readonly relay: RelayMetrics = {
    streamStarted: () => this.relayActiveStreams.inc(),
    streamEnded: () => this.relayActiveStreams.dec(),
    bytesRelayed: (count) => this.relayBytes.inc({}, count),
    upstreamFirstByte: (seconds) => this.relayFirstByte.observe(seconds),
  };

  /** The view of these metrics that the sync API reports to. */
  readonly sync: SyncMetrics = {
    pushed: (applied) => {
      this.syncPushes.inc();
      this.syncMutationsApplied.inc({}, applied);
    },
    pulled: (records) => {
      this.syncPulls.inc();
      this.syncRecordsPulled.inc({}, records);
    },
    liveOpened: () => this.syncLiveSubscriptions.inc(),
    liveClosed: () => this.syncLiveSubscriptions.dec(),
  };

  /** The view of these metrics that the blob store reports to. */
  readonly blobs: BlobMetrics = {
    uploaded: (bytes) => {
      this.blobUploads.inc();
      this.blobBytesUploaded.inc({}, bytes);
    },
    downloaded: (bytes) => {
      this.blobDownloads.inc();
      this.blobBytesDownloaded.inc({}, bytes);
    },
    freed: (count) => this.blobsFreed.inc({}, count),
  };

  /** All metrics in Prometheus text format. */
  render(): string {
    const families = [
      this.httpRequests,
      this.relayActiveStreams,
      this.relayBytes,
      this.relayFirstByte,
      this.syncPushes,
      this.syncMutationsApplied,
      this.syncPulls,
      this.syncRecordsPulled,
      this.syncLiveSubscriptions,
      this.blobUploads,
      this.blobBytesUploaded,
      this.blobDownloads,
      this.blobBytesDownloaded,
      this.blobsFreed,
    ];
    return `${families.flatMap((family) => family.render()).join('\n')}\n`;
  }
}
