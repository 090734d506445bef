import type { FastifyInstance } from 'fastify';
import { blobDefaults } from '../blobs/blob-options.ts';
import { blobRoutes } from '../blobs/blob-routes.ts';
import { type BlobServices, createBlobServices } from '../blobs/blob-services.ts';
import { sqliteBlobReferences } from '../blobs/sqlite-blob-references.ts';
import { SqliteBlobStore } from '../blobs/sqlite-blob-store.ts';
import type { ServerConfig } from '../config/server-config.ts';
import type { ServerMetrics } from '../metrics/server-metrics.ts';
import type { Storage } from '../storage/storage.ts';
import type { SyncServices } from '../sync/sync-context.ts';

/**
 * Mounts the blob store's routes beside the sync API (full mode only: relay-only mode has no storage, so
 * no blob store and no files), and frees blobs no record names now and every hour.
 */
export async function mountBlobs(
  app: FastifyInstance,
  options: { storage: Storage; config: ServerConfig; metrics: ServerMetrics; sync: SyncServices },
): Promise<BlobServices> {
  const { storage, config, metrics, sync } = options;
  const blobs = createBlobServices({
    store: new SqliteBlobStore({ db: storage.db, dataDir: config.dataDir }),
    options: config.blobs,
    metrics: metrics.blobs,
    referenced: sqliteBlobReferences(storage.db),
    now: sync.now,
  });
  const sweep = async () => {
    try {
      const report = await blobs.sweep();
      if (report.freed > 0) app.log.info(report, 'freed attachment blobs no message names');
    } catch (error) {
      // Freeing late only keeps files longer; the next sweep tries again.
      app.log.error({ err: error }, 'blob sweep failed');
    }
  };
  void sweep();
  const timer = setInterval(() => void sweep(), blobDefaults.sweepIntervalMs);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
  await app.register(blobRoutes({ sync, blobs, corsOrigins: new Set(config.sync.corsOrigins) }));
  return blobs;
}
