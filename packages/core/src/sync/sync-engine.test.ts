import { syncLimits, syncProtocolVersion } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { type SyncClientErrorCode, SyncTransportError } from './sync-client-error.ts';
import { SyncEngine } from './sync-engine.ts';
import { syncFailurePolicies } from './sync-failure.ts';
import type { SyncRoundReport } from './sync-round.ts';
import type { SyncStatus } from './sync-status.ts';
import type { SyncTransport } from './sync-transport.ts';
import {
  chatChange,
  clockAt,
  FaultyTransport,
  ManualTimer,
  MemoryStore,
  messageChange,
  RecordingTransport,
  referenceTransport,
  testServer,
} from './test/index.ts';

/** A transport to a reference server that fails with the queued codes first, and counts its calls. */
function scriptedTransport() {
  const inner = referenceTransport(testServer(), 'dev');
  const failures: SyncClientErrorCode[] = [];
  const calls = { push: 0, pull: 0 };
  const transport: SyncTransport = {
    push: async (request) => {
      calls.push += 1;
      const code = failures.shift();
      if (code !== undefined) throw new SyncTransportError(code);
      return inner.push(request);
    },
    pull: async (request) => {
      calls.pull += 1;
      const code = failures.shift();
      if (code !== undefined) throw new SyncTransportError(code);
      return inner.pull(request);
    },
  };
  return { transport, failures, calls };
}

function engineFor(options: { transport: SyncTransport; store?: MemoryStore }) {
  const timer = new ManualTimer();
  const statuses: SyncStatus[] = [];
  const reports: SyncRoundReport[] = [];
  const store = options.store ?? new MemoryStore();
  const engine = new SyncEngine({
    store,
    transport: options.transport,
    clock: { receive: () => {} },
    timer,
    random: () => 0.5,
    onRound: (report) => reports.push(report),
  });
  engine.subscribe((status) => statuses.push(status));
  return { engine, timer, statuses, reports, store };
}

describe('SyncEngine', () => {
  it('goes syncing, then idle, and pushes what is pending', async () => {
    const { transport } = scriptedTransport();
    const { engine, statuses, reports, store } = engineFor({ transport });
    await store.writeLocal(chatChange());
    engine.requestSync();
    expect(engine.status).toEqual({ state: 'syncing' });
    await engine.settled();
    expect(statuses).toEqual([{ state: 'syncing' }, { state: 'idle' }]);
    expect(reports.map((report) => report.pushed)).toEqual([1]);
    expect(store.outbox()).toEqual([]);
  });

  it('resends an unanswered batch with the same ids from a new engine after a reload', async () => {
    const server = testServer();
    const store = new MemoryStore();
    await store.writeLocal(chatChange(), chatChange());
    const lossy = new FaultyTransport({ inner: referenceTransport(server, 'dev') });
    lossy.plan(['lose_response']);
    const before = engineFor({ transport: lossy, store });
    before.engine.requestSync();
    await before.engine.settled();
    expect(before.engine.status).toMatchObject({ state: 'offline' });
    await before.engine.stop();

    const recording = new RecordingTransport(referenceTransport(server, 'dev'));
    const after = engineFor({ transport: recording, store });
    after.engine.requestSync();
    await after.engine.settled();
    expect(recording.pushes.map((push) => push.mutations.map((mutation) => mutation.mutationId))).toEqual([[1, 2]]);
    expect(server.records()).toHaveLength(2);
    expect(after.engine.status).toEqual({ state: 'idle' });
  });

  it('coalesces requests: one round under way and at most one queued behind it', async () => {
    const { transport, calls } = scriptedTransport();
    const { engine, reports } = engineFor({ transport });
    for (let index = 0; index < 5; index++) engine.requestSync();
    await engine.settled();
    expect(reports).toHaveLength(2);
    expect(calls.pull).toBe(2);
    engine.requestSync();
    await engine.settled();
    expect(reports).toHaveLength(3);
  });

  it('runs a round requested by a listener when sync turns idle', async () => {
    const { transport } = scriptedTransport();
    const { engine, reports } = engineFor({ transport });
    let again = true;
    engine.subscribe((status) => {
      if (status.state === 'idle' && again) {
        again = false;
        engine.requestSync();
      }
    });
    engine.requestSync();
    await engine.settled();
    await engine.settled();
    expect(reports).toHaveLength(2);
  });

  it('reports offline and retries with growing, jittered delays, then resets after a success', async () => {
    const { transport, failures } = scriptedTransport();
    const { engine, timer, statuses } = engineFor({ transport });
    failures.push('network', 'network', 'network');
    engine.requestSync();
    await engine.settled();
    expect(engine.status).toEqual({ state: 'offline', retryInMs: 500 });
    for (const _ of [1, 2, 3]) {
      expect(timer.fireAll()).toBe(1);
      await engine.settled();
    }
    expect(timer.scheduled.map((entry) => entry.delayMs)).toEqual([500, 1_000, 2_000]);
    expect(statuses.at(-1)).toEqual({ state: 'idle' });
    failures.push('network');
    engine.requestSync();
    await engine.settled();
    expect(timer.waiting()).toEqual([500]);
  });

  it('waits for the scheduled retry instead of hammering the server on every request', async () => {
    const { transport, failures, calls } = scriptedTransport();
    const { engine, timer } = engineFor({ transport });
    failures.push('busy');
    engine.requestSync();
    await engine.settled();
    const before = calls.push + calls.pull;
    engine.requestSync();
    engine.requestSync();
    await engine.settled();
    expect(calls.push + calls.pull).toBe(before);
    expect(engine.status).toEqual({
      state: 'error',
      code: 'busy',
      message: syncFailurePolicies.busy.message,
      retryInMs: 500,
    });
    // resume() (back online, "sync now") does not wait for the timer.
    engine.resume();
    await engine.settled();
    expect(timer.waiting()).toEqual([]);
    expect(engine.status).toEqual({ state: 'idle' });
  });

  it.each(['unauthorized', 'clock_ahead', 'unsupported_version'] as const)(
    'stops on %s until resumed, with the reason for the person',
    async (code) => {
      const { transport, failures, calls } = scriptedTransport();
      const { engine, timer } = engineFor({ transport });
      failures.push(code);
      engine.requestSync();
      await engine.settled();
      expect(engine.status).toEqual({
        state: 'error',
        code,
        message: syncFailurePolicies[code].message,
        retryInMs: null,
      });
      expect(timer.scheduled).toEqual([]);
      const before = calls.push + calls.pull;
      engine.requestSync();
      await engine.settled();
      expect(calls.push + calls.pull).toBe(before);
      engine.resume();
      await engine.settled();
      expect(engine.status).toEqual({ state: 'idle' });
    },
  );

  it('reports a failing local database as a storage error and retries', async () => {
    const { transport } = scriptedTransport();
    const store = new MemoryStore();
    const { engine, timer } = engineFor({ transport, store });
    await store.writeLocal(chatChange());
    store.failNextCommit = new Error('QuotaExceededError');
    engine.requestSync();
    await engine.settled();
    expect(engine.status).toMatchObject({ state: 'error', code: 'storage', retryInMs: 500 });
    timer.fireAll();
    await engine.settled();
    expect(engine.status).toEqual({ state: 'idle' });
    expect(store.outbox()).toEqual([]);
  });

  it('passes on records that can never be pushed', async () => {
    const { transport } = scriptedTransport();
    const { engine, reports, store } = engineFor({ transport });
    await store.writeLocal(messageChange({ content: 'x'.repeat(syncLimits.bytesPerRecord) }));
    engine.requestSync();
    await engine.settled();
    expect(reports[0]?.rejected).toHaveLength(1);
    expect(engine.status).toEqual({ state: 'idle' });
  });

  it('stops for good: the round under way finishes, and no request or retry runs after', async () => {
    const { transport, failures, calls } = scriptedTransport();
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: SyncTransport = {
      push: async (request) => {
        await gate;
        return transport.push(request);
      },
      pull: transport.pull,
    };
    const { engine, timer, store } = engineFor({ transport: slow });
    await store.writeLocal(chatChange());
    engine.requestSync();
    let stopped = false;
    const stopping = engine.stop().then(() => {
      stopped = true;
    });
    await Promise.resolve();
    expect(stopped).toBe(false);
    failures.push('network'); // the pull after the push fails: no retry may be scheduled
    release();
    await stopping;
    expect(store.outbox()).toEqual([]);
    expect(timer.waiting()).toEqual([]);
    const before = calls.push + calls.pull;
    engine.requestSync();
    engine.resume();
    await engine.settled();
    expect(calls.push + calls.pull).toBe(before);
  });

  it('pushes a local change without pulling, and a change held back costs no server call at all', async () => {
    const { transport, calls } = scriptedTransport();
    const { engine, store } = engineFor({ transport });
    engine.requestSync();
    await engine.settled();
    const before = { ...calls };
    await store.writeLocal(chatChange());
    engine.requestPush();
    await engine.settled();
    expect(calls).toEqual({ push: before.push + 1, pull: before.pull });
    engine.requestPush(); // nothing pending (an answer still streaming is not pushed)
    await engine.settled();
    expect(calls).toEqual({ push: before.push + 1, pull: before.pull });
  });

  it('moves its cursor past its own push, so its own changes are never pulled back', async () => {
    const server = testServer();
    const recording = new RecordingTransport(referenceTransport(server, 'dev'));
    const { engine, store } = engineFor({ transport: recording });
    await store.writeLocal(chatChange(), chatChange());
    engine.requestPush();
    await engine.settled();
    expect((await store.syncState()).cursor).toBe(2);
    engine.requestSync();
    await engine.settled();
    expect(recording.pulls.map((pull) => pull.cursor)).toEqual([2]);
  });

  it('applies a poke’s changes without a pull, and pulls for a poke it cannot apply', async () => {
    const server = testServer();
    const recording = new RecordingTransport(referenceTransport(server, 'dev'));
    const { engine, store } = engineFor({ transport: recording });
    const theirs = chatChange({ updatedAt: clockAt(3, 'them') });
    server.push('them', { protocolVersion: syncProtocolVersion, mutations: [{ mutationId: 1, change: theirs }] });
    const [poke] = server.pokes;
    if (poke === undefined) throw new Error('the push pokes');
    engine.receivePoke(poke);
    await engine.settled();
    expect(store.records()).toEqual([theirs]);
    expect(recording.pulls).toEqual([]);
    const again = chatChange({ updatedAt: clockAt(4, 'them') });
    server.push('them', { protocolVersion: syncProtocolVersion, mutations: [{ mutationId: 2, change: again }] });
    engine.receivePoke({ cursor: 2 }); // the changes did not fit in the poke
    await engine.settled();
    expect(recording.pulls.map((pull) => pull.cursor)).toEqual([1]);
    expect(store.records()).toHaveLength(2);
  });
});
