import { type SyncClientErrorCode, type SyncTransport, SyncTransportError } from '@hearth/core';
import { type SyncPullResponse, type SyncPushResponse, syncErrorCodeSchema } from '@hearth/schema';
import { TRPCClientError } from '@trpc/client';
import type { SyncClient } from './sync-client.ts';

/** The client error code of whatever a call to the sync server threw (our code, never the message). */
export function syncErrorCode(error: unknown): SyncClientErrorCode {
  if (error instanceof TRPCClientError) {
    const data = error.data as { syncCode?: unknown; httpStatus?: unknown } | undefined;
    const parsed = syncErrorCodeSchema.safeParse(data?.syncCode);
    if (parsed.success) return parsed.data;
    // No answer at all (offline, server down): a network problem; an answer without our code: a fault.
    return data?.httpStatus === undefined ? 'network' : 'server_error';
  }
  return 'network';
}

/** The sync engine's transport over tRPC: push and pull, with failures turned into the engine's error codes. */
export function trpcTransport(client: SyncClient): SyncTransport {
  const call = async <T>(request: () => Promise<T>): Promise<T> => {
    try {
      return await request();
    } catch (error) {
      throw new SyncTransportError(syncErrorCode(error), error instanceof Error ? error.message : undefined, {
        cause: error,
      });
    }
  };
  // The engine validates every answer with the protocol's schemas (parsePushResponse, parsePullResponse), so
  // the router's inferred output types (where `unknown` fields come out optional) need not match exactly.
  return {
    push: (request) => call(async () => (await client.sync.push.mutate(request)) as unknown as SyncPushResponse),
    pull: (request) => call(async () => (await client.sync.pull.query(request)) as unknown as SyncPullResponse),
  };
}
