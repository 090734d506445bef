import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SyncTransport } from './sync-transport.ts';
import { referenceSimulation, type SimulationStep, seedSharedRecords, simulationStepArbitrary } from './test/index.ts';

const hour = 3_600_000;
// Wall clocks up to an hour behind the server and a few minutes ahead (more is refused as clock_ahead).
const skewArb = fc.integer({ min: -hour, max: 4 * 60_000 });
const stepsArb = fc.array(simulationStepArbitrary({ deviceCount: 3, maxWaitMs: 10 * 60_000 }), {
  minLength: 10,
  maxLength: 40,
  size: 'max',
});

describe('devices syncing through an unreliable network', () => {
  it('converge on the newest version of every record, whatever the interleaving', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(skewArb, { minLength: 2, maxLength: 3 }), stepsArb, async (skewsMs, steps) => {
        const { simulation } = await referenceSimulation({ skewsMs });
        await seedSharedRecords(simulation);
        for (const step of steps) await simulation.run(step);
        await simulation.settle();
        expect(await simulation.check()).toEqual([]);
      }),
      { numRuns: 300 },
    );
  }, 600_000);

  it('share one account across app versions without losing a field either version wrote', async () => {
    const versionsArb = fc.array(fc.constantFrom('current' as const, 'newer' as const), { minLength: 2, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(versionsArb, stepsArb, async (versions, steps) => {
        const { simulation } = await referenceSimulation({ skewsMs: versions.map(() => 0), versions });
        await seedSharedRecords(simulation);
        for (const step of steps) await simulation.run(step);
        await simulation.settle();
        expect(await simulation.check()).toEqual([]);
      }),
      { numRuns: 200 },
    );
  }, 600_000);

  it('catch an older version that drops the fields it does not know', async () => {
    // The same history as above with an editor that forgets unknown fields must fail the check.
    const { simulation } = await referenceSimulation({ skewsMs: [0, 0], versions: ['newer', 'current'] });
    await seedSharedRecords(simulation);
    const [, older] = simulation.devices;
    if (older === undefined) throw new Error('two devices');
    older.forgetUnknownFields = true;
    await simulation.run({ kind: 'edit', device: 1, pick: 0 });
    await simulation.settle();
    expect((await simulation.check()).join('\n')).toContain('lost the fields');
  });

  it('keep a delete made an hour behind after seeing an edit, with both devices offline', async () => {
    const { simulation } = await referenceSimulation({ skewsMs: [0, -hour] });
    await seedSharedRecords(simulation);
    const steps: SimulationStep[] = [
      { kind: 'edit', device: 0, pick: 0 },
      { kind: 'sync', device: 0, faults: [] },
      { kind: 'sync', device: 1, faults: [] },
      { kind: 'offline', device: 0, offline: true },
      { kind: 'offline', device: 1, offline: true },
      { kind: 'wait', ms: 60_000 },
      // Device 1's wall clock is an hour behind the edit it has seen; its delete must still win.
      { kind: 'delete', device: 1, pick: 0 },
      { kind: 'edit', device: 0, pick: 1 },
      { kind: 'edit', device: 1, pick: 0 },
      { kind: 'sync', device: 1, faults: [] },
      { kind: 'sync', device: 0, faults: [] },
    ];
    for (const step of steps) await simulation.run(step);
    await simulation.settle();
    expect(await simulation.check()).toEqual([]);
    for (const device of simulation.devices) expect(device.store.records()[0]?.record.deleted).toBe(true);
  });

  it('are caught by the check when a pull loses records', async () => {
    let dropped = 0;
    const lossy = (transport: SyncTransport): SyncTransport => ({
      push: (request) => transport.push(request),
      pull: async (request) => {
        const page = await transport.pull(request);
        if (page.records.length === 0) return page;
        dropped += 1;
        return { ...page, records: page.records.slice(1) };
      },
    });
    const { simulation } = await referenceSimulation({ skewsMs: [0, 0], wrap: lossy });
    await seedSharedRecords(simulation);
    expect(dropped).toBeGreaterThan(0);
    expect(await simulation.check()).not.toEqual([]);
  });
});
