import { type SyncPushResponse, syncPushRequestSchema } from '@hearth/schema';
import { inputParser } from './parse-input.ts';
import { pokeFor } from './poke-for.ts';
import { deviceProcedure } from './procedures.ts';
import { checkClocks, checkPushBatch, precheckPush } from './push-checks.ts';

/**
 * `sync.push`: a device's batch, checked whole (version, limits, every record, every clock) before
 * anything is written, then applied in one transaction. Devices of the user are poked after it commits,
 * with the changes themselves when they are small.
 */
export const pushProcedure = deviceProcedure
  .input(inputParser({ schema: syncPushRequestSchema, precheck: precheckPush }))
  .mutation(async ({ ctx, input }): Promise<SyncPushResponse> => {
    const { store, hub, options, now, metrics } = ctx.services;
    checkPushBatch(input);
    const nowMs = now();
    checkClocks({ request: input, nowMs, maxAheadMs: options.maxClockAheadMs });
    const result = await store.applyPush({ identity: ctx.identity, mutations: input.mutations, nowMs });
    metrics.pushed(result.applied);
    if (result.applied > 0) hub.poke(ctx.identity.userId, pokeFor(result));
    return { lastMutationId: result.lastMutationId, superseded: result.superseded, sequence: result.sequence };
  });
