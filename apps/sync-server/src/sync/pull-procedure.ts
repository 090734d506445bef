import { type SyncPullResponse, syncLimits, syncPullRequestSchema } from '@hearth/schema';
import { checkProtocolVersion, inputParser } from './parse-input.ts';
import { deviceProcedure } from './procedures.ts';

/** `sync.pull`: one page of the user's changes after a cursor, oldest first, capped by count and bytes (a query: GET). */
export const pullProcedure = deviceProcedure
  .input(inputParser({ schema: syncPullRequestSchema, precheck: checkProtocolVersion }))
  .query(async ({ ctx, input }): Promise<SyncPullResponse> => {
    const limit = Math.min(input.limit ?? syncLimits.recordsPerPullPage, syncLimits.recordsPerPullPage);
    const page = await ctx.services.store.pull({
      identity: ctx.identity,
      cursor: input.cursor,
      limit,
      maxBytes: syncLimits.bytesPerPullPage,
    });
    ctx.services.metrics.pulled(page.records.length);
    return page;
  });
