import {
  type SyncPoke,
  type SyncPullResponse,
  type SyncPushResponse,
  type SyncRecord,
  syncLimits,
  syncProtocolVersion,
  syncPullRequestSchema,
  syncPushRequestSchema,
} from '@hearth/schema';
import { defaultMaxClockDriftMs, isTooFarInFuture } from '../../clock/clock-drift.ts';
import { parseHlc } from '../../clock/hlc.ts';
import { jsonByteLength } from '../json-size.ts';
import { recordRef, refKey } from '../record-ref.ts';
import { SyncTransportError } from '../sync-client-error.ts';

interface StoredRecord {
  change: SyncRecord;
  seq: number;
}

export interface ReferenceServerOptions {
  /** The server's wall clock, for refusing clocks far in its future. */
  now: () => number;
  maxClockDriftMs?: number;
}

/**
 * The sync protocol for one user, in memory and as plainly as possible, to test clients against:
 * requests validated whole, batches all or nothing, retried mutations skipped by the device's last
 * applied id, last writer wins by `updatedAt`, a per-user sequence assigned on every write as the pull
 * cursor, tombstones kept until `compactTombstones()`, after which older cursors must resync (except
 * the pages of a pull that started at 0, which is what resyncing means).
 */
export class ReferenceSyncServer {
  readonly #now: () => number;
  readonly #maxDriftMs: number;
  #records = new Map<string, StoredRecord>();
  #seq = 0;
  #horizon = 0;
  #lastMutationIds = new Map<string, number>();
  // Devices paging through a pull that started at cursor 0: their page cursors may lie below the
  // horizon without meaning they missed anything, since they are reading everything there is.
  #pullingFromScratch = new Set<string>();
  /** Every poke the live channel would have sent, oldest first: each push's changes ride along. */
  readonly pokes: SyncPoke[] = [];

  constructor(options: ReferenceServerOptions) {
    this.#now = options.now;
    this.#maxDriftMs = options.maxClockDriftMs ?? defaultMaxClockDriftMs;
  }

  /** Applies a device's batch in one step and answers what it applied and what it refused as older. */
  push(deviceId: string, body: unknown): SyncPushResponse {
    if (protocolVersionOf(body) !== syncProtocolVersion) throw new SyncTransportError('unsupported_version');
    const mutationCount = mutationCountOf(body);
    if (mutationCount > syncLimits.mutationsPerPush || jsonByteLength(body) > syncLimits.bytesPerPush) {
      throw new SyncTransportError('too_large');
    }
    const parsed = syncPushRequestSchema.safeParse(body);
    if (!parsed.success) throw new SyncTransportError('bad_request');
    const { mutations } = parsed.data;
    for (const mutation of mutations) {
      if (jsonByteLength(mutation) > syncLimits.bytesPerRecord) throw new SyncTransportError('too_large');
      const value = mutation.change.record.updatedAt;
      // A clock names the device that wrote it; no other device may push it (here: the device id is the clock id).
      const clock = parseHlc(value);
      if (!clock.success || clock.value.deviceId !== deviceId) throw new SyncTransportError('foreign_clock');
      if (isTooFarInFuture({ value, nowMs: this.#now(), maxDriftMs: this.#maxDriftMs })) {
        throw new SyncTransportError('clock_ahead');
      }
    }
    // Work on copies and swap at the end: the batch is all or nothing.
    const records = new Map(this.#records);
    let seq = this.#seq;
    const before = seq;
    const last = this.#lastMutationIds.get(deviceId) ?? 0;
    let applied = last;
    const superseded = new Map<string, SyncRecord>();
    const taken: SyncRecord[] = [];
    for (const { mutationId, change } of mutations) {
      if (mutationId <= last) continue; // a retried batch changes nothing
      applied = Math.max(applied, mutationId);
      const key = refKey(recordRef(change));
      const stored = records.get(key);
      if (stored === undefined || change.record.updatedAt > stored.change.record.updatedAt) {
        seq += 1;
        records.set(key, { change, seq });
        taken.push(change);
        superseded.delete(key);
      } else if (stored.change.record.updatedAt > change.record.updatedAt) {
        superseded.set(key, stored.change);
      }
    }
    this.#records = records;
    this.#seq = seq;
    this.#lastMutationIds.set(deviceId, applied);
    if (seq > before) this.pokes.push({ cursor: seq, changes: { from: before, records: taken } });
    return { lastMutationId: applied, superseded: [...superseded.values()], sequence: { before, after: seq } };
  }

  /** The records changed after the cursor, oldest change first. */
  pull(deviceId: string, body: unknown): SyncPullResponse {
    if (protocolVersionOf(body) !== syncProtocolVersion) throw new SyncTransportError('unsupported_version');
    const parsed = syncPullRequestSchema.safeParse(body);
    if (!parsed.success) throw new SyncTransportError('bad_request');
    const { cursor } = parsed.data;
    if (cursor === 0) this.#pullingFromScratch.add(deviceId);
    if (cursor > 0 && cursor < this.#horizon && !this.#pullingFromScratch.has(deviceId)) {
      throw new SyncTransportError('resync_required');
    }
    const limit = parsed.data.limit ?? syncLimits.recordsPerPullPage;
    const changed = [...this.#records.values()].filter((stored) => stored.seq > cursor).sort((a, b) => a.seq - b.seq);
    const page = changed.slice(0, limit);
    const hasMore = changed.length > limit;
    if (!hasMore) this.#pullingFromScratch.delete(deviceId);
    return {
      records: page.map((stored) => stored.change),
      cursor: page.at(-1)?.seq ?? Math.max(cursor, this.#seq),
      hasMore,
    };
  }

  /** Forgets every tombstone written so far; cursors older than now must resync. Returns their keys. */
  compactTombstones(): string[] {
    const purged = [...this.#records.entries()]
      .filter(([, stored]) => stored.change.record.deleted)
      .map(([key]) => key);
    for (const key of purged) this.#records.delete(key);
    this.#horizon = this.#seq;
    return purged;
  }

  /** Every stored record, ordered by table and key. */
  records(): SyncRecord[] {
    return [...this.#records.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s.change);
  }
}

function protocolVersionOf(body: unknown): unknown {
  return typeof body === 'object' && body !== null
    ? (body as { protocolVersion?: unknown }).protocolVersion
    : undefined;
}

function mutationCountOf(body: unknown): number {
  const mutations = typeof body === 'object' && body !== null ? (body as { mutations?: unknown }).mutations : undefined;
  return Array.isArray(mutations) ? mutations.length : 0;
}
