import { hlcWallMs, isTooFarInFuture } from '@hearth/core';
import { type SyncPushRequest, syncLimits, syncRecordKey } from '@hearth/schema';
import { checkProtocolVersion } from './parse-input.ts';
import { SyncError } from './sync-error.ts';

/** JSON size in UTF-8 bytes: how the client measures a batch, and how the limits are stated. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

/** Before validation: the protocol version, and the number of mutations (so a huge batch is not validated). */
export function precheckPush(raw: unknown): void {
  checkProtocolVersion(raw);
  const mutations = (raw as { mutations?: unknown } | null)?.mutations;
  if (Array.isArray(mutations) && mutations.length > syncLimits.mutationsPerPush) {
    throw new SyncError(
      'too_large',
      `A push may carry at most ${syncLimits.mutationsPerPush} mutations; this one has ${mutations.length}. Send smaller batches.`,
      { limit: syncLimits.mutationsPerPush, actual: mutations.length },
    );
  }
}

/** After validation, before anything is written: sizes, and mutation ids that only grow within the batch. */
export function checkPushBatch(request: SyncPushRequest): void {
  let previous = 0;
  // The request's JSON is its envelope plus each mutation and the commas between them: summing spares
  // serializing a batch of megabytes twice.
  let total = jsonBytes({ ...request, mutations: [] }) + Math.max(0, request.mutations.length - 1);
  for (const mutation of request.mutations) {
    const bytes = jsonBytes(mutation);
    total += bytes;
    if (bytes > syncLimits.bytesPerRecord) {
      throw new SyncError(
        'too_large',
        `Mutation ${mutation.mutationId} (${mutation.change.table} record ${syncRecordKey(mutation.change)}) is ` +
          `${bytes} bytes; a record may be at most ${syncLimits.bytesPerRecord} bytes as JSON.`,
        { limit: syncLimits.bytesPerRecord, actual: bytes, mutationId: mutation.mutationId },
      );
    }
    if (mutation.mutationId <= previous) {
      throw new SyncError(
        'bad_request',
        `Mutation ids must increase within a batch: ${mutation.mutationId} follows ${previous}.`,
        { mutationId: mutation.mutationId, previous },
      );
    }
    previous = mutation.mutationId;
  }
  if (total > syncLimits.bytesPerPush) {
    throw new SyncError(
      'too_large',
      `This push is ${total} bytes; a push may be at most ${syncLimits.bytesPerPush} bytes as JSON. Send smaller batches.`,
      { limit: syncLimits.bytesPerPush, actual: total },
    );
  }
}

/** Refuses the batch when any record's clock is further ahead of the server's than allowed, naming it. */
export function checkClocks(options: { request: SyncPushRequest; nowMs: number; maxAheadMs: number }): void {
  const { request, nowMs, maxAheadMs } = options;
  for (const { mutationId, change } of request.mutations) {
    const value = change.record.updatedAt;
    if (!isTooFarInFuture({ value, nowMs, maxDriftMs: maxAheadMs })) continue;
    const aheadMs = hlcWallMs(value) - nowMs;
    throw new SyncError(
      'clock_ahead',
      `The ${change.table} record ${syncRecordKey(change)} (mutation ${mutationId}) has a clock ${formatDuration(aheadMs)} ` +
        `ahead of the server's; at most ${formatDuration(maxAheadMs)} is accepted. Set this device's date and time ` +
        'correctly, then sync again. Nothing in this push was written.',
      { mutationId, table: change.table, recordKey: syncRecordKey(change), aheadMs, maxAheadMs, serverTimeMs: nowMs },
    );
  }
}

/** 754_000 -> `12 min 34 s`. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts = [
    days > 0 ? `${days} d` : '',
    hours > 0 ? `${hours} h` : '',
    minutes > 0 ? `${minutes} min` : '',
    seconds > 0 || totalSeconds === 0 ? `${seconds} s` : '',
  ];
  return parts.filter((part) => part !== '').join(' ');
}
