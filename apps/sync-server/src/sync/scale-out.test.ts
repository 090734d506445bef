// Several stateless server processes on one PostgreSQL database: any device may talk to any process.
// Pokes reach devices listening on other processes; pairing codes, tokens and revocations hold across
// processes; each process answers its own health check and metrics.
import { syncProtocolVersion } from '@hearth/schema';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type PostgresCluster, startPostgresCluster } from '../../test/postgres-cluster.ts';
import { rawGet } from '../../test/raw-get.ts';
import { type ServerFleet, startServerFleet } from '../../test/server-fleet.ts';
import { hashSecret, newDeviceToken } from './device-token.ts';
import { openPostgres, type PostgresDatabase } from './store/postgres-database.ts';
import { PostgresSyncStore } from './store/postgres-sync-store.ts';
import { syncClient } from './test/http-sync.ts';
import { chatChange, messageChange, mutationsOf, pushOf } from './test/records.ts';
import { openSse, type SseEvent } from './test/sse-reader.ts';
import { errorOf } from './test/sync-error-of.ts';

let cluster: PostgresCluster;
let fleet: ServerFleet;
let database: PostgresDatabase;
let store: PostgresSyncStore;
beforeAll(async () => {
  cluster = await startPostgresCluster();
  const url = await cluster.createDatabase('fleet');
  fleet = await startServerFleet({ databaseUrl: url, count: 3 });
  database = await openPostgres({ url });
  store = new PostgresSyncStore({ database });
});
afterAll(async () => {
  await fleet?.stop();
  await database?.close();
  await cluster?.stop();
});

let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
});
afterEach(() => controller.abort());

const urlOf = (index: number) => fleet.members[index]?.url ?? '';

/** A user made straight in the database, and a client of process `index` acting as its first device. */
async function newUser(index: number) {
  const token = newDeviceToken();
  const identity = await store.createUser({ deviceName: 'laptop', tokenHash: hashSecret(token), nowMs: Date.now() });
  return { token, identity, client: syncClient({ url: urlOf(index), token }) };
}

/** The next event that is not a keep-alive ping. */
async function nextEvent(events: AsyncIterator<SseEvent>): Promise<SseEvent> {
  for (;;) {
    const { value, done } = await events.next();
    if (done === true) throw new Error('the live channel ended');
    if (value.event !== 'ping') return value;
  }
}

async function listen(index: number, token: string) {
  const { events } = await openSse({
    url: `${urlOf(index)}/trpc/sync.live`,
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  expect((await nextEvent(events)).event).toBe('connected');
  return events;
}

describe('several server processes on one PostgreSQL database', () => {
  it('pair a device on one process with a code made on another, once', async () => {
    const laptop = await newUser(0);
    const { code } = await laptop.client.pairing.create.mutate();
    const phone = await syncClient({ url: urlOf(1) }).pairing.redeem.mutate({ code, deviceName: 'phone' });
    expect(phone.userId).toBe(laptop.identity.userId);
    const again = await errorOf(syncClient({ url: urlOf(2) }).pairing.redeem.mutate({ code, deviceName: 'tablet' }));
    expect(again.syncCode).toBe('not_found');
    // The phone's token, issued by process 1, works on process 2.
    const devices = await syncClient({ url: urlOf(2), token: phone.token }).devices.list.query();
    expect(devices.map((device) => device.name)).toEqual(['laptop', 'phone']);
  });

  it('poke a device listening on one process when another process takes a push', async () => {
    const laptop = await newUser(0);
    const { code } = await laptop.client.pairing.create.mutate();
    const phone = await syncClient({ url: urlOf(1) }).pairing.redeem.mutate({ code, deviceName: 'phone' });
    const events = await listen(2, phone.token);
    expect(JSON.parse((await nextEvent(events)).data)).toEqual({ cursor: 0 });

    const small = [chatChange(), chatChange()];
    await laptop.client.sync.push.mutate(pushOf(mutationsOf(small)));
    expect(JSON.parse((await nextEvent(events)).data)).toEqual({ cursor: 2, changes: { from: 0, records: small } });

    // Changes too large for a notification travel as the cursor alone; the device pulls them.
    const large = [messageChange({ content: 'x'.repeat(20_000) })];
    await syncClient({ url: urlOf(1), token: laptop.token }).sync.push.mutate(pushOf(mutationsOf(large, 3)));
    expect(JSON.parse((await nextEvent(events)).data)).toEqual({ cursor: 3 });
    const page = await syncClient({ url: urlOf(0), token: phone.token }).sync.pull.query({
      protocolVersion: syncProtocolVersion,
      cursor: 2,
    });
    expect(page.records).toEqual(large);
  });

  it('end a revoked device’s live channel on another process', async () => {
    const laptop = await newUser(0);
    const { code } = await laptop.client.pairing.create.mutate();
    const phone = await syncClient({ url: urlOf(1) }).pairing.redeem.mutate({ code, deviceName: 'phone' });
    const events = await listen(1, phone.token);
    await nextEvent(events); // the current cursor
    await laptop.client.devices.revoke.mutate({ deviceId: phone.deviceId });
    const event = await nextEvent(events);
    expect(event.event).toBe('serialized-error');
    expect(JSON.parse(event.data)).toMatchObject({ data: { syncCode: 'unauthorized' } });
  });

  it('each answer their own health check, covering the database, and count their own metrics', async () => {
    for (const member of fleet.members) {
      const health = await rawGet(`${member.url}/healthz`, {});
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', database: 'ok' });
    }
    const pushes = async (index: number) => {
      const text = (await rawGet(`${urlOf(index)}/metrics`, {})).body;
      return Number(/^hearth_sync_pushes_total (\d+)$/m.exec(text)?.[1] ?? Number.NaN);
    };
    const before = await Promise.all([0, 1, 2].map(pushes));
    const laptop = await newUser(2);
    await laptop.client.sync.push.mutate(pushOf(mutationsOf([chatChange()])));
    expect(await Promise.all([0, 1, 2].map(pushes))).toEqual([before[0], before[1], (before[2] ?? 0) + 1]);
  });
});
