import type { SyncRecord } from '@hearth/schema';
import { recordRef, refKey } from '../record-ref.ts';
import { canonicalJson } from './canonical-json.ts';

/** One device's end state. */
export interface DeviceEndState {
  deviceId: string;
  records: readonly SyncRecord[];
  /** Outbox entries plus in-flight mutations. */
  pending: number;
}

function byKey(records: readonly SyncRecord[]): Map<string, SyncRecord> {
  return new Map(records.map((change) => [refKey(recordRef(change)), change]));
}

function describe(change: SyncRecord | undefined): string {
  if (change === undefined) return 'nothing';
  return `${change.record.deleted ? 'a tombstone' : 'a live version'} at ${change.record.updatedAt}`;
}

/**
 * The sync guarantees, checked on a settled end state: the server holds, for every record, exactly the
 * newest version any device wrote, which is also the newest it received (so no write is lost unless a
 * newer one replaced it, and a winning tombstone stays a tombstone); it holds nothing no device wrote;
 * every device holds exactly what the server holds and has nothing left to push. Records in `purged`
 * (tombstones the server forgot) may be missing everywhere.
 */
export function findDivergence(options: {
  server: readonly SyncRecord[];
  /** The newest version of each record the server received. */
  delivered: ReadonlyMap<string, SyncRecord>;
  /** The newest version of each record any device wrote. */
  written: ReadonlyMap<string, SyncRecord>;
  devices: readonly DeviceEndState[];
  purged: ReadonlySet<string>;
}): string[] {
  const problems: string[] = [];
  const server = byKey(options.server);
  const forgotten = (key: string, change: SyncRecord | undefined) =>
    options.purged.has(key) && change?.record.deleted === true;

  const compare = (versions: ReadonlyMap<string, SyncRecord>, what: string) => {
    for (const [key, newest] of versions) {
      const held = server.get(key);
      if (held === undefined ? forgotten(key, newest) : canonicalJson(held) === canonicalJson(newest)) continue;
      const how =
        newest.record.deleted && held?.record.deleted === false
          ? 'a deleted record came back'
          : held?.record.updatedAt === newest.record.updatedAt
            ? 'a write was lost (same clock, other content: fields dropped on the way)'
            : 'a write was lost';
      problems.push(`${key}: ${how}: the server holds ${describe(held)}, the newest ${what} is ${describe(newest)}`);
    }
  };
  // The newest version anyone wrote has the greatest clock, so it must be what everyone ends up with.
  compare(options.written, 'version any device wrote');
  compare(options.delivered, 'version the server received');
  for (const key of server.keys()) {
    if (!options.written.has(key)) problems.push(`${key}: the server holds a record no device wrote`);
  }
  for (const device of options.devices) {
    if (device.pending > 0) problems.push(`${device.deviceId}: ${device.pending} changes never pushed`);
    const local = byKey(device.records);
    for (const [key, held] of server) {
      const mine = local.get(key);
      if (mine === undefined || canonicalJson(mine) !== canonicalJson(held)) {
        problems.push(`${device.deviceId} ${key}: holds ${describe(mine)}, the server ${describe(held)}`);
      }
    }
    for (const [key, mine] of local) {
      if (!server.has(key) && !forgotten(key, mine)) {
        problems.push(`${device.deviceId} ${key}: holds ${describe(mine)} the server does not have`);
      }
    }
  }
  return problems;
}
