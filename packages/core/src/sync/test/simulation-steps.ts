import fc from 'fast-check';
import { transportFaults } from './faulty-transport.ts';
import type { SimulationStep } from './simulate-devices.ts';

/** Random steps for `DeviceSimulation.run`: edits, creates and deletes, sync rounds over a failing network, reloads, time passing. */
export function simulationStepArbitrary(options: {
  deviceCount: number;
  maxWaitMs: number;
}): fc.Arbitrary<SimulationStep> {
  const device = fc.nat({ max: options.deviceCount - 1 });
  const pick = fc.nat({ max: 1_000 });
  const step = <T extends SimulationStep>(arbitrary: fc.Arbitrary<T>, weight: number) => ({ arbitrary, weight });
  return fc.oneof(
    step(fc.record({ kind: fc.constant('edit' as const), device, pick }), 4),
    step(
      fc.record({
        kind: fc.constant('create' as const),
        device,
        table: fc.constantFrom('chats' as const, 'messages' as const),
      }),
      2,
    ),
    step(fc.record({ kind: fc.constant('delete' as const), device, pick }), 2),
    step(
      fc.record({
        kind: fc.constant('sync' as const),
        device,
        faults: fc.array(fc.constantFrom(...transportFaults), { maxLength: 3 }),
      }),
      4,
    ),
    step(fc.record({ kind: fc.constant('sync_together' as const), devices: fc.tuple(device, device) }), 1),
    step(
      fc.record({
        kind: fc.constant('edit_while_syncing' as const),
        device,
        edits: fc.array(fc.record({ pick, after: fc.nat({ max: 40 }), remove: fc.boolean() }), {
          minLength: 1,
          maxLength: 3,
        }),
      }),
      2,
    ),
    step(fc.record({ kind: fc.constant('offline' as const), device, offline: fc.boolean() }), 1),
    step(fc.record({ kind: fc.constant('reload' as const), device }), 1),
    step(fc.record({ kind: fc.constant('deliver_poke' as const), device, pick, withChanges: fc.boolean() }), 3),
    step(fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: options.maxWaitMs }) }), 1),
  );
}
