import type { LookupFunction } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import type { BlobServices } from '../blobs/blob-services.ts';
import type { ServerConfig } from '../config/server-config.ts';
import { type LogDestination, loggerOptions } from '../logging/logger-options.ts';
import { RequestLogController } from '../logging/request-log-controller.ts';
import { ServerMetrics } from '../metrics/server-metrics.ts';
import { openStorage } from '../storage/open-storage.ts';
import type { Storage } from '../storage/storage.ts';
import { openPostgres, type PostgresDatabase } from '../sync/store/postgres-database.ts';
import type { SyncServices } from '../sync/sync-context.ts';
import { serverVersion } from '../version.ts';
import { registerErrorHandler } from './error-handler.ts';
import { registerHealthRoute } from './health-route.ts';
import { listenOn } from './listen-on.ts';
import { registerMetrics } from './metrics-routes.ts';
import { mountBlobs } from './mount-blobs.ts';
import { mountRelay } from './mount-relay.ts';
import { mountSync } from './mount-sync.ts';
import { registerRequestIdHeader, requestIdFor } from './request-id.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { registerWebApp } from './web-app.ts';

/** What `createServer` needs beyond the configuration; every field is for tests or embedding. */
export interface CreateServerOptions {
  config: ServerConfig;
  /** Where JSON log lines go (default: stdout). */
  logDestination?: LogDestination;
  /** DNS lookup the relay uses at connect time; tests map names to loopback with it. */
  relayLookup?: LookupFunction;
  /** How long `close()` lets open responses (relayed streams) finish before cutting them (default 5 s). */
  shutdownGraceMs?: number;
  /** The sync API's wall clock (default `Date.now`); tests move it to expire codes and tombstones. */
  now?: () => number;
}

/** A configured server, not yet listening. */
export interface HearthServer {
  readonly app: FastifyInstance;
  /** The SQLite storage; undefined in relay-only mode, which has none, and on PostgreSQL. */
  readonly storage: Storage | undefined;
  /** The PostgreSQL database when DATABASE_URL is set (full mode only). */
  readonly postgres: PostgresDatabase | undefined;
  /** The sync API's store, live channel and settings; undefined in relay-only mode, which has no sync API. */
  readonly sync: SyncServices | undefined;
  /** The blob store of attachments; undefined in relay-only mode, which has none. */
  readonly blobs: BlobServices | undefined;
  readonly metrics: ServerMetrics;
  /** Starts listening on the configured host and port; resolves with the base URL. */
  listen(): Promise<{ url: string }>;
  /** Stops accepting connections, lets open ones finish (up to the grace period), closes the database. */
  close(): Promise<void>;
}

/**
 * Builds the server: storage, the sync API and the blob store (full mode only), logging, request ids, security
 * headers, metrics, health, the relay and the web app. Throws a `StartupError` when it cannot run as configured.
 */
export async function createServer(options: CreateServerOptions): Promise<HearthServer> {
  const { config, shutdownGraceMs = 5000 } = options;
  // Relay-only mode must not create DATA_DIR or any file, so storage exists only in full mode; code
  // that needs it (the sync API) is registered only when it is there.
  // With DATABASE_URL the sync API is on PostgreSQL and no SQLite file is created.
  const onPostgres = !config.relayOnly && config.databaseUrl !== undefined;
  const storage = config.relayOnly || onPostgres ? undefined : openStorage({ dataDir: config.dataDir });
  const postgres =
    onPostgres && config.databaseUrl !== undefined ? await openPostgres({ url: config.databaseUrl }) : undefined;
  const app = Fastify({
    logger: loggerOptions({ level: config.logLevel, destination: options.logDestination }),
    logController: new RequestLogController(),
    genReqId: requestIdFor,
    requestIdHeader: false,
    trustProxy: false,
  });
  const metrics = new ServerMetrics();
  let sync: SyncServices | undefined;
  let blobs: BlobServices | undefined;
  try {
    registerRequestIdHeader(app);
    registerSecurityHeaders(app);
    registerMetrics(app, metrics);
    registerErrorHandler(app);
    registerHealthRoute(app, { database: storage ?? postgres, version: serverVersion });
    await mountRelay(app, { config, metrics, lookup: options.relayLookup });
    if (storage !== undefined || postgres !== undefined) {
      sync = await mountSync(app, { storage, postgres, config, metrics, now: options.now });
      // The blob store keeps its index in the SQLite database; on PostgreSQL there is none yet (a PostgreSQL deployment syncs records, not attachment files).
      if (storage !== undefined) blobs = await mountBlobs(app, { storage, config, metrics, sync });
    }
    await registerWebApp(app, { staticDir: config.staticDir });
    // Runs after the HTTP server has closed, so no request is still using the database.
    app.addHook('onClose', async () => {
      storage?.close();
      await postgres?.close();
    });
    await app.ready();
  } catch (error) {
    storage?.close();
    await postgres?.close().catch(() => {});
    await app.close().catch(() => {});
    throw error;
  }

  return {
    app,
    storage,
    postgres,
    sync,
    blobs,
    metrics,
    listen: () => listenOn(app, { host: config.host, port: config.port }),
    async close() {
      const cut = setTimeout(() => app.server.closeAllConnections(), shutdownGraceMs);
      try {
        await app.close();
      } finally {
        clearTimeout(cut);
        storage?.close();
        await postgres?.close();
      }
    },
  };
}
