import { syncProtocolVersion, syncRecordKey } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { pullChanges } from './pull-changes.ts';
import type { SyncTransport } from './sync-transport.ts';
import {
  chatChange,
  clockAt,
  RecordingTransport,
  referenceTransport,
  testServer,
  testSyncContext,
} from './test/index.ts';

function serverWith(count: number) {
  const server = testServer();
  const changes = Array.from({ length: count }, (_, index) => chatChange({ updatedAt: clockAt(index, 'other') }));
  server.push('other', {
    protocolVersion: syncProtocolVersion,
    mutations: changes.map((change, index) => ({ mutationId: index + 1, change })),
  });
  return { server, changes };
}

/** A transport whose `call`-th pull fails as a network error would. */
function pullFailingOnCall(inner: SyncTransport, call: number): SyncTransport {
  let calls = 0;
  return {
    push: inner.push,
    pull: async (request) => {
      calls += 1;
      if (calls === call) throw new TypeError('fetch failed');
      return inner.pull(request);
    },
  };
}

describe('pullChanges', () => {
  it('pulls page after page until the server has no more, storing the cursor with each page', async () => {
    const { server, changes } = serverWith(7);
    const transport = new RecordingTransport(referenceTransport(server, 'dev'));
    const context = testSyncContext({ server, transport, pullPageSize: 3 });
    const report = await pullChanges(context);
    expect(report).toEqual({ pages: 3, received: 7, applied: 7 });
    expect(transport.pulls.map((pull) => pull.cursor)).toEqual([0, 3, 6]);
    expect(context.store.records()).toHaveLength(7);
    expect((await context.store.syncState()).cursor).toBe(7);
    const pulled = context.store.records().map(syncRecordKey);
    expect(pulled.sort()).toEqual(changes.map((change) => change.record.id).sort());
  });

  it('asks for the next page before writing the current one, so network and storage overlap', async () => {
    const { server } = serverWith(3);
    const transport = new RecordingTransport(referenceTransport(server, 'dev'));
    const context = { ...testSyncContext({ server, transport, pullPageSize: 1 }), applyBatchRecords: 1 };
    const pullsAtEachWrite: number[] = [];
    const store = context.store;
    const transaction = store.transaction.bind(store);
    store.transaction = (work) => {
      pullsAtEachWrite.push(transport.pulls.length);
      return transaction(work);
    };
    await pullChanges(context);
    // The first transaction reads the cursor; by the first write, the next pages are already asked for.
    expect(pullsAtEachWrite[0]).toBe(0);
    expect(pullsAtEachWrite[1]).toBeGreaterThanOrEqual(2);
  });

  it('resumes after the last stored page when a pull is interrupted', async () => {
    const { server } = serverWith(5);
    const inner = referenceTransport(server, 'dev');
    const flaky = pullFailingOnCall(inner, 2);
    const context = { ...testSyncContext({ server, transport: flaky, pullPageSize: 2 }), applyBatchRecords: 2 };
    await expect(pullChanges(context)).rejects.toMatchObject({ code: 'network' });
    expect((await context.store.syncState()).cursor).toBe(2);
    const transport = new RecordingTransport(inner);
    await pullChanges({ ...context, transport });
    expect(transport.pulls[0]?.cursor).toBe(2);
    expect(context.store.records()).toHaveLength(5);
  });

  it('stores several pages in one transaction, and keeps only whole stored batches when interrupted', async () => {
    const { server } = serverWith(9);
    const inner = referenceTransport(server, 'dev');
    const flaky = pullFailingOnCall(inner, 4);
    // Pages of 2, batches of 4: pages 1-2 are stored together, page 3 is lost with the failed 4th call.
    const context = { ...testSyncContext({ server, transport: flaky, pullPageSize: 2 }), applyBatchRecords: 4 };
    await expect(pullChanges(context)).rejects.toMatchObject({ code: 'network' });
    expect((await context.store.syncState()).cursor).toBe(4);
    expect(context.store.records()).toHaveLength(4);
    await pullChanges({ ...context, transport: inner });
    expect(context.store.records()).toHaveLength(9);
  });

  it('moves the local clock past every clock it receives', async () => {
    const { server } = serverWith(3);
    const received: string[] = [];
    const context = testSyncContext({ server, clock: { receive: (value) => received.push(value) } });
    await pullChanges(context);
    expect(received).toEqual([clockAt(2, 'other')]);
  });

  it('refuses an answer that promises more pages without moving the cursor', async () => {
    const stuck: SyncTransport = {
      push: async () => ({ lastMutationId: 0, superseded: [], sequence: { before: 0, after: 0 } }),
      pull: async (request) => ({ records: [], cursor: request.cursor, hasMore: true }),
    };
    await expect(pullChanges(testSyncContext({ transport: stuck }))).rejects.toMatchObject({ code: 'server_error' });
  });

  it('refuses an answer that is not a pull page', async () => {
    const broken = {
      push: async () => ({ lastMutationId: 0, superseded: [], sequence: { before: 0, after: 0 } }),
      pull: async () => ({ records: [{ table: 'chats', record: { id: 'nope' } }], cursor: 1, hasMore: false }),
    } as unknown as SyncTransport;
    const context = testSyncContext({ transport: broken });
    await expect(pullChanges(context)).rejects.toMatchObject({ code: 'server_error' });
    expect(context.store.records()).toEqual([]);
  });
});
