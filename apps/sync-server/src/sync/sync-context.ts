import type { RateLimiter } from '../relay/rate-limiter.ts';
import type { SyncHub } from './poke-hub.ts';
import type { SyncStore } from './store/sync-store.ts';
import type { SyncMetrics } from './sync-metrics.ts';
import type { SyncOptions } from './sync-options.ts';

/** What every sync call shares: storage, the live channel, settings, the clock and metrics. */
export interface SyncServices {
  store: SyncStore;
  hub: SyncHub;
  options: SyncOptions;
  /** The server's wall clock (epoch ms); injected so tests can move it. */
  now: () => number;
  metrics: SyncMetrics;
  /** Limits unauthenticated account calls (sign-up, pairing redemption) per client address. */
  accountLimiter: RateLimiter;
}

/** The context of one sync call. */
export interface SyncContext {
  services: SyncServices;
  /** The device token from `Authorization: Bearer`, or from `connectionParams.token` on the SSE channel. */
  token: string | undefined;
  /** Whom account calls are rate-limited by: the client's address. */
  clientKey: string;
  /** The origin pairing links start with. */
  origin: string;
}
