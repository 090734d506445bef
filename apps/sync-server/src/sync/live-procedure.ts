import type { SyncPoke } from '@hearth/schema';
import { deviceProcedure } from './procedures.ts';
import { SyncError } from './sync-error.ts';
import { toTrpcError } from './trpc-error-mapping.ts';

/**
 * `sync.live`: a subscription (SSE) that pokes the device when the user's data changes. It starts with
 * the current cursor, so a device that reconnects learns at once whether it missed anything; after that
 * each poke carries the latest cursor (pokes coalesce), and the changes themselves when they are small.
 */
export const liveProcedure = deviceProcedure.subscription(async function* ({ ctx, signal }) {
  const { hub, store, metrics } = ctx.services;
  const { userId, deviceId } = ctx.identity;
  // Listen before reading the cursor, so a change committed in between is not missed.
  const feed = hub.open({ userId, deviceId, signal });
  metrics.liveOpened();
  try {
    const initial: SyncPoke = { cursor: await store.currentCursor({ userId }) };
    yield initial;
    for (;;) {
      const event = await feed.next();
      if (event === undefined) return;
      if (event.type === 'revoked') {
        throw toTrpcError(new SyncError('unauthorized', 'This device was signed out of sync (revoked).'));
      }
      yield event.poke;
    }
  } finally {
    hub.close(userId, feed);
    metrics.liveClosed();
  }
});
