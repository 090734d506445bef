import { type SyncMutation, type SyncRecord, syncRecordKey } from '@hearth/schema';
import type { PoolClient } from 'pg';
import { SyncError } from '../sync-error.ts';
import { clockIdOf } from './device-clocks.ts';
import { claimPostgresClocks } from './postgres-clocks.ts';
import { foreignClockError, purgedTombstone } from './push-rules.ts';
import type { AppliedPush, SyncIdentity } from './sync-store.ts';

interface Version {
  updatedAt: string;
  body: string;
}

/**
 * The body of the push transaction (the caller runs it between BEGIN and COMMIT, READ COMMITTED), with
 * the same rules as the SQLite store (sqlite-push.ts): last writer wins by clock compared as text, an
 * equal clock changes nothing, and a purged record's grave beats older writes.
 *
 * Why a pull never skips a change that commits late: the first statement locks the user's row
 * (`SELECT ... FOR UPDATE`), which holds the user's sequence counter, until this transaction commits or
 * rolls back. A second push of the same user, from any process, waits at that statement; when it gets
 * the row it reads the counter as the first one committed it. So the user's sequence numbers are handed
 * out in commit order: no transaction can commit number 7 after another has committed number 8. A pull
 * that sees number 8 (its snapshot includes that commit) therefore sees 7 and everything below it too,
 * and a cursor that reached 8 has missed nothing. (A global sequence or a counter read without the
 * lock would let 8 commit first and 7 later, below a cursor that had already moved past it.)
 *
 * The batch is read and written in a few statements, not one per mutation: the current versions and
 * graves of every record it names in one query each, the clocks in one, and the winners in one upsert.
 */
export async function applyPostgresPush(
  client: PoolClient,
  options: { identity: SyncIdentity; mutations: readonly SyncMutation[]; nowMs: number },
): Promise<AppliedPush> {
  const { identity, mutations, nowMs } = options;
  const { userId, deviceId } = identity;
  const user = await client.query<{ seq: number }>('SELECT seq FROM sync_users WHERE id = $1 FOR UPDATE', [userId]);
  const device = await client.query<{ last_mutation_id: number }>(
    'SELECT last_mutation_id FROM sync_devices WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL',
    [deviceId, userId],
  );
  const userSeq = user.rows[0]?.seq;
  const deviceLast = device.rows[0]?.last_mutation_id;
  if (userSeq === undefined || deviceLast === undefined) {
    throw new SyncError('unauthorized', 'This device was signed out of sync (revoked). Sign in again.');
  }
  // Already applied (a retried batch, or its overlap with an earlier one): skipped, as in SQLite.
  const fresh = mutations.filter((mutation) => mutation.mutationId > deviceLast);
  await refuseForeignClocks(client, { identity, mutations: fresh });
  const keys = fresh.map((mutation) => ({ table: mutation.change.table, key: syncRecordKey(mutation.change) }));
  const current = await versionsOf(client, { userId, keys });
  const graves = await gravesOf(client, { userId, keys });

  let seq = userSeq;
  const taken: SyncRecord[] = [];
  const superseded = new Map<string, SyncRecord>();
  const writes = new Map<
    string,
    { table: string; key: string; updatedAt: string; deleted: boolean; body: string; seq: number }
  >();
  for (const [index, mutation] of fresh.entries()) {
    const { change } = mutation;
    const { table, key } = keys[index] ?? { table: change.table, key: syncRecordKey(change) };
    const slot = `${table}/${key}`;
    const incoming = change.record.updatedAt;
    const existing = current.get(slot);
    if (existing !== undefined && incoming <= existing.updatedAt) {
      if (incoming < existing.updatedAt) {
        superseded.set(slot, { table: change.table, record: JSON.parse(existing.body) } as SyncRecord);
      }
      continue;
    }
    const grave = existing === undefined ? graves.get(slot) : undefined;
    if (grave !== undefined && incoming <= grave) {
      superseded.set(slot, purgedTombstone(change, key, grave));
      continue;
    }
    seq += 1;
    // A tombstone arrives reduced to its identity by the schema: deleted content is never stored.
    const body = JSON.stringify(change.record);
    current.set(slot, { updatedAt: incoming, body });
    writes.set(slot, { table, key, updatedAt: incoming, deleted: change.record.deleted, body, seq });
    taken.push(change);
    superseded.delete(slot);
  }
  const lastMutationId = fresh.at(-1)?.mutationId ?? deviceLast;
  if (writes.size > 0) await upsertRecords(client, { userId, nowMs, writes: [...writes.values()] });
  if (lastMutationId !== deviceLast) {
    await client.query('UPDATE sync_devices SET last_mutation_id = $1 WHERE id = $2', [lastMutationId, deviceId]);
  }
  if (taken.length > 0) await client.query('UPDATE sync_users SET seq = $1 WHERE id = $2', [seq, userId]);
  return {
    lastMutationId,
    superseded: [...superseded.values()],
    sequence: { before: userSeq, after: seq },
    cursor: seq,
    applied: taken.length,
    taken,
  };
}

/** Claims the clock id of every mutation in order; the first that another device owns refuses the push. */
async function refuseForeignClocks(
  client: PoolClient,
  options: { identity: SyncIdentity; mutations: readonly SyncMutation[] },
): Promise<void> {
  const { identity, mutations } = options;
  const clockIds = [...new Set(mutations.map((mutation) => clockIdOf(mutation.change.record.updatedAt)))];
  const foreign = await claimPostgresClocks(client, { ...identity, clockIds });
  if (foreign.size === 0) return;
  const mutation = mutations.find((candidate) => foreign.has(clockIdOf(candidate.change.record.updatedAt)));
  if (mutation === undefined) return;
  throw foreignClockError({
    mutation,
    key: syncRecordKey(mutation.change),
    clockId: clockIdOf(mutation.change.record.updatedAt),
  });
}

async function versionsOf(
  client: PoolClient,
  options: { userId: string; keys: readonly { table: string; key: string }[] },
): Promise<Map<string, Version>> {
  const found = new Map<string, Version>();
  if (options.keys.length === 0) return found;
  const rows = await client.query<{ table_name: string; record_key: string; updated_at: string; body: string }>(
    `SELECT r.table_name, r.record_key, r.updated_at, r.body
     FROM unnest($2::text[], $3::text[]) AS k (table_name, record_key)
     JOIN sync_records r ON r.user_id = $1 AND r.table_name = k.table_name AND r.record_key = k.record_key`,
    [options.userId, options.keys.map((k) => k.table), options.keys.map((k) => k.key)],
  );
  for (const row of rows.rows) {
    found.set(`${row.table_name}/${row.record_key}`, { updatedAt: row.updated_at, body: row.body });
  }
  return found;
}

async function gravesOf(
  client: PoolClient,
  options: { userId: string; keys: readonly { table: string; key: string }[] },
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (options.keys.length === 0) return found;
  const rows = await client.query<{ table_name: string; record_key: string; deleted_at_clock: string }>(
    `SELECT g.table_name, g.record_key, g.deleted_at_clock
     FROM unnest($2::text[], $3::text[]) AS k (table_name, record_key)
     JOIN sync_graves g ON g.user_id = $1 AND g.table_name = k.table_name AND g.record_key = k.record_key`,
    [options.userId, options.keys.map((k) => k.table), options.keys.map((k) => k.key)],
  );
  for (const row of rows.rows) found.set(`${row.table_name}/${row.record_key}`, row.deleted_at_clock);
  return found;
}

/** Writes each record's winning version in one statement (one row per record: its latest write). */
async function upsertRecords(
  client: PoolClient,
  options: {
    userId: string;
    nowMs: number;
    writes: readonly { table: string; key: string; updatedAt: string; deleted: boolean; body: string; seq: number }[];
  },
): Promise<void> {
  const { userId, nowMs, writes } = options;
  await client.query(
    `INSERT INTO sync_records (user_id, table_name, record_key, updated_at, deleted, body, seq, changed_at)
     SELECT $1, w.table_name, w.record_key, w.updated_at, w.deleted, w.body, w.seq, $2
     FROM unnest($3::text[], $4::text[], $5::text[], $6::boolean[], $7::text[], $8::bigint[])
       AS w (table_name, record_key, updated_at, deleted, body, seq)
     ON CONFLICT (user_id, table_name, record_key) DO UPDATE SET
       updated_at = excluded.updated_at, deleted = excluded.deleted, body = excluded.body,
       seq = excluded.seq, changed_at = excluded.changed_at`,
    [
      userId,
      nowMs,
      writes.map((w) => w.table),
      writes.map((w) => w.key),
      writes.map((w) => w.updatedAt),
      writes.map((w) => w.deleted),
      writes.map((w) => w.body),
      writes.map((w) => w.seq),
    ],
  );
}
