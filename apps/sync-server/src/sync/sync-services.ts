import type { Database } from 'better-sqlite3';
import { RateLimiter } from '../relay/rate-limiter.ts';
import { PokeHub, type SyncHub } from './poke-hub.ts';
import { SqliteSyncStore } from './store/sqlite-sync-store.ts';
import type { SyncStore } from './store/sync-store.ts';
import type { SyncContext, SyncServices } from './sync-context.ts';
import { noSyncMetrics, type SyncMetrics } from './sync-metrics.ts';
import { defaultSyncOptions, type SyncOptions, syncDefaults } from './sync-options.ts';

/** The sync API's services on a store (or on a SQLite database, which gets the SQLite store). */
export function createSyncServices(options: {
  store?: SyncStore;
  db?: Database;
  /** The live channel (default: in-process, for one server process). */
  hub?: SyncHub;
  options?: Partial<SyncOptions>;
  now?: () => number;
  metrics?: SyncMetrics;
}): SyncServices {
  const store = options.store ?? (options.db === undefined ? undefined : new SqliteSyncStore({ db: options.db }));
  if (store === undefined) throw new Error('createSyncServices needs a store or a database');
  const now = options.now ?? Date.now;
  return {
    store,
    hub: options.hub ?? new PokeHub(),
    options: { ...defaultSyncOptions, ...options.options },
    now,
    metrics: options.metrics ?? noSyncMetrics,
    accountLimiter: new RateLimiter({ requestsPerMinute: syncDefaults.accountRequestsPerMinute, now }),
  };
}

/** A context for calling the router in-process (`appRouter.createCaller`), as a device with `token`. */
export function callerContext(options: { services: SyncServices; token?: string; clientKey?: string }): SyncContext {
  return {
    services: options.services,
    token: options.token,
    clientKey: options.clientKey ?? 'in-process',
    origin: options.services.options.publicUrl ?? 'http://localhost',
  };
}
