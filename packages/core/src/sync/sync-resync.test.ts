import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceSimulation, seedSharedRecords, simulationStepArbitrary } from './test/index.ts';

const hour = 3_600_000;
const skewsArb = fc.tuple(...[0, 1, 2].map(() => fc.integer({ min: -hour, max: 4 * 60_000 })));
const stepsFor = (deviceCount: number) =>
  fc.array(simulationStepArbitrary({ deviceCount, maxWaitMs: 10 * 60_000 }), { maxLength: 25, size: 'max' });

describe('a device away longer than the server keeps tombstones', () => {
  it('resyncs from scratch: drops what the server forgot, keeps what it created while away, converges', async () => {
    const seen = { resynced: 0, dropped: 0 };
    await fc.assert(
      fc.asyncProperty(
        skewsArb,
        stepsFor(3),
        stepsFor(2),
        fc.array(fc.constantFrom('chats' as const, 'messages' as const), { maxLength: 4 }),
        async (skewsMs, before, whileAway, createdAway) => {
          const { server, simulation } = await referenceSimulation({ skewsMs });
          await seedSharedRecords(simulation);
          for (const step of before) await simulation.run(step);
          await simulation.settle();
          // Device 2 leaves fully synced. While it is away it only creates records: an edit to a record
          // whose tombstone the server then forgets would come back, which is why servers keep tombstones
          // for longer than devices stay away.
          for (const step of whileAway) await simulation.run(step);
          for (const table of createdAway) await simulation.run({ kind: 'create', device: 2, table });
          await simulation.settle({ devices: [0, 1] });
          const purged = new Set(server.compactTombstones());

          const away = simulation.devices[2];
          const report = await away?.sync();
          expect(simulation.problems).toEqual([]);
          expect(report).not.toBeNull();
          if (report?.resynced) seen.resynced += 1;
          if ((report?.dropped.length ?? 0) > 0) seen.dropped += 1;
          await simulation.settle();
          expect(await simulation.check({ purged })).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
    // The property is not vacuous: devices did resync, and some dropped records the server forgot.
    expect(seen.resynced).toBeGreaterThan(0);
    expect(seen.dropped).toBeGreaterThan(0);
  }, 600_000);
});
