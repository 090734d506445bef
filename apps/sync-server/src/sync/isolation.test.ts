import { syncProtocolVersion } from '@hearth/schema';
// QUALITY 24: a token of user A used on user B's records or cursor: nothing read, nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpSync, startHttpSync, syncClient } from './test/http-sync.ts';
import { chatChange, clockAt, mutationsOf, pushOf, testNowMs } from './test/records.ts';
import { openSse } from './test/sse-reader.ts';
import { errorOf } from './test/sync-error-of.ts';

let sync: HttpSync;
beforeAll(async () => {
  sync = await startHttpSync();
});
afterAll(() => sync.close());

const pullAll = (client: ReturnType<typeof syncClient>) =>
  client.sync.pull.query({ protocolVersion: syncProtocolVersion, cursor: 0 });

describe('one user’s token never reaches another user’s data', () => {
  it('writes records with B’s ids into A’s space only, and reads back only A’s', async () => {
    const alice = await sync.newUser('alice laptop');
    const bob = await sync.newUser('bob laptop');
    const bobsChat = chatChange({ title: 'bob private', updatedAt: clockAt({ wallMs: testNowMs - 5000 }) });
    await bob.client.sync.push.mutate(pushOf(mutationsOf([bobsChat])));

    // Same table and id, newer clock: under A it is A's own record; B's stays as it was.
    const sameIdNewer = chatChange({ ...bobsChat.record, title: 'alice overwrite?', updatedAt: clockAt() });
    expect(await alice.client.sync.push.mutate(pushOf(mutationsOf([sameIdNewer])))).toEqual({
      lastMutationId: 1,
      superseded: [],
      sequence: { before: 0, after: 1 },
    });
    // Same id, older clock: not superseded by B's newer version (A never sees it).
    const other = await sync.newUser('alice 2');
    const sameIdOlder = chatChange({
      ...bobsChat.record,
      title: 'older',
      updatedAt: clockAt({ wallMs: testNowMs - 9000 }),
    });
    expect(await other.client.sync.push.mutate(pushOf(mutationsOf([sameIdOlder])))).toEqual({
      lastMutationId: 1,
      superseded: [],
      sequence: { before: 0, after: 1 },
    });

    expect((await pullAll(bob.client)).records).toEqual([bobsChat]);
    expect((await pullAll(alice.client)).records).toEqual([sameIdNewer]);
    expect((await pullAll(other.client)).records).toEqual([sameIdOlder]);
  });

  it('keeps cursors per user: B’s cursor under A’s token reads nothing of B’s', async () => {
    const alice = await sync.newUser();
    const bob = await sync.newUser();
    await bob.client.sync.push.mutate(pushOf(mutationsOf([chatChange(), chatChange(), chatChange()])));
    const bobsCursor = (await pullAll(bob.client)).cursor;
    const error = await errorOf(
      alice.client.sync.pull.query({ protocolVersion: syncProtocolVersion, cursor: bobsCursor - 1 }),
    );
    expect(error.syncCode).toBe('resync_required'); // ahead of A's own (empty) history
    expect(await alice.client.sync.pull.query({ protocolVersion: syncProtocolVersion, cursor: 0 })).toEqual({
      records: [],
      cursor: 0,
      hasMore: false,
    });
  });

  it('lists only the caller’s devices and refuses to revoke another user’s', async () => {
    const alice = await sync.newUser('alice laptop');
    const bob = await sync.newUser('bob laptop');
    const devices = await alice.client.devices.list.query();
    expect(devices.map((device) => device.name)).toEqual(['alice laptop']);
    const error = await errorOf(alice.client.devices.revoke.mutate({ deviceId: bob.identity.deviceId }));
    expect(error).toMatchObject({ syncCode: 'not_found', httpStatus: 404 });
    expect((await bob.client.devices.list.query()).map((device) => device.id)).toEqual([bob.identity.deviceId]);
  });

  it('pokes only the user whose data changed', async () => {
    const alice = await sync.newUser();
    const bob = await sync.newUser();
    const controller = new AbortController();
    try {
      const { events } = await openSse({
        url: `${sync.url}/trpc/sync.live`,
        headers: { authorization: `Bearer ${alice.token}` },
        signal: controller.signal,
      });
      expect((await events.next()).value).toMatchObject({ event: 'connected' });
      expect((await events.next()).value).toMatchObject({ data: '{"cursor":0}' });
      // B's push comes first; had it reached A's channel, A's next event would carry B's cursor (2).
      await bob.client.sync.push.mutate(pushOf(mutationsOf([chatChange(), chatChange()])));
      const mine = chatChange();
      await alice.client.sync.push.mutate(pushOf(mutationsOf([mine])));
      const poke = (await events.next()).value as { data: string };
      expect(JSON.parse(poke.data)).toEqual({ cursor: 1, changes: { from: 0, records: [mine] } });
    } finally {
      controller.abort();
    }
  });

  it('refuses a missing, malformed, unknown or revoked token with unauthorized (401)', async () => {
    const alice = await sync.newUser();
    const phone = await alice.client.pairing.create.mutate();
    const second = await syncClient({ url: sync.url }).pairing.redeem.mutate({ code: phone.code, deviceName: 'phone' });
    await alice.client.devices.revoke.mutate({ deviceId: second.deviceId });
    for (const token of [undefined, 'not a token', 'A'.repeat(43), second.token]) {
      const client = syncClient({ url: sync.url, ...(token === undefined ? {} : { token }) });
      const error = await errorOf(client.sync.pull.query({ protocolVersion: syncProtocolVersion, cursor: 0 }));
      expect(error).toMatchObject({ syncCode: 'unauthorized', trpcCode: 'UNAUTHORIZED', httpStatus: 401 });
      const push = await errorOf(client.sync.push.mutate(pushOf(mutationsOf([chatChange()]))));
      expect(push.syncCode).toBe('unauthorized');
    }
    expect((await pullAll(alice.client)).records).toEqual([]);
  });
});
