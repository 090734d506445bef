import type { SyncRecord } from '@hearth/schema';
import { HybridClock } from '../../clock/hybrid-clock.ts';
import { newChat, newUserMessage, type RecordContext } from '../../records/new-records.ts';
import type { PushLimits } from '../push-limits.ts';
import { recordLocalChanges } from '../record-local-change.ts';
import { refKey } from '../record-ref.ts';
import { SyncEngine } from '../sync-engine.ts';
import type { SyncRoundReport } from '../sync-round.ts';
import type { SyncTransport } from '../sync-transport.ts';
import { FaultyTransport, type TransportFault } from './faulty-transport.ts';
import { MemoryStore } from './memory-store.ts';

export interface SimulatedDeviceOptions {
  deviceId: string;
  transport: SyncTransport;
  /** This device's wall clock. */
  wallMs: () => number;
  onDelivered: (change: SyncRecord) => void;
  /** Every version this device writes locally. */
  onWritten: (change: SyncRecord) => void;
  /** Something the device saw that breaks an invariant (reported, so the property fails with a reason). */
  onProblem: (problem: string) => void;
  limits?: PushLimits;
  pullPageSize?: number;
}

/** Retries only when a test says so: a `sync()` step resumes the engine. */
const manualTimer = { schedule: () => () => {} };

/**
 * One device as the app would run it: a store, a hybrid clock on its own (skewed) wall clock, a sync
 * engine, and a network that can fail. Local changes are written with their outbox entries.
 */
export class SimulatedDevice {
  readonly deviceId: string;
  readonly store = new MemoryStore();
  readonly transport: FaultyTransport;
  readonly #options: SimulatedDeviceOptions;
  #clock: HybridClock;
  #engine: SyncEngine;
  #lastReport: SyncRoundReport | null = null;
  #edits = 0;

  constructor(options: SimulatedDeviceOptions) {
    this.#options = options;
    this.deviceId = options.deviceId;
    this.transport = new FaultyTransport({
      inner: options.transport,
      onDelivered: (request) => {
        for (const mutation of request.mutations) options.onDelivered(mutation.change);
      },
    });
    this.#clock = new HybridClock({ deviceId: options.deviceId, now: options.wallMs });
    this.#engine = this.#newEngine();
  }

  /** Creates a chat, or a message in a chat this device knows. */
  create(table: 'chats' | 'messages'): Promise<void> {
    return this.#write(async (live) => {
      const context: RecordContext = { clock: this.#clock, nowMs: Math.max(0, this.#options.wallMs()) };
      if (table === 'chats') return { table, record: newChat(context, { title: `chat from ${this.deviceId}` }) };
      const chatId = live.find((change) => change.table === 'chats')?.record.id ?? newChat(context).id;
      return { table, record: newUserMessage(context, { chatId, content: `hi from ${this.deviceId}` }) };
    });
  }

  /** Edits a live record (chosen by `pick`), as a person would: only what this device shows. */
  edit(pick: number): Promise<void> {
    return this.#write(async (live) => {
      const current = live[pick % live.length];
      if (current === undefined) return undefined;
      return revise(current, { updatedAt: this.#tick(current), text: `${this.deviceId} edit ${++this.#edits}` });
    });
  }

  /** Deletes a live record (a tombstone). */
  remove(pick: number): Promise<void> {
    return this.#write(async (live) => {
      const current = live[pick % live.length];
      return current === undefined ? undefined : revise(current, { updatedAt: this.#tick(current), deleted: true });
    });
  }

  /** Edits (or deletes) while a sync round runs, each after `after` turns of the event loop. */
  async syncWhileEditing(edits: readonly { pick: number; after: number; remove: boolean }[]): Promise<void> {
    const round = this.sync();
    for (const edit of edits) {
      for (let turn = 0; turn < edit.after; turn++) await Promise.resolve();
      await (edit.remove ? this.remove(edit.pick) : this.edit(edit.pick));
    }
    await round;
  }

  /** One sync round (pending retries included), with faults for its first requests; the round's report, or null when it failed. */
  async sync(faults: readonly TransportFault[] = []): Promise<SyncRoundReport | null> {
    this.transport.plan(faults);
    this.#lastReport = null;
    this.#engine.resume();
    await this.#engine.settled();
    this.transport.plan([]);
    const status = this.#engine.status;
    if (status.state === 'error' && status.retryInMs === null) {
      this.#options.onProblem(`${this.deviceId} stopped syncing: ${status.code}`);
    }
    return this.#lastReport;
  }

  /** A page reload: a new engine and clock over the same stored data (the clock resumes from its last reading). */
  async reload(): Promise<void> {
    await this.#engine.stop();
    this.#clock = new HybridClock({ deviceId: this.deviceId, now: this.#options.wallMs, last: this.#clock.last });
    this.#engine = this.#newEngine();
  }

  #newEngine(): SyncEngine {
    return new SyncEngine({
      store: this.store,
      transport: this.transport,
      clock: this.#clock,
      timer: manualTimer,
      random: () => 0.5,
      ...(this.#options.limits === undefined ? {} : { limits: this.#options.limits }),
      ...(this.#options.pullPageSize === undefined ? {} : { pullPageSize: this.#options.pullPageSize }),
      onRound: (report) => {
        this.#lastReport = report;
      },
    });
  }

  // Reads and writes in one transaction, as the app does, so a pulled page cannot land in between.
  async #write(change: (live: SyncRecord[]) => Promise<SyncRecord | undefined>): Promise<void> {
    const written = await this.store.transaction(async (access) => {
      const refs = (await access.listRecordRefs()).sort((a, b) => (refKey(a) < refKey(b) ? -1 : 1));
      const records = await access.getRecords(refs);
      const live = records.filter((record): record is SyncRecord => record !== undefined && !record.record.deleted);
      const next = await change(live);
      if (next !== undefined) await recordLocalChanges(access, [next]);
      return next;
    });
    if (written !== undefined) this.#options.onWritten(written);
  }

  // A local change must sort after the version it replaces, whatever this device's wall clock says.
  #tick(current: SyncRecord): string {
    const updatedAt = this.#clock.tick();
    if (!(updatedAt > current.record.updatedAt)) {
      this.#options.onProblem(`${this.deviceId} wrote ${updatedAt} over the newer ${current.record.updatedAt}`);
    }
    return updatedAt;
  }
}

/** A new version of a record: a new clock, and new text or a tombstone. */
function revise(current: SyncRecord, change: { updatedAt: string; text?: string; deleted?: boolean }): SyncRecord {
  const base = { updatedAt: change.updatedAt, deleted: change.deleted ?? current.record.deleted };
  const text = change.text;
  switch (current.table) {
    case 'chats':
      return { table: 'chats', record: { ...current.record, ...base, ...(text === undefined ? {} : { title: text }) } };
    case 'messages':
      return {
        table: 'messages',
        record: { ...current.record, ...base, ...(text === undefined ? {} : { content: text }) },
      };
    case 'modelConfigs':
      return {
        table: 'modelConfigs',
        record: { ...current.record, ...base, ...(text === undefined ? {} : { name: text }) },
      };
    case 'settings':
      return {
        table: 'settings',
        record: { ...current.record, ...base, ...(text === undefined ? {} : { value: text }) },
      };
  }
}
