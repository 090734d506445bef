import { syncProtocolVersion } from '@hearth/schema';
import { createTRPCClient, httpSubscriptionLink } from '@trpc/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppRouter } from './app-router.ts';
import { type HttpSync, startHttpSync, syncClient } from './test/http-sync.ts';
import { chatChange, mutationsOf, pushOf } from './test/records.ts';
import { openSse } from './test/sse-reader.ts';
import { TestEventSource } from './test/test-event-source.ts';

let sync: HttpSync;
let controller: AbortController;
beforeEach(async () => {
  sync = await startHttpSync();
  controller = new AbortController();
});
afterEach(async () => {
  controller.abort();
  await sync.close();
});

/** A user with two devices: A (laptop) pushes, B (phone) listens. */
async function twoDevices() {
  const laptop = await sync.newUser('laptop');
  const { code } = await laptop.client.pairing.create.mutate();
  const phone = await syncClient({ url: sync.url }).pairing.redeem.mutate({ code, deviceName: 'phone' });
  return { laptop, phone };
}

describe('the live channel (SSE)', () => {
  it('starts with the current cursor and pokes device B after device A’s push commits', async () => {
    const { laptop, phone } = await twoDevices();
    await laptop.client.sync.push.mutate(pushOf(mutationsOf([chatChange()])));
    const { status, contentType, events } = await openSse({
      url: `${sync.url}/trpc/sync.live`,
      headers: { authorization: `Bearer ${phone.token}` },
      signal: controller.signal,
    });
    expect(status).toBe(200);
    expect(contentType).toBe('text/event-stream');
    expect((await events.next()).value).toEqual({
      event: 'connected',
      data: '{"reconnectAfterInactivityMs":45000}',
      id: undefined,
    });
    expect((await events.next()).value).toEqual({ event: 'message', data: '{"cursor":1}', id: undefined });
    expect(sync.running.server.metrics.render()).toContain('hearth_sync_live_subscriptions 1');

    const changes = [chatChange(), chatChange()];
    await laptop.client.sync.push.mutate(pushOf(mutationsOf(changes, 2)));
    // Small changes ride in the poke, so the phone can apply them without pulling.
    const poke = (await events.next()).value as { event: string; data: string };
    expect(poke.event).toBe('message');
    expect(JSON.parse(poke.data)).toEqual({ cursor: 3, changes: { from: 1, records: changes } });
    const page = await syncClient({ url: sync.url, token: phone.token }).sync.pull.query({
      protocolVersion: syncProtocolVersion,
      cursor: 1,
    });
    expect(page.records).toHaveLength(2);
  });

  it('works through tRPC’s httpSubscriptionLink with the token as a connection parameter', async () => {
    const { laptop, phone } = await twoDevices();
    const client = createTRPCClient<AppRouter>({
      links: [
        httpSubscriptionLink({
          url: `${sync.url}/trpc`,
          connectionParams: { token: phone.token },
          EventSource: TestEventSource as unknown as typeof EventSource,
        }),
      ],
    });
    const cursors: number[] = [];
    const subscription = client.sync.live.subscribe(undefined, { onData: (poke) => cursors.push(poke.cursor) });
    try {
      await vi.waitFor(() => expect(cursors).toEqual([0]));
      await laptop.client.sync.push.mutate(pushOf(mutationsOf([chatChange()])));
      await vi.waitFor(() => expect(cursors).toEqual([0, 1]));
    } finally {
      subscription.unsubscribe();
    }
  });

  it('ends a revoked device’s channel with an unauthorized error', async () => {
    const { laptop, phone } = await twoDevices();
    const { events } = await openSse({
      url: `${sync.url}/trpc/sync.live`,
      headers: { authorization: `Bearer ${phone.token}` },
      signal: controller.signal,
    });
    await events.next();
    await events.next();
    await laptop.client.devices.revoke.mutate({ deviceId: phone.deviceId });
    const next = (await events.next()).value;
    expect(next?.event).toBe('serialized-error');
    expect(JSON.parse(next?.data ?? '{}')).toMatchObject({ data: { syncCode: 'unauthorized', httpStatus: 401 } });
  });

  it('refuses a channel without a valid token', async () => {
    const { events } = await openSse({ url: `${sync.url}/trpc/sync.live`, signal: controller.signal });
    await events.next(); // connected
    const error = (await events.next()).value;
    expect(error?.event).toBe('serialized-error');
    expect(JSON.parse(error?.data ?? '{}')).toMatchObject({ data: { syncCode: 'unauthorized' } });
  });

  it('ends open channels when the server stops, so it stops at once', async () => {
    const { phone } = await twoDevices();
    const { events } = await openSse({
      url: `${sync.url}/trpc/sync.live`,
      headers: { authorization: `Bearer ${phone.token}` },
      signal: controller.signal,
    });
    await events.next();
    await events.next();
    const closing = sync.running.close();
    expect((await events.next()).value).toMatchObject({ event: 'return' });
    await closing;
    expect(sync.running.server.sync?.hub.size).toBe(0);
  });
});
