import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from '../config/server-config.ts';
import type { ServerMetrics } from '../metrics/server-metrics.ts';
import type { Storage } from '../storage/storage.ts';
import { startPurgeSchedule } from '../sync/purge-schedule.ts';
import type { SyncServices } from '../sync/sync-context.ts';
import { syncDefaults } from '../sync/sync-options.ts';
import { createSyncServices } from '../sync/sync-services.ts';
import { syncRoutes } from './sync-routes.ts';

/**
 * Mounts the tRPC sync API at `/trpc` on the server's SQLite storage (full mode only: relay-only mode
 * has no storage and never calls this), and purges old tombstones now and every hour.
 */
export async function mountSync(
  app: FastifyInstance,
  options: { storage: Storage; config: ServerConfig; metrics: ServerMetrics; now: (() => number) | undefined },
): Promise<SyncServices> {
  const { storage, config, metrics } = options;
  const services = createSyncServices({
    db: storage.db,
    options: config.sync,
    metrics: metrics.sync,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const schedule = startPurgeSchedule({
    store: services.store,
    horizonMs: config.sync.tombstoneHorizonMs,
    intervalMs: syncDefaults.purgeIntervalMs,
    now: services.now,
    onError: (error) => app.log.error({ err: error }, 'tombstone purge failed'),
    onPurged: (report) => {
      if (report.tombstones > 0) app.log.info(report, 'purged tombstones past the horizon');
    },
  });
  // Live channels never end by themselves: end them first, or closing would wait out the grace period.
  app.addHook('preClose', async () => services.hub.closeAll());
  app.addHook('onClose', async () => schedule.stop());
  await app.register(syncRoutes({ services, corsOrigins: new Set(config.sync.corsOrigins) }));
  return services;
}
