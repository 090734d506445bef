import type { SyncErrorCode } from '@hearth/schema';
import { initTRPC, type TRPCError } from '@trpc/server';
import type { SyncContext } from './sync-context.ts';
import { maxSyncBodyBytes } from './sync-options.ts';
import { syncDataOf, syncErrorOf } from './trpc-error-mapping.ts';

/**
 * The sync API's tRPC instance. No transformer: inputs and results are plain JSON, so any HTTP client
 * can speak the protocol from docs/sync-protocol.md. SSE pings keep idle proxies from closing the live
 * channel, and tell the client to reconnect when they stop.
 */
export const t = initTRPC.context<SyncContext>().create({
  isDev: false,
  sse: {
    ping: { enabled: true, intervalMs: 15_000 },
    client: { reconnectAfterInactivityMs: 45_000 },
  },
  errorFormatter({ shape, error }) {
    const { syncCode, details } = syncDataOf(error);
    return {
      message: messageOf({ error, syncCode, message: shape.message }),
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path ?? null,
        syncCode,
        details,
      },
    };
  },
});

function messageOf(options: { error: TRPCError; syncCode: SyncErrorCode | null; message: string }): string {
  const { error, syncCode, message } = options;
  // An unexpected fault's message may describe internals (SQL, paths): the logs have it, the client does not.
  if (syncCode === null) return 'The sync server failed to answer; try again later.';
  if (error.code === 'PAYLOAD_TOO_LARGE' && syncErrorOf(error) === undefined) {
    return `The request body is over this server's limit of ${maxSyncBodyBytes} bytes. Send smaller batches.`;
  }
  return message;
}
