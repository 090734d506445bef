import type { SyncPoke, SyncRecord } from '@hearth/schema';
import { HybridClock } from '../../clock/hybrid-clock.ts';
import { keepUnknownFields } from '../../records/keep-unknown-fields.ts';
import { newChat, newUserMessage, type RecordContext } from '../../records/new-records.ts';
import type { PushLimits } from '../push-limits.ts';
import { recordLocalChanges } from '../record-local-change.ts';
import { recordRef, refKey } from '../record-ref.ts';
import { SyncEngine } from '../sync-engine.ts';
import type { SyncRoundReport } from '../sync-round.ts';
import type { SyncTransport } from '../sync-transport.ts';
import { FaultyTransport, type TransportFault } from './faulty-transport.ts';
import { MemoryStore } from './memory-store.ts';
import { knownFieldsOnly, liveSchemaOf } from './unknown-fields.ts';

/**
 * Which app version a device runs: `newer` writes fields the current schema does not know (at the top
 * of a record and nested in `params`), as a later version of the app would; `current` edits as this
 * version does, seeing only the fields it knows.
 */
export type AppVersion = 'current' | 'newer';

export interface SimulatedDeviceOptions {
  deviceId: string;
  transport: SyncTransport;
  /** This device's wall clock. */
  wallMs: () => number;
  onDelivered: (change: SyncRecord) => void;
  /** Every version this device writes locally, with the version it replaced (when there was one). */
  onWritten: (change: SyncRecord, replaced: SyncRecord | undefined) => void;
  /** Something the device saw that breaks an invariant (reported, so the property fails with a reason). */
  onProblem: (problem: string) => void;
  limits?: PushLimits;
  pullPageSize?: number;
  version?: AppVersion;
}

/** Retries only when a test says so: a `sync()` step resumes the engine. */
const manualTimer = { schedule: () => () => {} };

/**
 * One device as the app would run it: a store, a hybrid clock on its own (skewed) wall clock, a sync
 * engine, and a network that can fail. Local changes are written with their outbox entries.
 */
export class SimulatedDevice {
  readonly deviceId: string;
  readonly version: AppVersion;
  readonly store = new MemoryStore();
  /** Breaks the rule on purpose (edits drop unknown fields), to show the simulation's check catches it. */
  forgetUnknownFields = false;
  readonly transport: FaultyTransport;
  readonly #options: SimulatedDeviceOptions;
  #clock: HybridClock;
  #engine: SyncEngine;
  #lastReport: SyncRoundReport | null = null;
  #edits = 0;

  constructor(options: SimulatedDeviceOptions) {
    this.#options = options;
    this.deviceId = options.deviceId;
    this.version = options.version ?? 'current';
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
      if (table === 'chats') {
        const chat = newChat(context, { title: `chat from ${this.deviceId}` });
        return { table, record: this.version === 'newer' ? { ...chat, ...newerChatFields(this.#edits) } : chat };
      }
      const chatId = live.find((change) => change.table === 'chats')?.record.id ?? newChat(context).id;
      const message = newUserMessage(context, { chatId, content: `hi from ${this.deviceId}`, parent: null });
      return { table, record: this.version === 'newer' ? { ...message, ...newerMessageFields(this.#edits) } : message };
    });
  }

  /** Edits a live record (chosen by `pick`), as a person would: only what this device shows. */
  edit(pick: number): Promise<void> {
    return this.#write(async (live) => {
      const current = live[pick % live.length];
      if (current === undefined) return undefined;
      const text = `${this.deviceId} edit ${++this.#edits}`;
      return this.#revise(current, { updatedAt: this.#tick(current), text });
    });
  }

  /** Deletes a live record (a tombstone). */
  remove(pick: number): Promise<void> {
    return this.#write(async (live) => {
      const current = live[pick % live.length];
      return current === undefined ? undefined : tombstoneOf(current, this.#tick(current));
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

  /** Hands the device a poke from the live channel, as the app does, and waits for it to be handled. */
  async receivePoke(poke: SyncPoke): Promise<void> {
    this.#engine.receivePoke(poke);
    await this.#engine.settled();
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

  /**
   * Writes what an app operation makes of this device's live records (new records, new versions), in
   * one transaction, on this device's clock: how tests drive the app's own functions (a regenerate,
   * an edit) on a simulated device.
   */
  apply(
    operation: (live: readonly SyncRecord[], context: RecordContext) => Promise<readonly SyncRecord[]>,
  ): Promise<void> {
    return this.#write(async (live) =>
      operation(live, { clock: this.#clock, nowMs: Math.max(0, this.#options.wallMs()) }),
    );
  }

  // Reads and writes in one transaction, as the app does, so a pulled page cannot land in between.
  async #write(change: (live: SyncRecord[]) => Promise<SyncRecord | readonly SyncRecord[] | undefined>): Promise<void> {
    const written = await this.store.transaction(async (access) => {
      const refs = (await access.listRecordRefs()).sort((a, b) => (refKey(a) < refKey(b) ? -1 : 1));
      const records = await access.getRecords(refs);
      const live = records.filter((record): record is SyncRecord => record !== undefined && !record.record.deleted);
      const made = await change(live);
      const next: readonly SyncRecord[] = made === undefined ? [] : 'table' in made ? [made] : made;
      if (next.length === 0) return [];
      await recordLocalChanges(access, next);
      return next.map((version) => ({
        next: version,
        replaced: live.find((record) => refKey(recordRef(record)) === refKey(recordRef(version))),
      }));
    });
    for (const { next, replaced } of written) this.#options.onWritten(next, replaced);
  }

  // A new version of a live record, written as this device's app version writes it: a newer version
  // also changes the fields only it knows; the current version sees only known fields and keeps the rest.
  #revise(current: SyncRecord, change: { updatedAt: string; text: string }): SyncRecord {
    if (current.record.deleted) return current;
    const schema = liveSchemaOf(current.table);
    const seen = this.version === 'newer' ? current.record : knownFieldsOnly(schema, current.record);
    const next = revise({ table: current.table, record: seen } as SyncRecord, change);
    const extra = this.version === 'newer' ? newerFieldsFor(current.table, this.#edits) : {};
    const written = { ...next.record, ...extra };
    if (current.table === 'chats' && this.version === 'newer') {
      const params = (current.record as { params: Record<string, unknown> }).params;
      Object.assign(written, { params: { ...params, ...(extra as { params?: object }).params } });
    }
    const record = this.forgetUnknownFields ? written : keepUnknownFields(schema, current.record, written);
    return { table: current.table, record } as SyncRecord;
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

/** The deletion of a record: its identity and a new clock, nothing else. */
function tombstoneOf(current: SyncRecord, updatedAt: string): SyncRecord {
  if (current.table === 'settings')
    return { table: 'settings', record: { key: current.record.key, updatedAt, deleted: true } };
  return { table: current.table, record: { id: current.record.id, updatedAt, deleted: true } } as SyncRecord;
}

// Fields of a later app version: unknown to this version's schema, at the top and nested in a known object.
function newerChatFields(edit: number) {
  return { folder: { id: `folder-${edit}`, path: ['work', `n${edit}`] }, params: { topP: 0.5 + (edit % 5) / 10 } };
}
function newerMessageFields(edit: number) {
  return { annotations: [{ kind: 'citation', at: edit }], rendering: { mode: 'rich', revision: edit } };
}
function newerFieldsFor(table: SyncRecord['table'], edit: number): Record<string, unknown> {
  if (table === 'chats') return newerChatFields(edit);
  if (table === 'messages') return newerMessageFields(edit);
  return { revision: edit };
}

/** A new version of a live record: a new clock and new text. */
function revise(current: SyncRecord, change: { updatedAt: string; text?: string }): SyncRecord {
  if (current.record.deleted) return current;
  const base = { updatedAt: change.updatedAt };
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
