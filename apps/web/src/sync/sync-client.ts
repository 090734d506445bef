import type { AppRouter } from '@hearth/sync-server';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';

/** Where the sync server is and, once signed in, this device's token. */
export interface SyncServerAddress {
  serverUrl: string;
  token?: string;
}

/** A typed client of the sync server's tRPC API (docs/sync-protocol.md). */
export function createSyncClient(address: SyncServerAddress) {
  const url = `${address.serverUrl.replace(/\/+$/, '')}/trpc`;
  const authorization = address.token ? { authorization: `Bearer ${address.token}` } : undefined;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (operation) => operation.type === 'subscription',
        // EventSource cannot send headers: the live channel takes the token as a connection parameter.
        true: httpSubscriptionLink({ url, connectionParams: () => (address.token ? { token: address.token } : {}) }),
        false: httpBatchLink({ url, headers: () => authorization ?? {} }),
      }),
    ],
  });
}

export type SyncClient = ReturnType<typeof createSyncClient>;
