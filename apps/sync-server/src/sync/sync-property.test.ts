// QUALITY 25 against the real server code: devices with clocks up to an hour apart edit and delete the
// same records while offline, through a network that drops requests, loses answers and duplicates them;
// after quiescence every device equals the server, no acknowledged write is lost unless a later one
// replaced it, and no deleted record comes back. The devices are the client's own engine (packages/core's
// simulation); the server is this router on SQLite, called in-process. QUALITY 27 the same way: devices
// of two app versions (the newer writing fields this version does not know, nested too) share the account.
import { type SyncPoke, syncLimits } from '@hearth/schema';
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrations } from '../storage/migrations.ts';
import { runMigrations } from '../storage/run-migrations.ts';
import { appRouter } from './app-router.ts';
import { hashSecret, newDeviceToken } from './device-token.ts';
import { hashPairingCode } from './pairing-code.ts';
import type { SyncIdentity } from './store/sync-store.ts';
import { callerContext, createSyncServices } from './sync-services.ts';
import {
  type AppVersion,
  DeviceSimulation,
  seedSharedRecords,
  simulationStepArbitrary,
  virtualClock,
} from './test/core-sync-testkit.ts';
import { testNowMs } from './test/records.ts';
import { routerTransport } from './test/router-transport.ts';

const hour = 3_600_000;
// Small batches and pages, so a handful of records spans several of each (retries overlap batches).
const smallBatches = {
  mutationsPerPush: 3,
  bytesPerRecord: syncLimits.bytesPerRecord,
  bytesPerPush: syncLimits.bytesPerPush,
};
const smallPages = 3;
const deviceCount = 3;
// Wall clocks up to an hour behind the server and a few minutes ahead (more is refused as clock_ahead).
const skewArb = fc.integer({ min: -hour, max: 4 * 60_000 });
const stepsArb = fc.array(simulationStepArbitrary({ deviceCount, maxWaitMs: 10 * 60_000 }), {
  minLength: 10,
  maxLength: 40,
  size: 'max',
});

/** How often the server refused with each sync code, across runs (to show a property is not vacuous). */
const refusals = new Map<string, number>();

/** A fresh server per run: the real store and router on an in-memory SQLite database. */
function startServer(clock: { now(): number }) {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  runMigrations({ db, migrations });
  const services = createSyncServices({ db, now: clock.now });
  // Every poke the live channel would send, for the simulation to deliver late, twice or out of order.
  const pokes: SyncPoke[] = [];
  const poke = services.hub.poke.bind(services.hub);
  services.hub.poke = (userId, sent) => {
    pokes.push(structuredClone(sent));
    poke(userId, sent);
  };
  let first: SyncIdentity | undefined;
  let pairings = 0;
  /** A new device of the one user (the first creates it), with a transport acting as that device. */
  const connect = async () => {
    const token = newDeviceToken();
    const tokenHash = hashSecret(token);
    const nowMs = clock.now();
    let identity: SyncIdentity | undefined;
    if (first === undefined) {
      identity = first = await services.store.createUser({ deviceName: 'device', tokenHash, nowMs });
    } else {
      pairings += 1;
      const codeHash = hashPairingCode(`PAIR${pairings}`);
      await services.store.createPairingCode({ identity: first, codeHash, expiresAt: nowMs + 60_000 });
      identity = await services.store.redeemPairingCode({ codeHash, deviceName: 'device', tokenHash, nowMs });
    }
    if (identity === undefined) throw new Error('pairing failed');
    const caller = appRouter.createCaller(callerContext({ services, token }));
    const onRefused = (code: string) => refusals.set(code, (refusals.get(code) ?? 0) + 1);
    return { deviceId: identity.deviceId, transport: routerTransport(caller, { onRefused }) };
  };
  /** Purges tombstones older than `horizonMs`, returning the refs (`table/key`) it forgot. */
  const purge = async (horizonMs: number) => {
    const before = clock.now() - horizonMs;
    const refs = db
      .prepare("SELECT table_name || '/' || record_key FROM sync_records WHERE deleted = 1 AND changed_at < ?")
      .pluck()
      .all(before) as string[];
    await services.store.purge({ nowMs: clock.now(), horizonMs });
    return refs;
  };
  return { db, connect, purge, pokes };
}

/** Devices with the given clock skews, connected to `server`, sharing a few seeded records. */
async function startSimulation(options: {
  server: ReturnType<typeof startServer>;
  skewsMs: number[];
  clock: ReturnType<typeof virtualClock>;
  versions?: AppVersion[];
}) {
  const simulation = await DeviceSimulation.start({
    connect: options.server.connect,
    skewsMs: options.skewsMs,
    clock: options.clock,
    limits: smallBatches,
    pullPageSize: smallPages,
    pokes: () => options.server.pokes,
    ...(options.versions === undefined ? {} : { versions: options.versions }),
  });
  await seedSharedRecords(simulation);
  return simulation;
}

describe('devices syncing with the real server', () => {
  it('converge on the newest version of every record, whatever the clocks and the network do', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(skewArb, { minLength: 2, maxLength: deviceCount }),
        stepsArb,
        async (skewsMs, steps) => {
          const clock = virtualClock(testNowMs);
          const server = startServer(clock);
          try {
            const simulation = await startSimulation({ server, skewsMs, clock });
            for (const step of steps) await simulation.run(step);
            await simulation.settle();
            expect(await simulation.check()).toEqual([]);
            expect(server.db.pragma('integrity_check', { simple: true })).toBe('ok');
          } finally {
            server.db.close();
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 600_000);

  it('share one account across app versions: every field either version wrote survives', async () => {
    const versionsArb = fc.array(fc.constantFrom('current' as const, 'newer' as const), {
      minLength: 2,
      maxLength: deviceCount,
    });
    await fc.assert(
      fc.asyncProperty(versionsArb, stepsArb, async (versions, steps) => {
        const clock = virtualClock(testNowMs);
        const server = startServer(clock);
        try {
          const skewsMs = versions.map(() => 0);
          const simulation = await startSimulation({ server, skewsMs, clock, versions });
          for (const step of steps) await simulation.run(step);
          await simulation.settle();
          expect(await simulation.check()).toEqual([]);
        } finally {
          server.db.close();
        }
      }),
      { numRuns: 200 },
    );
  }, 600_000);

  it('also converge when the server forgets old tombstones and devices that were away start over', async () => {
    const horizonMs = 5 * 60_000;
    let runsWithPurges = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(skewArb, { minLength: 2, maxLength: deviceCount }),
        stepsArb,
        async (skewsMs, steps) => {
          const clock = virtualClock(testNowMs);
          const server = startServer(clock);
          try {
            const simulation = await startSimulation({ server, skewsMs, clock });
            const purged = new Set<string>();
            for (const step of steps) {
              await simulation.run(step);
              // The purge runs hourly in production; here after every step, with a horizon shorter than a few waits.
              for (const ref of await server.purge(horizonMs)) purged.add(ref);
            }
            await simulation.settle();
            expect(await simulation.check({ purged })).toEqual([]);
            if (purged.size > 0) runsWithPurges += 1;
          } finally {
            server.db.close();
          }
        },
      ),
      { numRuns: 200 },
    );
    // Not vacuous: tombstones were forgotten, and devices were told to start over.
    expect(runsWithPurges).toBeGreaterThan(0);
    expect(refusals.get('resync_required') ?? 0).toBeGreaterThan(0);
  }, 600_000);
});
