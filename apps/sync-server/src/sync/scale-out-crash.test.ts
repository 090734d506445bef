// QUALITY 23 with several server processes on PostgreSQL: devices push to random processes of three; a
// process is SIGKILLed mid-push and the device retries the same batch on another one. Nothing
// acknowledged is lost, no retried batch is applied twice, and every device pulls the same records.
import type { SyncMutation } from '@hearth/schema';
import { syncProtocolVersion, wireRecordKey } from '@hearth/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresCluster, startPostgresCluster } from '../../test/postgres-cluster.ts';
import { type ServerFleet, startServerFleet } from '../../test/server-fleet.ts';
import { hashSecret, newDeviceToken } from './device-token.ts';
import { hashPairingCode } from './pairing-code.ts';
import { openPostgres, type PostgresDatabase } from './store/postgres-database.ts';
import { PostgresSyncStore } from './store/postgres-sync-store.ts';
import { syncClient } from './test/http-sync.ts';
import { clockAt, messageChange, pushOf } from './test/records.ts';

let cluster: PostgresCluster;
let fleet: ServerFleet;
let database: PostgresDatabase;
beforeAll(async () => {
  cluster = await startPostgresCluster();
  const url = await cluster.createDatabase('crash');
  fleet = await startServerFleet({ databaseUrl: url, count: 3 });
  database = await openPostgres({ url });
});
afterAll(async () => {
  await fleet?.stop();
  await database?.close();
  await cluster?.stop();
});

/** A deterministic generator (mulberry32), so a failing run can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** A user with `count` devices, made straight in the database. */
async function createDevices(count: number): Promise<{ userId: string; tokens: string[] }> {
  const store = new PostgresSyncStore({ database });
  const tokens = [newDeviceToken()];
  const nowMs = Date.now();
  const first = await store.createUser({ deviceName: 'device 0', tokenHash: hashSecret(tokens[0] ?? ''), nowMs });
  for (let index = 1; index < count; index += 1) {
    const token = newDeviceToken();
    const codeHash = hashPairingCode(`CODE${index}`);
    await store.createPairingCode({ identity: first, codeHash, expiresAt: nowMs + 60_000 });
    await store.redeemPairingCode({ codeHash, deviceName: `device ${index}`, tokenHash: hashSecret(token), nowMs });
    tokens.push(token);
  }
  return { userId: first.userId, tokens };
}

interface DeviceState {
  token: string;
  clockId: string;
  nextId: number;
  /** Every mutation this device sent, acknowledged or not. */
  sent: SyncMutation[];
  /** How many batches went unanswered (their process died) and were retried on another. */
  retried: number;
}

describe('a server process killed mid-push, with two others beside it', () => {
  it('loses no write and applies every batch retried on another process exactly once', async () => {
    const seed = Date.now() % 100_000;
    const next = random(seed);
    const { userId, tokens } = await createDevices(3);
    const devices: DeviceState[] = tokens.map((token, index) => ({
      token,
      clockId: `device${index}`,
      nextId: 1,
      sent: [],
      retried: 0,
    }));

    /** Pushes `batch` to random running processes until one answers (the same ids every time). */
    const pushSomewhere = async (device: DeviceState, batch: SyncMutation[]) => {
      for (let attempt = 1; ; attempt += 1) {
        const client = syncClient({ url: fleet.urlOf(next()), token: device.token, batch: false });
        try {
          const answer = await client.sync.push.mutate(pushOf(batch));
          expect(answer.lastMutationId, `seed ${seed}`).toBe(batch.at(-1)?.mutationId);
          return attempt;
        } catch (error) {
          if (attempt >= 50) throw error;
        }
      }
    };

    const retries = () => devices.reduce((sum, device) => sum + device.retried, 0);
    // Five kills at least, and more until one of them caught a push in flight (almost always the first).
    for (let round = 0; round < 5 || (retries() === 0 && round < 30); round += 1) {
      let stopping = false;
      const hammering = devices.map(async (device) => {
        while (!stopping) {
          const batch = Array.from({ length: 20 }, () => ({
            mutationId: device.nextId++,
            change: messageChange({ content: 'x'.repeat(900), updatedAt: clockAt({ deviceId: device.clockId }) }),
          }));
          device.sent.push(...batch);
          if ((await pushSomewhere(device, batch)) > 1) device.retried += 1;
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 30 + Math.floor(next() * 300)));
      const victim = Math.floor(next() * fleet.members.length);
      await fleet.kill(victim);
      stopping = true;
      await Promise.all(hammering);
      await fleet.restart(victim);
    }

    // Every device, each through another process, pulls the same records: each sent one, once.
    const sent = devices.flatMap((device) => device.sent);
    expect(sent.length, `seed ${seed}`).toBeGreaterThan(devices.length * 20);
    for (const [index, device] of devices.entries()) {
      const reader = syncClient({ url: fleet.members[index]?.url ?? '', token: device.token, batch: false });
      const pulled = new Map<string, unknown>();
      let cursor = 0;
      for (;;) {
        const page = await reader.sync.pull.query({ protocolVersion: syncProtocolVersion, cursor, limit: 1000 });
        for (const change of page.records) {
          const id = wireRecordKey(change);
          expect(pulled.has(id), `record ${id} pulled twice`).toBe(false);
          pulled.set(id, change.record);
        }
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      expect(pulled.size, `seed ${seed}`).toBe(sent.length);
      for (const mutation of sent) {
        const change = mutation.change;
        expect(pulled.get(change.table === 'settings' ? change.record.key : change.record.id)).toEqual(change.record);
      }
    }

    // Each mutation wrote once: one sequence number each, none skipped, none repeated.
    const marks = await database.pool.query(
      `SELECT seq, (SELECT COUNT(*) FROM sync_records) AS rows, (SELECT MAX(seq) FROM sync_records) AS top
       FROM sync_users WHERE id = $1`,
      [userId],
    );
    expect(marks.rows[0]).toEqual({ seq: sent.length, rows: sent.length, top: sent.length });
    const lastIds = await database.pool.query('SELECT last_mutation_id FROM sync_devices ORDER BY ordinal');
    expect(lastIds.rows.map((row) => row.last_mutation_id)).toEqual(devices.map((device) => device.nextId - 1));
    // Not vacuous: some pushes died with their process and were retried on another.
    expect(
      devices.reduce((sum, device) => sum + device.retried, 0),
      `seed ${seed}`,
    ).toBeGreaterThan(0);
  }, 600_000);
});
