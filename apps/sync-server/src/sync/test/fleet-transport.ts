import { TRPCClientError } from '@trpc/client';
import type { ServerFleet } from '../../../test/server-fleet.ts';
import type { AppRouter } from '../app-router.ts';
import { type SyncTransport, SyncTransportError } from './core-sync-testkit.ts';
import { syncClient } from './http-sync.ts';

/**
 * One device's transport to a fleet of server processes over real HTTP: each request goes to a
 * process chosen by `pick`, as a load balancer would send it. Failures reach the engine the way the
 * app's tRPC transport reports them: the protocol's code, `network` with no answer, else `server_error`.
 */
export function fleetTransport(options: {
  fleet: ServerFleet;
  token: string;
  pick: () => number;
  onRefused?: (code: string) => void;
}): SyncTransport {
  const call = async <T>(work: (client: ReturnType<typeof syncClient>) => Promise<T>): Promise<T> => {
    const client = syncClient({ url: options.fleet.urlOf(options.pick()), token: options.token, batch: false });
    try {
      return await work(client);
    } catch (error) {
      if (!(error instanceof TRPCClientError)) throw new SyncTransportError('network', String(error));
      const data = (error as TRPCClientError<AppRouter>).data;
      const code = data?.syncCode ?? (data === undefined || data === null ? 'network' : 'server_error');
      options.onRefused?.(code);
      throw new SyncTransportError(code, error.message, { cause: error });
    }
  };
  return {
    push: (request) => call((client) => client.sync.push.mutate(request)),
    pull: (request) => call((client) => client.sync.pull.query(request)),
  };
}
