// QUALITY 28: a pushed clock whose device part is not the pushing device's own is refused, so two devices
// can never write one clock with different content.
import { syncProtocolVersion } from '@hearth/schema';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPairingCode } from './pairing-code.ts';
import { type InProcessSyncOn, pairDevice, startSyncOn, type TestDevice } from './test/in-process-sync.ts';
import { chatChange, clockAt, mutationsOf, pushOf } from './test/records.ts';
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

  const pullAll = async (device: TestDevice) =>
    (await device.call.sync.pull({ protocolVersion: syncProtocolVersion, cursor: 0 })).records;

  describe('clocks bound to devices', () => {
    it('refuse another device’s clock, even the very same clock with other content, writing nothing', async () => {
      const phone = await pairDevice(sync, laptop, 'phone');
      const chat = chatChange({ title: 'from the laptop', updatedAt: clockAt({ deviceId: 'laptop1' }) });
      await laptop.call.sync.push(pushOf(mutationsOf([chat])));
      const impostor = chatChange({ ...chat.record, title: 'other content, same clock' });
      const fresh = chatChange({ updatedAt: clockAt({ deviceId: 'phone1' }) });
      const error = await errorOf(phone.call.sync.push(pushOf(mutationsOf([fresh, impostor]))));
      expect(error.syncCode).toBe('foreign_clock');
      expect(error.trpcCode).toBe('FORBIDDEN');
      expect(error.details).toMatchObject({
        mutationId: 2,
        table: 'chats',
        recordKey: chat.record.id,
        clockId: 'laptop1',
      });
      expect(error.message).toContain('another device of this account');
      expect(await pullAll(laptop)).toEqual([chat]);
    });

    it('bind a clock id declared when pairing, before the device ever pushed', async () => {
      const { code } = await laptop.call.pairing.create();
      const credentials = await sync
        .callerWith(undefined)
        .pairing.redeem({ code, deviceName: 'phone', clockId: 'phoneclock' });
      const squatter = chatChange({ updatedAt: clockAt({ deviceId: 'phoneclock' }) });
      expect((await errorOf(laptop.call.sync.push(pushOf(mutationsOf([squatter]))))).syncCode).toBe('foreign_clock');
      const phone = sync.callerWith(credentials.token);
      await phone.sync.push(pushOf(mutationsOf([squatter])));
      expect(await pullAll(laptop)).toEqual([squatter]);
    });

    it('refuse to pair a device declaring a clock id another device owns, and keep the code usable', async () => {
      await laptop.call.sync.push(pushOf(mutationsOf([chatChange({ updatedAt: clockAt({ deviceId: 'taken' }) })])));
      const { code } = await laptop.call.pairing.create();
      const anonymous = sync.callerWith(undefined);
      const error = await errorOf(anonymous.pairing.redeem({ code, deviceName: 'copy', clockId: 'taken' }));
      expect(error.syncCode).toBe('foreign_clock');
      const row = await sync.store.value('SELECT 1 FROM sync_pairing_codes WHERE code_hash = ?', [
        hashPairingCode(code),
      ]);
      expect(row).toBeDefined();
      expect((await anonymous.pairing.redeem({ code, deviceName: 'phone', clockId: 'other' })).token).toBeTruthy();
    });

    it('release a revoked device’s clock ids, so the same browser can sign in again', async () => {
      const phone = await pairDevice(sync, laptop, 'phone');
      await phone.call.sync.push(pushOf(mutationsOf([chatChange({ updatedAt: clockAt({ deviceId: 'browser' }) })])));
      await phone.call.devices.revoke({ deviceId: phone.identity.deviceId });
      const again = await pairDevice(sync, laptop, 'phone again');
      const next = chatChange({ updatedAt: clockAt({ deviceId: 'browser', counter: 1 }) });
      expect((await again.call.sync.push(pushOf(mutationsOf([next])))).lastMutationId).toBe(1);
    });

    it('keep each user’s clock ids apart: the same id is free for another user', async () => {
      await laptop.call.sync.push(pushOf(mutationsOf([chatChange({ updatedAt: clockAt({ deviceId: 'shared' }) })])));
      const other = await sync.newUser('someone else');
      const theirs = chatChange({ updatedAt: clockAt({ deviceId: 'shared' }) });
      expect((await other.call.sync.push(pushOf(mutationsOf([theirs])))).lastMutationId).toBe(1);
    });
  });
});
