import { syncProtocolVersion } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { recordRef, refKey } from './record-ref.ts';
import { dropUnlisted } from './resync.ts';
import { runSyncRound } from './sync-round.ts';
import type { SyncTransport } from './sync-transport.ts';
import {
  chatChange,
  clockAt,
  MemoryStore,
  RecordingTransport,
  referenceTransport,
  settingChange,
  testServer,
  testSyncContext,
} from './test/index.ts';

/** A device that synced a live chat, which another device then deleted and the server forgot. */
async function deviceBehindHorizon() {
  const server = testServer();
  const store = new MemoryStore();
  const kept = chatChange({ updatedAt: clockAt(1, 'other'), title: 'kept' });
  const doomed = chatChange({ updatedAt: clockAt(2, 'other'), title: 'doomed' });
  server.push('other', {
    protocolVersion: syncProtocolVersion,
    mutations: [
      { mutationId: 1, change: kept },
      { mutationId: 2, change: doomed },
    ],
  });
  await runSyncRound(testSyncContext({ server, store }));
  const tombstone = { ...doomed, record: { ...doomed.record, updatedAt: clockAt(3, 'other'), deleted: true } };
  const another = chatChange({ updatedAt: clockAt(4, 'other') });
  server.push('other', {
    protocolVersion: syncProtocolVersion,
    mutations: [
      { mutationId: 3, change: tombstone },
      { mutationId: 4, change: another },
    ],
  });
  server.compactTombstones();
  return { server, store, kept, doomed, another };
}

describe('a sync round told to resync', () => {
  it('pulls everything from 0 and drops what the server no longer has', async () => {
    const { server, store, kept, doomed, another } = await deviceBehindHorizon();
    const transport = new RecordingTransport(referenceTransport(server, 'dev'));
    const report = await runSyncRound(testSyncContext({ server, store, transport, pullPageSize: 1 }));
    expect(report.resynced).toBe(true);
    expect(report.dropped).toEqual([recordRef(doomed)]);
    expect(transport.pulls.map((pull) => pull.cursor)).toEqual([2, 0, 1]);
    expect(store.records()).toEqual(
      [kept, another].sort((a, b) => (refKey(recordRef(a)) < refKey(recordRef(b)) ? -1 : 1)),
    );
    expect(await store.syncState()).toMatchObject({ resyncing: false, cursor: 4 });
  });

  it('pushes pending changes first, so a record only this device has is not dropped', async () => {
    const { server, store } = await deviceBehindHorizon();
    const mine = chatChange({ updatedAt: clockAt(9, 'dev'), title: 'mine' });
    await store.writeLocal(mine);
    await runSyncRound(testSyncContext({ server, store }));
    expect(store.record(recordRef(mine))).toEqual(mine);
    expect(server.records()).toContainEqual(mine);
  });

  it('keeps a record created while the resync pull runs', async () => {
    const { server, store } = await deviceBehindHorizon();
    const created = chatChange({ updatedAt: clockAt(9, 'dev'), title: 'created meanwhile' });
    const inner = referenceTransport(server, 'dev');
    const transport: SyncTransport = {
      push: inner.push,
      pull: async (request) => {
        if (request.cursor === 0) await store.writeLocal(created);
        return inner.pull(request);
      },
    };
    const report = await runSyncRound(testSyncContext({ server, store, transport }));
    expect(report.resynced).toBe(true);
    expect(store.record(recordRef(created))).toEqual(created);
    expect(store.outbox()).toEqual([recordRef(created)]);
  });

  it('starts over from 0 when a resync was interrupted, and still drops what the server forgot', async () => {
    const { server, store, doomed } = await deviceBehindHorizon();
    const inner = referenceTransport(server, 'dev');
    let pulls = 0;
    const failing: SyncTransport = {
      push: inner.push,
      pull: async (request) => {
        pulls += 1;
        if (pulls === 3) throw new TypeError('offline'); // after the first page from 0
        return inner.pull(request);
      },
    };
    await expect(
      runSyncRound(testSyncContext({ server, store, transport: failing, pullPageSize: 1 })),
    ).rejects.toMatchObject({
      code: 'network',
    });
    expect((await store.syncState()).resyncing).toBe(true);
    const transport = new RecordingTransport(inner);
    const report = await runSyncRound(testSyncContext({ server, store, transport }));
    expect(transport.pulls[0]?.cursor).toBe(0);
    expect(report.dropped).toEqual([recordRef(doomed)]);
  });
});

describe('dropUnlisted', () => {
  it('keeps records with a pending change, parked ones and device-local settings', async () => {
    const store = new MemoryStore();
    const listed = chatChange();
    const pending = chatChange();
    const inFlight = chatChange();
    const parked = chatChange();
    const forgotten = chatChange();
    const theme = settingChange('theme');
    await store.writeLocal(pending, theme);
    await store.transaction(async (access) => {
      await access.putRecords([listed, inFlight, parked, forgotten]);
      await access.writeSyncState({
        inFlight: [{ mutationId: 1, change: inFlight }],
        parked: [recordRef(parked)],
        resyncing: true,
      });
    });
    const dropped = await store.transaction((access) => dropUnlisted(access, new Set([refKey(recordRef(listed))])));
    expect(dropped).toEqual([recordRef(forgotten)]);
    expect(store.records()).toHaveLength(5);
    expect(store.record(recordRef(forgotten))).toBeUndefined();
    expect((await store.syncState()).resyncing).toBe(false);
  });
});
