import type { HlcString, SyncPullRequest, SyncPullResponse, SyncPushRequest, SyncPushResponse } from '@hearth/schema';

/**
 * The sync server as the engine sees it (tRPC in the app, an in-memory server in tests). Either method
 * resolves with the server's answer or throws a SyncTransportError; anything else thrown counts as a
 * network failure. The engine validates answers itself.
 */
export interface SyncTransport {
  push(request: SyncPushRequest): Promise<SyncPushResponse>;
  pull(request: SyncPullRequest): Promise<SyncPullResponse>;
}

/** The device's hybrid logical clock, advanced past every remote clock seen (HybridClock fits). */
export interface SyncClock {
  receive(value: HlcString): void;
}
