import { type HlcString, type SyncRecord, syncRecordSchema, type WireRecord, wireRecordSchema } from '@hearth/schema';
import { recordRef, refKey } from './record-ref.ts';
import type { SyncStoreAccess } from './sync-store.ts';

/** Last writer wins: take the remote version only when it is newer than what this device holds. */
export function shouldTakeRemote(local: WireRecord | undefined, remote: WireRecord): boolean {
  // Serialized clocks compare as strings; equal clocks are the same version (the device id is in the clock).
  return local === undefined || remote.record.updatedAt > local.record.updatedAt;
}

/** The newest version of each record among `records` (a page may name a record more than once). */
export function newestPerRecord<T extends WireRecord>(records: readonly T[]): T[] {
  const newest = new Map<string, T>();
  for (const change of records) {
    const key = refKey(recordRef(change));
    const seen = newest.get(key);
    if (seen === undefined || change.record.updatedAt > seen.record.updatedAt) newest.set(key, change);
  }
  return [...newest.values()];
}

/** The greatest clock among records, so the local clock can move past all of them at once. */
export function latestClock(records: readonly WireRecord[]): HlcString | undefined {
  let latest: HlcString | undefined;
  for (const change of records)
    if (latest === undefined || change.record.updatedAt > latest) latest = change.record.updatedAt;
  return latest;
}

/**
 * A remote version as this app version reads it: a valid record (a tombstone reduced to its identity),
 * or undefined when a newer app wrote something this one does not know, and it must be held instead.
 */
export function readableRecord(change: unknown): SyncRecord | undefined {
  const parsed = syncRecordSchema.safeParse(change);
  return parsed.success ? parsed.data : undefined;
}

/** A version from the server, read once: what merging needs, and the record itself when this version can read it. */
export interface RemoteVersion {
  change: WireRecord;
  readable: SyncRecord | undefined;
}

/** Reads a version from the server; undefined when it does not even carry what merging needs. */
export function readRemoteVersion(value: unknown): RemoteVersion | undefined {
  // The full schema first: nearly every record is readable, and then one parse is all it costs.
  const readable = readableRecord(value);
  if (readable !== undefined) return { change: readable, readable };
  const wire = wireRecordSchema.safeParse(value);
  return wire.success ? { change: wire.data, readable: undefined } : undefined;
}

/**
 * Merges remote versions into the store: each is written only where it is newer than the local record
 * (readable ones into the tables, the others held). A local change still in the outbox survives when it
 * is newer (its entry stays and will push it); when the remote version wins, the entry goes, since the
 * server already holds something newer. Returns the versions taken.
 */
export async function applyRemoteRecords(
  access: SyncStoreAccess,
  records: readonly WireRecord[],
): Promise<WireRecord[]> {
  const versions = records.map((change) => ({ change, readable: readableRecord(change) }));
  return applyRemoteVersions(access, versions);
}

/** `applyRemoteRecords` for versions already read (a pulled page is read once, as it arrives). */
export async function applyRemoteVersions(
  access: SyncStoreAccess,
  versions: readonly RemoteVersion[],
): Promise<WireRecord[]> {
  const candidates = newestVersions(versions);
  if (candidates.length === 0) return [];
  const refs = candidates.map((version) => recordRef(version.change));
  const locals = await access.getRecords(refs);
  const taken = candidates.filter((remote, index) => shouldTakeRemote(locals[index], remote.change));
  if (taken.length === 0) return [];
  const readable: SyncRecord[] = [];
  const held: WireRecord[] = [];
  for (const remote of taken) {
    if (remote.readable === undefined) held.push(remote.change);
    else readable.push(remote.readable);
  }
  // Independent writes, issued together: each IndexedDB round trip costs milliseconds.
  await Promise.all([
    readable.length > 0 ? access.putRecords(readable) : undefined,
    held.length > 0 ? access.holdRecords(held) : undefined,
    access.deleteOutbox(taken.map((version) => recordRef(version.change))),
  ]);
  return taken.map((version) => version.change);
}

function newestVersions(versions: readonly RemoteVersion[]): RemoteVersion[] {
  const newest = new Map<string, RemoteVersion>();
  for (const version of versions) {
    const key = refKey(recordRef(version.change));
    const seen = newest.get(key);
    if (seen === undefined || version.change.record.updatedAt > seen.change.record.updatedAt) newest.set(key, version);
  }
  return [...newest.values()];
}

/** Applies one pulled page and moves the cursor past it; run inside one store transaction. */
export async function applyPulledPage(
  access: SyncStoreAccess,
  page: { records: readonly RemoteVersion[]; cursor: number },
): Promise<WireRecord[]> {
  const [taken] = await Promise.all([
    applyRemoteVersions(access, page.records),
    access.writeSyncState({ cursor: page.cursor }),
  ]);
  return taken;
}

/**
 * Moves held versions that this app version can now read (it was updated) into the tables. Returns
 * how many were released.
 */
export async function releaseHeldRecords(access: SyncStoreAccess): Promise<number> {
  const held = await access.readHeldRecords();
  const readable = held.map(readableRecord).filter((record): record is SyncRecord => record !== undefined);
  if (readable.length > 0) await access.putRecords(readable);
  return readable.length;
}
