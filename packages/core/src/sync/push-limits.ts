import { syncLimits } from '@hearth/schema';

/** How much one push may carry. */
export interface PushLimits {
  mutationsPerPush: number;
  /** The largest mutation (the record with its envelope), as UTF-8 JSON. */
  bytesPerRecord: number;
  /** The largest push request, as UTF-8 JSON. */
  bytesPerPush: number;
}

// The transport wraps the request (tRPC's envelope, headers); this keeps a batch clear of the server's limit.
const transportAllowanceBytes = 4 * 1024;

/** The server's limits, measured conservatively so a batch the client builds is never refused as too large. */
export const defaultPushLimits: PushLimits = {
  mutationsPerPush: syncLimits.mutationsPerPush,
  bytesPerRecord: syncLimits.bytesPerRecord,
  bytesPerPush: syncLimits.bytesPerPush - transportAllowanceBytes,
};
