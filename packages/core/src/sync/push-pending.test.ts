import { syncLimits, syncProtocolVersion } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { completePushBatch } from './complete-push-batch.ts';
import { defaultPushLimits } from './push-limits.ts';
import { pushPending } from './push-pending.ts';
import { recordRef } from './record-ref.ts';
import { SyncTransportError } from './sync-client-error.ts';
import {
  chatChange,
  clockAt,
  FaultyTransport,
  MemoryStore,
  messageChange,
  RecordingTransport,
  referenceTransport,
  testServer,
  testSyncContext,
} from './test/index.ts';

describe('pushPending', () => {
  it('pushes the whole outbox batch by batch and leaves nothing pending', async () => {
    const server = testServer();
    const transport = new RecordingTransport(referenceTransport(server, 'dev'));
    const context = testSyncContext({ server, transport, limits: { ...defaultPushLimits, mutationsPerPush: 2 } });
    const changes = [chatChange(), chatChange(), chatChange(), messageChange(), messageChange()];
    await context.store.writeLocal(...changes);
    const report = await pushPending(context);
    expect(report).toEqual({ pushed: 5, superseded: 0, rejected: [] });
    expect(transport.pushes.map((push) => push.mutations.map((mutation) => mutation.mutationId))).toEqual([
      [1, 2],
      [3, 4],
      [5],
    ]);
    expect(server.records()).toHaveLength(5);
    expect(context.store.outbox()).toEqual([]);
    expect((await context.store.syncState()).inFlight).toBeNull();
  });

  it('resends a batch whose answer was lost with the same ids after a reload, and nothing is applied twice', async () => {
    const server = testServer();
    const store = new MemoryStore();
    const chat = chatChange({ updatedAt: clockAt(1) });
    await store.writeLocal(chat);
    const lossy = new FaultyTransport({ inner: referenceTransport(server, 'dev') });
    lossy.plan(['lose_response']);
    await expect(pushPending(testSyncContext({ server, store, transport: lossy }))).rejects.toMatchObject({
      code: 'network',
    });
    expect(server.records()).toEqual([chat]); // the server did apply it

    // Meanwhile the person edits the record again: that change must follow, not be swallowed by the retry.
    const edited = { ...chat, record: { ...chat.record, updatedAt: clockAt(2), title: 'edited' } };
    await store.writeLocal(edited);

    // A reload: new context, same store.
    const transport = new RecordingTransport(referenceTransport(server, 'dev'));
    const report = await pushPending(testSyncContext({ server, store, transport }));
    expect(transport.pushes.map((push) => push.mutations)).toEqual([
      [{ mutationId: 1, change: chat }],
      [{ mutationId: 2, change: edited }],
    ]);
    expect(report.pushed).toBe(2);
    expect(server.records()).toEqual([edited]);
    expect(store.outbox()).toEqual([]);
  });

  it('takes the server’s newer version of a record it refused, and moves the clock past it', async () => {
    const server = testServer();
    const mine = chatChange({ updatedAt: clockAt(1, 'me'), title: 'mine' });
    const theirs = { ...mine, record: { ...mine.record, updatedAt: clockAt(30, 'them'), title: 'theirs' } };
    server.push('them', { protocolVersion: syncProtocolVersion, mutations: [{ mutationId: 1, change: theirs }] });
    const received: string[] = [];
    const context = testSyncContext({ server, deviceId: 'me', clock: { receive: (value) => received.push(value) } });
    await context.store.writeLocal(mine);
    const report = await pushPending(context);
    expect(report.superseded).toBe(1);
    expect(context.store.record(recordRef(mine))).toEqual(theirs);
    expect(received).toEqual([theirs.record.updatedAt]);
    expect(context.store.outbox()).toEqual([]);
  });

  it('keeps a local change newer than the superseding version', async () => {
    const server = testServer();
    const mine = chatChange({ updatedAt: clockAt(1, 'me'), title: 'mine' });
    const theirs = { ...mine, record: { ...mine.record, updatedAt: clockAt(30, 'them'), title: 'theirs' } };
    const later = { ...mine, record: { ...mine.record, updatedAt: clockAt(40, 'me'), title: 'later' } };
    server.push('them', { protocolVersion: syncProtocolVersion, mutations: [{ mutationId: 1, change: theirs }] });
    const store = new MemoryStore();
    await store.writeLocal(mine);
    // The person edits while the push is on the wire.
    const inner = referenceTransport(server, 'me');
    let edited = false;
    const transport = {
      pull: inner.pull,
      push: async (request: Parameters<typeof inner.push>[0]) => {
        if (!edited) await store.writeLocal(later);
        edited = true;
        return inner.push(request);
      },
    };
    await pushPending(testSyncContext({ server, store, transport }));
    expect(server.records()).toEqual([later]);
    expect(store.record(recordRef(mine))).toEqual(later);
  });

  it('reports records that can never be sent and still pushes the rest', async () => {
    const server = testServer();
    const context = testSyncContext({ server });
    const huge = messageChange({ content: 'z'.repeat(syncLimits.bytesPerRecord) });
    const fine = chatChange();
    await context.store.writeLocal(huge, fine);
    const report = await pushPending(context);
    expect(report.rejected).toEqual([{ ref: recordRef(huge), reason: 'too_large' }]);
    expect(server.records()).toEqual([fine]);
  });

  it('treats an answer that does not cover the batch as a server error and keeps the batch', async () => {
    const context = testSyncContext({
      transport: {
        push: async () => ({ lastMutationId: 0, superseded: [], sequence: { before: 0, after: 0 } }),
        pull: async () => ({ records: [], cursor: 0, hasMore: false }),
      },
    });
    await context.store.writeLocal(chatChange());
    const failure = pushPending(context);
    await expect(failure).rejects.toBeInstanceOf(SyncTransportError);
    await expect(failure).rejects.toMatchObject({ code: 'server_error' });
    expect((await context.store.syncState()).inFlight).toHaveLength(1);
  });
});

describe('completePushBatch', () => {
  it('never reuses a mutation id the server has already applied', async () => {
    const store = new MemoryStore();
    await store.transaction((access) =>
      completePushBatch(access, {
        mutations: [],
        response: { lastMutationId: 41, superseded: [], sequence: { before: 0, after: 0 } },
      }),
    );
    expect((await store.syncState()).nextMutationId).toBe(42);
  });
});
