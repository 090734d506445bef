import { HybridClock } from '../../clock/hybrid-clock.ts';
import { defaultPushLimits, type PushLimits } from '../push-limits.ts';
import type { SyncContext } from '../sync-context.ts';
import type { SyncClock, SyncTransport } from '../sync-transport.ts';
import { MemoryStore } from './memory-store.ts';
import { ReferenceSyncServer } from './reference-server.ts';
import { referenceTransport } from './reference-transport.ts';

/** A server whose wall clock reads the fixtures' epoch plus one minute. */
export function testServer(): ReferenceSyncServer {
  return new ReferenceSyncServer({ now: () => 1_700_000_060_000 });
}

/** A sync context over a fresh store and a transport to `server` as `deviceId`, unless given others. */
export function testSyncContext(options: {
  server?: ReferenceSyncServer;
  deviceId?: string;
  store?: MemoryStore;
  transport?: SyncTransport;
  clock?: SyncClock;
  limits?: PushLimits;
  pullPageSize?: number;
}): SyncContext & { store: MemoryStore } {
  const deviceId = options.deviceId ?? 'dev';
  const server = options.server ?? testServer();
  return {
    store: options.store ?? new MemoryStore(),
    transport: options.transport ?? referenceTransport(server, deviceId),
    clock: options.clock ?? new HybridClock({ deviceId, now: () => 1_700_000_000_000 }),
    limits: options.limits ?? defaultPushLimits,
    ...(options.pullPageSize === undefined ? {} : { pullPageSize: options.pullPageSize }),
  };
}
