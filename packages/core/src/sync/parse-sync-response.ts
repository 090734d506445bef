import {
  type SyncMutation,
  type SyncPullResponse,
  type SyncPushResponse,
  syncPullResponseSchema,
  syncPushResponseSchema,
} from '@hearth/schema';
import type { ParseResult } from '../stream/parse-result.ts';
import { SyncTransportError } from './sync-client-error.ts';

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

/** Validates a pull page: the schema, and a cursor that moves when more pages follow (or paging never ends). */
export function parsePullResponse(value: unknown, cursor: number): ParseResult<SyncPullResponse, SyncTransportError> {
  const parsed = syncPullResponseSchema.safeParse(value);
  if (!parsed.success) return { success: false, error: unexpected('invalid pull response') };
  if (parsed.data.hasMore && parsed.data.cursor <= cursor) {
    return { success: false, error: unexpected(`more pages promised but the cursor stayed at ${cursor}`) };
  }
  return { success: true, value: parsed.data };
}
