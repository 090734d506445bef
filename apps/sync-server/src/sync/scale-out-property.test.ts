// QUALITY 25 and 27 with several server processes on PostgreSQL: the devices of sync-property.test.ts
// (the client's own engine, through a network that drops requests, loses answers and duplicates them)
// talk to three real server processes, each request to a random one, and in about half of the runs a
// process is SIGKILLed in the middle of a step (its requests fail; the engine retries on the others,
// and the process is started again). After quiescence every device equals the server, no acknowledged
// write is lost unless a later one replaced it, and no deleted record comes back. The servers keep
// their own clock, so `wait` steps pass no time and tombstones are not purged here (the purge
// property runs on both stores in process: tombstone-horizon.test.ts and sync-property.test.ts).
import { type SyncPoke, syncLimits, syncPokeSchema } from '@hearth/schema';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresCluster, startPostgresCluster } from '../../test/postgres-cluster.ts';
import { type ServerFleet, startServerFleet } from '../../test/server-fleet.ts';
import { hashSecret, newDeviceToken } from './device-token.ts';
import { hashPairingCode } from './pairing-code.ts';
import { pokeChannel } from './postgres-poke-hub.ts';
import { openPostgres, type PostgresDatabase } from './store/postgres-database.ts';
import { PostgresSyncStore } from './store/postgres-sync-store.ts';
import type { SyncIdentity } from './store/sync-store.ts';
import {
  type AppVersion,
  DeviceSimulation,
  hostClock,
  type SimulationStep,
  seedSharedRecords,
  simulationStepArbitrary,
} from './test/core-sync-testkit.ts';
import { fleetTransport } from './test/fleet-transport.ts';

const hour = 3_600_000;
const smallBatches = {
  mutationsPerPush: 3,
  bytesPerRecord: syncLimits.bytesPerRecord,
  bytesPerPush: syncLimits.bytesPerPush,
};
const smallPages = 3;
const deviceCount = 3;
const skewArb = fc.integer({ min: -hour, max: 4 * 60_000 });
const stepsArb = fc.array(simulationStepArbitrary({ deviceCount, maxWaitMs: 10 * 60_000 }), {
  minLength: 10,
  maxLength: 40,
  size: 'max',
});
/** In about half the runs: during which step a process dies, and which. */
const killArb = fc.option(fc.record({ step: fc.nat(39), victim: fc.nat(2) }), { freq: 2 });

let cluster: PostgresCluster;
let fleet: ServerFleet;
let database: PostgresDatabase;
let store: PostgresSyncStore;
let listener: pg.Client;
/** Every poke any process published, by user, as the live channels carried them. */
const pokesByUser = new Map<string, SyncPoke[]>();
beforeAll(async () => {
  cluster = await startPostgresCluster();
  const url = await cluster.createDatabase('property');
  fleet = await startServerFleet({ databaseUrl: url, count: 3 });
  database = await openPostgres({ url });
  store = new PostgresSyncStore({ database });
  listener = new pg.Client({ connectionString: url });
  await listener.connect();
  listener.on('notification', (message) => {
    const notice = JSON.parse(message.payload ?? '{}') as { type?: string; userId?: string; poke?: unknown };
    const poke = syncPokeSchema.safeParse(notice.poke);
    if (notice.type !== 'poke' || notice.userId === undefined || !poke.success) return;
    pokesByUser.set(notice.userId, [...(pokesByUser.get(notice.userId) ?? []), poke.data]);
  });
  await listener.query(`LISTEN ${pokeChannel}`);
});
afterAll(async () => {
  await listener?.end();
  await fleet?.stop();
  await database?.close();
  await cluster?.stop();
});

/** A fresh user per run (users never see each other's data), whose devices talk to random processes. */
function fleetServer(pick: () => number) {
  let first: SyncIdentity | undefined;
  let pairings = 0;
  const connect = async () => {
    const token = newDeviceToken();
    const tokenHash = hashSecret(token);
    const nowMs = Date.now();
    let identity: SyncIdentity | undefined;
    if (first === undefined) {
      identity = first = await store.createUser({ deviceName: 'device', tokenHash, nowMs });
    } else {
      pairings += 1;
      const codeHash = hashPairingCode(`${first.userId}-${pairings}`);
      await store.createPairingCode({ identity: first, codeHash, expiresAt: nowMs + 60_000 });
      identity = await store.redeemPairingCode({ codeHash, deviceName: 'device', tokenHash, nowMs });
    }
    if (identity === undefined) throw new Error('pairing failed');
    return { deviceId: identity.deviceId, transport: fleetTransport({ fleet, token, pick }) };
  };
  const pokes = () => (first === undefined ? [] : (pokesByUser.get(first.userId) ?? []));
  return { connect, pokes };
}

/** Runs the steps, killing a process during one of them when `kill` says so, then settles and checks. */
async function runOnFleet(options: {
  seed: number;
  skewsMs: number[];
  steps: SimulationStep[];
  kill: { step: number; victim: number } | null;
  versions?: AppVersion[];
}): Promise<string[]> {
  const pick = mulberry32(options.seed);
  const server = fleetServer(pick);
  const simulation = await DeviceSimulation.start({
    connect: server.connect,
    skewsMs: options.skewsMs,
    clock: hostClock,
    limits: smallBatches,
    pullPageSize: smallPages,
    pokes: server.pokes,
    ...(options.versions === undefined ? {} : { versions: options.versions }),
  });
  await seedSharedRecords(simulation);
  for (const [index, step] of options.steps.entries()) {
    if (options.kill?.step === index) {
      await Promise.all([simulation.run(step), fleet.kill(options.kill.victim)]);
      await fleet.restart(options.kill.victim);
    } else {
      await simulation.run(step);
    }
  }
  await simulation.settle();
  return simulation.check();
}

/** A deterministic generator, so each run's choice of processes replays from its seed. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

describe('devices syncing through three server processes on PostgreSQL', () => {
  it('converge on the newest version of every record, whatever the clocks, the network and the processes do', async () => {
    let kills = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(skewArb, { minLength: 2, maxLength: deviceCount }),
        stepsArb,
        killArb,
        fc.nat(),
        async (skewsMs, steps, kill, seed) => {
          if (kill !== null && kill.step < steps.length) kills += 1;
          expect(await runOnFleet({ seed, skewsMs, steps, kill })).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
    // Not vacuous: processes died mid-run, and pokes crossed between processes.
    expect(kills).toBeGreaterThan(0);
    expect([...pokesByUser.values()].flat().length).toBeGreaterThan(0);
  }, 1_500_000);

  it('share one account across app versions: every field either version wrote survives', async () => {
    const versionsArb = fc.array(fc.constantFrom('current' as const, 'newer' as const), {
      minLength: 2,
      maxLength: deviceCount,
    });
    await fc.assert(
      fc.asyncProperty(versionsArb, stepsArb, fc.nat(), async (versions, steps, seed) => {
        const skewsMs = versions.map(() => 0);
        expect(await runOnFleet({ seed, skewsMs, steps, kill: null, versions })).toEqual([]);
      }),
      { numRuns: 15 },
    );
  }, 900_000);
});
