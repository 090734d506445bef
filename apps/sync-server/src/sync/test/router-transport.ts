import { TRPCError } from '@trpc/server';
import type { appRouter } from '../app-router.ts';
import { syncErrorOf } from '../trpc-error-mapping.ts';
import { type SyncTransport, SyncTransportError } from './core-sync-testkit.ts';

// Requests and answers cross a wire: nothing is shared between the client's objects and the server's.
function overTheWire<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Calls the real router in-process as one device, failing the way the app's tRPC transport does. */
export function routerTransport(
  caller: ReturnType<typeof appRouter.createCaller>,
  options: { onRefused?: (code: string) => void } = {},
): SyncTransport {
  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return overTheWire(await work());
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      const code = syncErrorOf(error)?.code ?? 'server_error';
      options.onRefused?.(code);
      throw new SyncTransportError(code, error.message, { cause: error });
    }
  };
  return {
    push: (request) => call(() => caller.sync.push(overTheWire(request))),
    pull: (request) => call(() => caller.sync.pull(overTheWire(request))),
  };
}
