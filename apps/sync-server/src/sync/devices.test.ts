import { syncProtocolVersion } from '@hearth/schema';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type InProcessSyncOn, pairDevice, startSyncOn, type TestDevice } from './test/in-process-sync.ts';
import { chatChange, mutationsOf, pushOf } from './test/records.ts';
import { storeBackends } from './test/store-backends.ts';
import { errorOf } from './test/sync-error-of.ts';

describe.each(storeBackends())('on the $name store', (backend) => {
  let sync: InProcessSyncOn;
  let laptop: TestDevice;
  beforeEach(async () => {
    sync = await startSyncOn(backend);
    laptop = await sync.newUser('laptop');
  });
  afterEach(() => sync.close());
  afterAll(() => backend.stop());

  describe('devices', () => {
    it('are listed oldest first, with the caller marked current and when each was last seen', async () => {
      const created = sync.clock.nowMs;
      sync.clock.nowMs += 5 * 60_000;
      const phone = await pairDevice(sync, laptop, 'phone');
      sync.clock.nowMs += 5 * 60_000;
      const listed = await phone.call.devices.list();
      expect(listed).toEqual([
        {
          id: laptop.identity.deviceId,
          name: 'laptop',
          createdAt: created,
          lastSeenAt: created + 5 * 60_000,
          current: false,
        },
        {
          id: phone.identity.deviceId,
          name: 'phone',
          createdAt: created + 5 * 60_000,
          lastSeenAt: created + 10 * 60_000,
          current: true,
        },
      ]);
    });

    it('once revoked, its token is refused everywhere and it leaves the list', async () => {
      const phone = await pairDevice(sync, laptop, 'phone');
      expect(await laptop.call.devices.revoke({ deviceId: phone.identity.deviceId })).toEqual({
        deviceId: phone.identity.deviceId,
      });
      for (const call of [
        () => phone.call.sync.pull({ protocolVersion: syncProtocolVersion, cursor: 0 }),
        () => phone.call.sync.push(pushOf(mutationsOf([chatChange()]))),
        () => phone.call.devices.list(),
        () => phone.call.pairing.create(),
      ]) {
        expect((await errorOf(call())).syncCode).toBe('unauthorized');
      }
      expect((await laptop.call.devices.list()).map((device) => device.name)).toEqual(['laptop']);
      expect((await errorOf(laptop.call.devices.revoke({ deviceId: phone.identity.deviceId }))).syncCode).toBe(
        'not_found',
      );
    });

    it('can revoke itself (signing out)', async () => {
      await laptop.call.devices.revoke({ deviceId: laptop.identity.deviceId });
      expect((await errorOf(laptop.call.devices.list())).syncCode).toBe('unauthorized');
    });
  });
});
