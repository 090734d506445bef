import { syncProtocolVersion } from '@hearth/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { type HttpSync, startHttpSync, syncClient } from './test/http-sync.ts';
import { errorOf } from './test/sync-error-of.ts';

let sync: HttpSync | undefined;
afterEach(async () => {
  await sync?.close();
  sync = undefined;
});

describe('self-service sign-up', () => {
  it('is off by default: signup_disabled (403), and no user is created', async () => {
    sync = await startHttpSync();
    const client = syncClient({ url: sync.url });
    expect(await client.server.info.query()).toMatchObject({ protocolVersion: syncProtocolVersion, signup: false });
    const error = await errorOf(client.account.signUp.mutate({ deviceName: 'laptop' }));
    expect(error).toMatchObject({ syncCode: 'signup_disabled', trpcCode: 'FORBIDDEN', httpStatus: 403 });
    expect(error.message).toContain('does not accept new accounts');
    expect(sync.running.server.storage?.db.prepare('SELECT COUNT(*) FROM sync_users').pluck().get()).toBe(0);
  });

  it('with SYNC_SIGNUP=1 creates a user whose token works at once', async () => {
    sync = await startHttpSync({ env: { SYNC_SIGNUP: '1' } });
    const anonymous = syncClient({ url: sync.url });
    expect((await anonymous.server.info.query()).signup).toBe(true);
    const credentials = await anonymous.account.signUp.mutate({ deviceName: 'laptop' });
    const client = syncClient({ url: sync.url, token: credentials.token });
    expect(await client.devices.list.query()).toEqual([
      expect.objectContaining({ id: credentials.deviceId, name: 'laptop', current: true }),
    ]);
    const second = await anonymous.account.signUp.mutate({ deviceName: 'other laptop' });
    expect(second.userId).not.toBe(credentials.userId);
  });

  it('is limited per client address: rate_limited (429) with the wait', async () => {
    sync = await startHttpSync({ env: { SYNC_SIGNUP: '1' } });
    const anonymous = syncClient({ url: sync.url, batch: false });
    for (let index = 0; index < 20; index += 1) await anonymous.account.signUp.mutate({ deviceName: `d${index}` });
    const error = await errorOf(anonymous.account.signUp.mutate({ deviceName: 'one too many' }));
    expect(error).toMatchObject({ syncCode: 'rate_limited', httpStatus: 429 });
    expect(error.details).toEqual({ retryAfterSeconds: expect.any(Number) });
    expect(sync.running.server.storage?.db.prepare('SELECT COUNT(*) FROM sync_users').pluck().get()).toBe(20);
  });
});
