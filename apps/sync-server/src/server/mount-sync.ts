import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from '../config/server-config.ts';
import type { ServerMetrics } from '../metrics/server-metrics.ts';
import type { Storage } from '../storage/storage.ts';
import { PokeHub } from '../sync/poke-hub.ts';
import { PostgresPokeHub } from '../sync/postgres-poke-hub.ts';
import { startPurgeSchedule } from '../sync/purge-schedule.ts';
import type { PostgresDatabase } from '../sync/store/postgres-database.ts';
import { PostgresSyncStore } from '../sync/store/postgres-sync-store.ts';
import { SqliteSyncStore } from '../sync/store/sqlite-sync-store.ts';
import type { SyncStore } from '../sync/store/sync-store.ts';
import type { SyncServices } from '../sync/sync-context.ts';
import { syncDefaults } from '../sync/sync-options.ts';
import { createSyncServices } from '../sync/sync-services.ts';
import { syncRoutes } from './sync-routes.ts';

/**
 * Mounts the tRPC sync API at `/trpc` on the server's SQLite storage or its PostgreSQL database (full
 * mode only: relay-only mode has neither and never calls this), and purges old tombstones now and
 * every hour. On PostgreSQL the live channel reaches the devices connected to every server process.
 */
export async function mountSync(
  app: FastifyInstance,
  options: {
    storage: Storage | undefined;
    postgres: PostgresDatabase | undefined;
    config: ServerConfig;
    metrics: ServerMetrics;
    now: (() => number) | undefined;
  },
): Promise<SyncServices> {
  const { storage, postgres, config, metrics } = options;
  let store: SyncStore;
  let hub: PokeHub | PostgresPokeHub;
  if (postgres !== undefined) {
    const postgresStore = new PostgresSyncStore({ database: postgres });
    store = postgresStore;
    hub = await PostgresPokeHub.start({
      pool: postgres.pool,
      url: postgres.url,
      currentCursor: (userId) => postgresStore.currentCursor({ userId }),
      onError: (error) => app.log.warn({ err: error }, 'the poke channel between server processes failed'),
    });
  } else if (storage !== undefined) {
    store = new SqliteSyncStore({ db: storage.db });
    hub = new PokeHub();
  } else {
    throw new Error('mountSync needs a SQLite storage or a PostgreSQL database');
  }
  const services = createSyncServices({
    store,
    hub,
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
