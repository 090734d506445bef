import { describe, expect, it } from 'vitest';
import {
  applyPulledPage,
  applyRemoteRecords,
  latestClock,
  newestPerRecord,
  releaseHeldRecords,
  shouldTakeRemote,
} from './merge-remote.ts';
import { recordRef } from './record-ref.ts';
import { chatChange, clockAt, MemoryStore, messageChange } from './test/index.ts';

describe('shouldTakeRemote', () => {
  const older = chatChange({ id: '01890a5d-ac96-774b-bcce-b302099a8057', updatedAt: clockAt(1) });
  const newer = { ...older, record: { ...older.record, updatedAt: clockAt(2) } };

  it('takes a record this device does not have', () => {
    expect(shouldTakeRemote(undefined, older)).toBe(true);
  });

  it('takes a newer remote version and keeps a newer local one', () => {
    expect(shouldTakeRemote(older, newer)).toBe(true);
    expect(shouldTakeRemote(newer, older)).toBe(false);
  });

  it('treats an equal clock as the same version', () => {
    expect(shouldTakeRemote(newer, { ...newer })).toBe(false);
  });

  it('orders by the whole clock: counter, then device id', () => {
    const a = { ...older, record: { ...older.record, updatedAt: clockAt(5, 'aaa', 1) } };
    const b = { ...older, record: { ...older.record, updatedAt: clockAt(5, 'aaa', 2) } };
    const c = { ...older, record: { ...older.record, updatedAt: clockAt(5, 'bbb', 2) } };
    expect(shouldTakeRemote(a, b)).toBe(true);
    expect(shouldTakeRemote(b, c)).toBe(true);
    expect(shouldTakeRemote(c, b)).toBe(false);
  });
});

describe('newestPerRecord and latestClock', () => {
  it('keep the newest version when a page names a record twice', () => {
    const first = chatChange({ updatedAt: clockAt(3), title: 'newest' });
    const second = { ...first, record: { ...first.record, updatedAt: clockAt(1), title: 'older' } };
    expect(newestPerRecord([first, second])).toEqual([first]);
    expect(latestClock([second, first])).toBe(clockAt(3));
    expect(latestClock([])).toBeUndefined();
  });
});

describe('applyRemoteRecords', () => {
  it('keeps a newer local change and its outbox entry, so it is still pushed', async () => {
    const store = new MemoryStore();
    const local = chatChange({ updatedAt: clockAt(10), title: 'mine' });
    await store.writeLocal(local);
    const remote = { ...local, record: { ...local.record, updatedAt: clockAt(5), title: 'theirs' } };
    const taken = await store.transaction((access) => applyRemoteRecords(access, [remote]));
    expect(taken).toEqual([]);
    expect(store.record(recordRef(local))).toEqual(local);
    expect(store.outbox()).toEqual([recordRef(local)]);
  });

  it('takes a newer remote version and drops the outbox entry it makes pointless', async () => {
    const store = new MemoryStore();
    const local = chatChange({ updatedAt: clockAt(5), title: 'mine' });
    const other = chatChange({ updatedAt: clockAt(5), title: 'other' });
    await store.writeLocal(local, other);
    const remote = { ...local, record: { ...local.record, updatedAt: clockAt(10), title: 'theirs' } };
    await store.transaction((access) => applyRemoteRecords(access, [remote]));
    expect(store.record(recordRef(local))).toEqual(remote);
    expect(store.outbox()).toEqual([recordRef(other)]);
  });
});

describe('applyPulledPage', () => {
  it('writes the records and the cursor together, or neither', async () => {
    const store = new MemoryStore();
    const remote = chatChange();
    const version = { change: remote, readable: remote };
    store.failNextCommit = new Error('disk full');
    await expect(
      store.transaction((access) => applyPulledPage(access, { records: [version], cursor: 7 })),
    ).rejects.toThrow('disk full');
    expect(store.records()).toEqual([]);
    expect((await store.syncState()).cursor).toBe(0);

    await store.transaction((access) => applyPulledPage(access, { records: [version], cursor: 7 }));
    expect(store.records()).toEqual([remote]);
    expect((await store.syncState()).cursor).toBe(7);
  });
});

describe('records held for a newer app version', () => {
  const readable = chatChange({ updatedAt: clockAt(1), title: 'readable' });
  // A newer version added a message role this version does not know.
  const unreadable = {
    table: 'messages',
    record: { ...messageChange({ updatedAt: clockAt(2) }).record, role: 'tool', toolCall: { name: 'search' } },
  };
  const foreignTable = {
    table: 'attachments',
    record: { id: 'att-1', updatedAt: clockAt(3), deleted: false, bytes: 9 },
  };

  it('are kept whole, out of the tables, and merged by clock like any other', async () => {
    const store = new MemoryStore();
    await store.transaction((access) => applyRemoteRecords(access, [readable, unreadable, foreignTable]));
    expect(store.records()).toEqual([readable]);
    expect(store.heldRecords()).toEqual([foreignTable, unreadable]);
    const older = { ...unreadable, record: { ...unreadable.record, updatedAt: clockAt(1) } };
    const taken = await store.transaction((access) => applyRemoteRecords(access, [older]));
    expect(taken).toEqual([]);
  });

  it('replace an older readable version, so this version cannot edit over the newer data', async () => {
    const store = new MemoryStore();
    const mine = messageChange({ id: unreadable.record.id, updatedAt: clockAt(1) });
    await store.writeLocal(mine);
    await store.transaction((access) => applyRemoteRecords(access, [unreadable]));
    expect(store.records()).toEqual([]);
    expect(store.heldRecords()).toEqual([unreadable]);
    expect(store.outbox()).toEqual([]);
  });

  it('are released into the tables once this version reads them, and a newer readable version wins', async () => {
    const store = new MemoryStore();
    await store.transaction((access) => access.holdRecords([readable]));
    expect(await store.transaction(releaseHeldRecords)).toBe(1);
    expect(store.records()).toEqual([readable]);
    expect(store.heldRecords()).toEqual([]);
    await store.transaction((access) => access.holdRecords([unreadable]));
    const fixed = {
      ...unreadable,
      record: { ...messageChange({ id: unreadable.record.id }).record, updatedAt: clockAt(4) },
    };
    await store.transaction((access) => applyRemoteRecords(access, [fixed]));
    expect(store.heldRecords()).toEqual([]);
    expect(store.records()).toEqual([readable, fixed]);
  });

  it('forget a tombstone’s content even when the server sent it', async () => {
    const store = new MemoryStore();
    const deleted = chatChange({ updatedAt: clockAt(5), title: 'secret', deleted: true });
    await store.transaction((access) => applyRemoteRecords(access, [deleted]));
    expect(store.records()).toEqual([
      { table: 'chats', record: { id: deleted.record.id, updatedAt: clockAt(5), deleted: true } },
    ]);
  });
});
