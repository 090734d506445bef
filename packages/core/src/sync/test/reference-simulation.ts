import { syncLimits } from '@hearth/schema';
import type { PushLimits } from '../push-limits.ts';
import type { SyncTransport } from '../sync-transport.ts';
import { ReferenceSyncServer } from './reference-server.ts';
import { referenceTransport } from './reference-transport.ts';
import { DeviceSimulation } from './simulate-devices.ts';
import type { AppVersion } from './simulated-device.ts';
import { virtualClock } from './simulation-clock.ts';

/** The start of simulated time. */
export const simulationStartMs = 1_700_000_000_000;

// Small batches and pages so a handful of records already spans several of each.
const smallLimits: PushLimits = { ...syncLimits, mutationsPerPush: 3 };
const smallPages = 3;

/** Devices syncing with the in-memory reference server on virtual time; `wrap` can tamper with each transport. */
export async function referenceSimulation(options: {
  skewsMs: readonly number[];
  wrap?: (transport: SyncTransport) => SyncTransport;
  versions?: readonly AppVersion[];
}): Promise<{ server: ReferenceSyncServer; simulation: DeviceSimulation }> {
  const clock = virtualClock(simulationStartMs);
  const server = new ReferenceSyncServer({ now: clock.now });
  const wrap = options.wrap ?? ((transport) => transport);
  const simulation = await DeviceSimulation.start({
    connect: (index) => ({ deviceId: `device${index}`, transport: wrap(referenceTransport(server, `device${index}`)) }),
    skewsMs: options.skewsMs,
    clock,
    limits: smallLimits,
    pullPageSize: smallPages,
    pokes: () => server.pokes,
    ...(options.versions === undefined ? {} : { versions: options.versions }),
  });
  return { server, simulation };
}

/** Creates records on the first device and syncs everyone, so later edits and deletes collide. */
export async function seedSharedRecords(simulation: DeviceSimulation): Promise<void> {
  for (const table of ['chats', 'chats', 'messages', 'messages'] as const) {
    await simulation.run({ kind: 'create', device: 0, table });
  }
  await simulation.settle();
}
