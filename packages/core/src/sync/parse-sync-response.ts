import {
  type SyncMutation,
  type SyncPushResponse,
  syncPullResponseSchema,
  syncPushResponseSchema,
} from '@hearth/schema';
import { z } from 'zod/mini';
import type { ParseResult } from '../stream/parse-result.ts';
import { type RemoteVersion, readRemoteVersion } from './merge-remote.ts';
import { SyncTransportError } from './sync-client-error.ts';

/** A pull page as the engine uses it: every record read once, readable or to be held. */
export interface PulledPage {
  records: RemoteVersion[];
  cursor: number;
  hasMore: boolean;
}

// The page's frame; its records are read one by one (readRemoteVersion), each by one schema parse.
const pageFrameSchema = z.object({
  records: z.array(z.unknown()),
  cursor: syncPullResponseSchema.shape.cursor,
  hasMore: z.boolean(),
});

function unexpected(detail: string): SyncTransportError {
  return new SyncTransportError('server_error', `The sync server's answer does not fit the protocol: ${detail}`);
}

/** Validates a push answer: the schema, and an applied id covering the whole batch (pushes are all or nothing). */
export function parsePushResponse(
  value: unknown,
  sent: readonly SyncMutation[],
): ParseResult<SyncPushResponse, SyncTransportError> {
  const parsed = syncPushResponseSchema.safeParse(value);
  if (!parsed.success) return { success: false, error: unexpected('invalid push response') };
  const lastSent = sent.at(-1)?.mutationId ?? 0;
  if (parsed.data.lastMutationId < lastSent) {
    return { success: false, error: unexpected(`applied up to ${parsed.data.lastMutationId}, sent up to ${lastSent}`) };
  }
  return { success: true, value: parsed.data };
}

/**
 * Validates a pull page (the protocol's `syncPullResponseSchema`, each record read as this version can:
 * readable, or held for a newer version) and a cursor that moves when more pages follow (or paging
 * never ends).
 */
export function parsePullResponse(value: unknown, cursor: number): ParseResult<PulledPage, SyncTransportError> {
  const frame = pageFrameSchema.safeParse(value);
  if (!frame.success) return { success: false, error: unexpected('invalid pull response') };
  const records: RemoteVersion[] = [];
  for (const [index, raw] of frame.data.records.entries()) {
    const version = readRemoteVersion(raw);
    if (version === undefined) return { success: false, error: unexpected(`invalid record ${index} in a pull page`) };
    records.push(version);
  }
  if (frame.data.hasMore && frame.data.cursor <= cursor) {
    return { success: false, error: unexpected(`more pages promised but the cursor stayed at ${cursor}`) };
  }
  return { success: true, value: { records, cursor: frame.data.cursor, hasMore: frame.data.hasMore } };
}
