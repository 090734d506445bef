import { syncLimits, syncProtocolVersion } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { defaultPushLimits, type PushLimits } from './push-limits.ts';
import { recordRef } from './record-ref.ts';
import type { LocalStore } from './sync-store.ts';
import { type PushBatch, takePushBatch } from './take-push-batch.ts';
import { chatChange, clockAt, MemoryStore, messageChange } from './test/index.ts';

const take = (store: MemoryStore, limits: PushLimits = defaultPushLimits) => takePushBatch(store, limits);

/** The store, with `meanwhile` run once right after the batch's records were read and before it is claimed. */
function racing(store: MemoryStore, meanwhile: () => Promise<unknown>): LocalStore {
  let done = false;
  return {
    transaction: (work) => store.transaction(work),
    outboxTransaction: (work) => store.outboxTransaction(work),
    read: async (work) => {
      const result = await store.read(work);
      if (!done) {
        done = true;
        await meanwhile();
      }
      return result;
    },
  };
}

describe('takePushBatch', () => {
  it('leaves a record written after its batch was read in the outbox, to go next as written', async () => {
    const store = new MemoryStore();
    const chat = chatChange({ updatedAt: clockAt(1), title: 'first' });
    const other = chatChange();
    await store.writeLocal(chat, other);
    const edited = { ...chat, record: { ...chat.record, updatedAt: clockAt(2), title: 'edited' } };
    const batch = await takePushBatch(
      racing(store, () => store.writeLocal(edited)),
      defaultPushLimits,
    );
    expect(batch.mutations).toEqual([{ mutationId: 1, change: other }]);
    expect(store.outbox()).toEqual([recordRef(chat)]);
    await store.transaction((access) => access.writeSyncState({ inFlight: null }));
    expect((await take(store)).mutations).toEqual([{ mutationId: 2, change: edited }]);
  });

  it('reads again when another batch was taken in between, and gives that one back', async () => {
    const store = new MemoryStore();
    await store.writeLocal(chatChange(), chatChange());
    let other: PushBatch | undefined;
    const batch = await takePushBatch(
      racing(store, async () => {
        other = await take(store, { ...defaultPushLimits, mutationsPerPush: 1 });
      }),
      defaultPushLimits,
    );
    expect(other?.mutations).toHaveLength(1);
    expect(batch).toEqual({ mutations: other?.mutations, rejected: [], resent: true });
    expect(store.outbox()).toHaveLength(1);
    expect((await store.syncState()).nextMutationId).toBe(2);
  });

  it('numbers the oldest entries consecutively from the counter and moves them in flight', async () => {
    const store = new MemoryStore();
    const changes = [chatChange(), chatChange(), messageChange()];
    await store.writeLocal(...changes);
    const batch = await take(store, { ...defaultPushLimits, mutationsPerPush: 2 });
    expect(batch.mutations).toEqual([
      { mutationId: 1, change: changes[0] },
      { mutationId: 2, change: changes[1] },
    ]);
    const state = await store.syncState();
    expect(state.inFlight).toEqual(batch.mutations);
    expect(state.nextMutationId).toBe(3);
    expect(store.outbox()).toEqual([recordRef(changes[2] ?? messageChange())]);
  });

  it('leaves an answer still streaming in the outbox: it is pushed once, when it has ended', async () => {
    const store = new MemoryStore();
    const streaming = {
      ...messageChange(),
      record: { ...messageChange().record, role: 'assistant', status: 'streaming' },
    };
    const question = messageChange();
    await store.writeLocal(streaming as never, question);
    const batch = await take(store);
    expect(batch.mutations.map((mutation) => mutation.change)).toEqual([question]);
    expect(store.outbox()).toEqual([recordRef(streaming as never)]);
    const ended = { ...streaming, record: { ...streaming.record, status: 'done', updatedAt: clockAt(9) } };
    await store.writeLocal(ended as never);
    await store.transaction((access) => access.writeSyncState({ inFlight: null }));
    expect((await take(store)).mutations.map((mutation) => mutation.change)).toEqual([ended]);
  });

  it('sends the current version of a record, not the one that queued it', async () => {
    const store = new MemoryStore();
    const chat = chatChange({ updatedAt: clockAt(1), title: 'first' });
    const latest = { ...chat, record: { ...chat.record, updatedAt: clockAt(2), title: 'latest' } };
    await store.writeLocal(chat);
    await store.writeLocal(latest);
    expect((await take(store)).mutations).toEqual([{ mutationId: 1, change: latest }]);
  });

  it('gives back the unanswered batch unchanged instead of taking more', async () => {
    const store = new MemoryStore();
    await store.writeLocal(chatChange());
    const first = await take(store);
    await store.writeLocal(chatChange());
    const again = await take(store);
    expect(again).toEqual({ mutations: first.mutations, rejected: [], resent: true });
    expect(store.outbox()).toHaveLength(1);
  });

  it('queues a change made after the batch was taken as a new entry, pushed later with a higher id', async () => {
    const store = new MemoryStore();
    const chat = chatChange({ updatedAt: clockAt(1) });
    await store.writeLocal(chat);
    await take(store);
    const edited = { ...chat, record: { ...chat.record, updatedAt: clockAt(2) } };
    await store.writeLocal(edited);
    expect(store.outbox()).toEqual([recordRef(chat)]);
    await store.transaction((access) => access.writeSyncState({ inFlight: null })); // as if answered
    expect((await take(store)).mutations).toEqual([{ mutationId: 2, change: edited }]);
  });

  it('stops before the byte limit and leaves the rest for the next batch', async () => {
    const store = new MemoryStore();
    const big = 'x'.repeat(100_000);
    const changes = [chatChange({ title: '' }), chatChange(), chatChange()].map((change) => ({
      ...change,
      record: { ...change.record, systemPrompt: big.slice(0, 90_000) },
    }));
    await store.writeLocal(...changes);
    const batch = await take(store, { ...defaultPushLimits, bytesPerPush: 200_000 });
    expect(batch.mutations).toHaveLength(2);
    expect(
      JSON.stringify({ protocolVersion: syncProtocolVersion, mutations: batch.mutations }).length,
    ).toBeLessThanOrEqual(200_000);
    expect(store.outbox()).toEqual([recordRef(changes[2] ?? chatChange())]);
  });

  it('counts bytes, not characters', async () => {
    const store = new MemoryStore();
    // 60,000 characters of three bytes each: 180 KB as UTF-8, under a 100 KB limit as characters.
    const chat = chatChange();
    await store.writeLocal({ ...chat, record: { ...chat.record, systemPrompt: '中'.repeat(60_000) } });
    const batch = await take(store, { ...defaultPushLimits, bytesPerRecord: 100_000 });
    expect(batch.rejected).toEqual([{ ref: recordRef(chat), reason: 'too_large' }]);
  });

  it('reports a record too large to ever send, parks it and does not retry it', async () => {
    const store = new MemoryStore();
    const huge = messageChange({ content: 'y'.repeat(syncLimits.bytesPerRecord) });
    const small = chatChange();
    await store.writeLocal(huge, small);
    const batch = await take(store);
    expect(batch.rejected).toEqual([{ ref: recordRef(huge), reason: 'too_large' }]);
    expect(batch.mutations.map((mutation) => mutation.change)).toEqual([small]);
    expect(store.outbox()).toEqual([]);
    expect((await store.syncState()).parked).toEqual([recordRef(huge)]);
    expect(store.record(recordRef(huge))).toEqual(huge); // kept on this device
  });

  it('unparks a record once an edit makes it fit', async () => {
    const store = new MemoryStore();
    const huge = messageChange({ content: 'y'.repeat(syncLimits.bytesPerRecord), updatedAt: clockAt(1) });
    await store.writeLocal(huge);
    await take(store);
    await store.transaction((access) => access.writeSyncState({ inFlight: null }));
    const trimmed = { ...huge, record: { ...huge.record, content: 'short', updatedAt: clockAt(2) } };
    await store.writeLocal(trimmed);
    expect((await take(store)).mutations.map((mutation) => mutation.change)).toEqual([trimmed]);
    expect((await store.syncState()).parked).toEqual([]);
  });

  it('reports an invalid record instead of letting it block every push', async () => {
    const store = new MemoryStore();
    const broken = chatChange();
    const fine = chatChange();
    await store.writeLocal({ ...broken, record: { ...broken.record, title: 't'.repeat(10_000) } }, fine);
    const batch = await take(store);
    expect(batch.rejected).toEqual([{ ref: recordRef(broken), reason: 'invalid' }]);
    expect(batch.mutations.map((mutation) => mutation.change)).toEqual([fine]);
  });

  it('drops entries whose record is gone', async () => {
    const store = new MemoryStore();
    const chat = chatChange();
    await store.writeLocal(chat);
    await store.transaction((access) => access.deleteRecords([recordRef(chat)]));
    expect(await take(store)).toEqual({ mutations: [], rejected: [], resent: false });
    expect(store.outbox()).toEqual([]);
    expect((await store.syncState()).inFlight).toBeNull();
  });
});
