import type { SyncPoke, SyncRecord } from '@hearth/schema';
import { HybridClock } from '../../clock/hybrid-clock.ts';
import { defaultPushLimits, type PushLimits } from '../push-limits.ts';
import { recordRef, refKey } from '../record-ref.ts';
import { runSyncRound } from '../sync-round.ts';
import type { SyncTransport } from '../sync-transport.ts';
import type { TransportFault } from './faulty-transport.ts';
import { findDivergence } from './find-divergence.ts';
import { MemoryStore } from './memory-store.ts';
import { type AppVersion, SimulatedDevice } from './simulated-device.ts';
import type { SimulationClock } from './simulation-clock.ts';
import { unknownFieldPaths } from './unknown-fields.ts';

/** A device known to the server under test, with a transport authenticated as it; the id is also its clock's tiebreak. */
export interface ConnectedDevice {
  deviceId: string;
  transport: SyncTransport;
}

export interface SimulationOptions {
  /** Registers device number `index` with the server under test (any transport: in memory or real). */
  connect: (index: number) => ConnectedDevice | Promise<ConnectedDevice>;
  /** One entry per device: its wall clock's offset from the true time. */
  skewsMs: readonly number[];
  clock: SimulationClock;
  limits?: PushLimits;
  pullPageSize?: number;
  /** Each device's app version (default: all current). */
  versions?: readonly AppVersion[];
  /** The pokes the live channel sent so far, oldest first, for `deliver_poke` steps. */
  pokes?: () => readonly SyncPoke[];
}

/** One thing that happens; device numbers wrap around the device count. */
export type SimulationStep =
  | { kind: 'create'; device: number; table: 'chats' | 'messages' }
  | { kind: 'edit'; device: number; pick: number }
  | { kind: 'delete'; device: number; pick: number }
  | { kind: 'sync'; device: number; faults: TransportFault[] }
  | { kind: 'sync_together'; devices: [number, number] }
  | { kind: 'edit_while_syncing'; device: number; edits: { pick: number; after: number; remove: boolean }[] }
  | { kind: 'offline'; device: number; offline: boolean }
  | { kind: 'reload'; device: number }
  /** The live channel hands the device poke number `pick` (any one: late, repeated, out of order), with or without its changes. */
  | { kind: 'deliver_poke'; device: number; pick: number; withChanges: boolean }
  | { kind: 'wait'; ms: number };

/**
 * Several devices syncing with one server through unreliable networks. It remembers the newest version
 * of each record any device wrote and the server received, so `check()` can tell a lost write from one
 * that lost fairly to a newer one.
 */
export class DeviceSimulation {
  readonly devices: SimulatedDevice[];
  readonly problems: string[] = [];
  readonly #options: SimulationOptions;
  readonly #delivered = new Map<string, SyncRecord>();
  readonly #written = new Map<string, SyncRecord>();
  // Per version (record and clock), the fields unknown to the current schema that its writer gave it.
  readonly #authoredUnknown = new Map<string, readonly string[]>();

  private constructor(options: SimulationOptions, devices: SimulatedDevice[]) {
    this.#options = options;
    this.devices = devices;
  }

  /** Connects one device per skew. */
  static async start(options: SimulationOptions): Promise<DeviceSimulation> {
    const devices: SimulatedDevice[] = [];
    const simulation = new DeviceSimulation(options, devices);
    for (const [index, skewMs] of options.skewsMs.entries()) {
      const { deviceId, transport } = await options.connect(index);
      devices.push(
        new SimulatedDevice({
          deviceId,
          transport,
          wallMs: () => options.clock.now() + skewMs,
          onDelivered: (change) => keepNewest(simulation.#delivered, change),
          onWritten: (change, replaced) => {
            keepNewest(simulation.#written, change);
            simulation.#checkKeptUnknownFields(change, replaced);
          },
          onProblem: (problem) => simulation.problems.push(problem),
          limits: options.limits ?? defaultPushLimits,
          version: options.versions?.[index] ?? 'current',
          ...(options.pullPageSize === undefined ? {} : { pullPageSize: options.pullPageSize }),
        }),
      );
    }
    return simulation;
  }

  /** Performs one step. */
  async run(step: SimulationStep): Promise<void> {
    switch (step.kind) {
      case 'create':
        return this.#device(step.device).create(step.table);
      case 'edit':
        return this.#device(step.device).edit(step.pick);
      case 'delete':
        return this.#device(step.device).remove(step.pick);
      case 'sync':
        await this.#device(step.device).sync(step.faults);
        return;
      case 'sync_together': {
        const [a, b] = step.devices.map((index) => this.#device(index));
        if (a === undefined || b === undefined || a === b) return;
        await Promise.all([a.sync(), b.sync()]);
        return;
      }
      case 'edit_while_syncing':
        return this.#device(step.device).syncWhileEditing(step.edits);
      case 'offline':
        this.#device(step.device).transport.offline = step.offline;
        return;
      case 'reload':
        return this.#device(step.device).reload();
      case 'deliver_poke': {
        const pokes = this.#options.pokes?.() ?? [];
        const poke = pokes[step.pick % Math.max(1, pokes.length)];
        if (poke === undefined) return;
        return this.#device(step.device).receivePoke(step.withChanges ? poke : { cursor: poke.cursor });
      }
      case 'wait':
        this.#options.clock.advance(step.ms);
        return;
    }
  }

  /** Heals the networks, then syncs the devices in turn until a whole pass changes nothing. */
  async settle(options: { devices?: readonly number[]; maxPasses?: number } = {}): Promise<void> {
    const devices = options.devices?.map((index) => this.#device(index)) ?? this.devices;
    const maxPasses = options.maxPasses ?? 8;
    for (const device of devices) device.transport.offline = false;
    for (let pass = 0; pass < maxPasses; pass++) {
      let changed = false;
      for (const device of devices) {
        const report = await device.sync();
        if (report === null) {
          this.problems.push(`${device.deviceId} failed to sync on a healthy network`);
          return;
        }
        if (report.pushed > 0 || report.applied > 0 || report.dropped.length > 0) changed = true;
      }
      if (!changed) return;
    }
    this.problems.push(`devices still changing after ${maxPasses} passes`);
  }

  /** What the server holds, as a device that has never synced pulls it. */
  async serverRecords(): Promise<SyncRecord[]> {
    const { transport } = await this.#options.connect(this.devices.length);
    const store = new MemoryStore();
    await runSyncRound({
      store,
      transport,
      clock: new HybridClock({ deviceId: 'observer' }),
      limits: defaultPushLimits,
    });
    return store.records();
  }

  /**
   * Every way the end state breaks the sync guarantees, after `settle()`; empty when all hold. `purged`
   * names records whose tombstones the server has forgotten: they may be missing or tombstones.
   */
  async check(options: { purged?: ReadonlySet<string> } = {}): Promise<string[]> {
    const server = await this.serverRecords();
    const stores = await Promise.all(
      this.devices.map(async (device) => ({ device, state: await device.store.syncState(), store: device.store })),
    );
    return [
      ...this.problems,
      ...findDivergence({
        server,
        delivered: this.#delivered,
        written: this.#written,
        devices: stores.map(({ device, state, store }) => ({
          deviceId: device.deviceId,
          records: store.records(),
          pending: store.outbox().length + (state.inFlight?.length ?? 0),
        })),
        purged: options.purged ?? new Set(),
      }),
    ];
  }

  /**
   * Records evolve: a device replacing a live version must keep every field that version's writer gave
   * it and this device's schema does not know, exactly as written, even after the version travelled
   * through the server and other devices. (The newest version winning everywhere is checked by
   * findDivergence; together, no field of an acknowledged write is lost unless a later write that never
   * saw it replaced the record.)
   */
  #checkKeptUnknownFields(change: SyncRecord, replaced: SyncRecord | undefined): void {
    const versionKey = (record: SyncRecord) => `${refKey(recordRef(record))}@${record.record.updatedAt}`;
    const written = unknownFieldPaths(change);
    this.#authoredUnknown.set(versionKey(change), written);
    if (replaced === undefined || change.record.deleted) return;
    const owed = this.#authoredUnknown.get(versionKey(replaced)) ?? [];
    const present = new Set(written);
    const lost = owed.filter((path) => !present.has(path));
    if (lost.length > 0) {
      this.problems.push(`${versionKey(change)} lost the fields ${lost.join(', ')} of ${replaced.record.updatedAt}`);
    }
  }

  #device(index: number): SimulatedDevice {
    const device = this.devices[index % this.devices.length];
    if (device === undefined) throw new Error('a simulation needs at least one device');
    return device;
  }
}

function keepNewest(versions: Map<string, SyncRecord>, change: SyncRecord): void {
  const key = refKey(recordRef(change));
  const known = versions.get(key);
  if (known === undefined || change.record.updatedAt > known.record.updatedAt) versions.set(key, change);
}
