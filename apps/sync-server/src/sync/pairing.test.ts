import { syncProtocolVersion } from '@hearth/schema';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizePairingCode, pairingAlphabet } from './pairing-code.ts';
import { type InProcessSyncOn, startSyncOn, type TestDevice } from './test/in-process-sync.ts';
import { chatChange, mutationsOf, pushOf } from './test/records.ts';
import { storeBackends } from './test/store-backends.ts';
import { errorOf } from './test/sync-error-of.ts';

describe.each(storeBackends())('on the $name store', (backend) => {
  let sync: InProcessSyncOn;
  let laptop: TestDevice;
  beforeEach(async () => {
    sync = await startSyncOn(backend, { sync: { publicUrl: 'https://chat.example.com' } });
    laptop = await sync.newUser('laptop');
  });
  afterEach(() => sync.close());
  afterAll(() => backend.stop());

  const anonymous = () => sync.callerWith(undefined);

  describe('pairing a new device', () => {
    it('gives a short, typable code, valid ten minutes, with a link to open or scan', async () => {
      const pairing = await laptop.call.pairing.create();
      expect(pairing.code).toMatch(new RegExp(`^[${pairingAlphabet}]{8}$`));
      expect(pairing.expiresAt).toBe(sync.clock.nowMs + 10 * 60_000);
      expect(pairing.url).toBe(`https://chat.example.com/#pair=${pairing.code}`);
    });

    it('trades the code for the new device’s own token, in the same account', async () => {
      await laptop.call.sync.push(pushOf(mutationsOf([chatChange()])));
      const { code } = await laptop.call.pairing.create();
      const credentials = await anonymous().pairing.redeem({ code, deviceName: 'phone' });
      expect(credentials.userId).toBe(laptop.identity.userId);
      expect(credentials.deviceId).not.toBe(laptop.identity.deviceId);
      expect(credentials.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const phone = sync.callerWith(credentials.token);
      expect((await phone.sync.pull({ protocolVersion: syncProtocolVersion, cursor: 0 })).records).toHaveLength(1);
      expect((await phone.devices.list()).map((device) => [device.name, device.current])).toEqual([
        ['laptop', false],
        ['phone', true],
      ]);
    });

    it('accepts the code as people type it: lower case, spaces, a dash', async () => {
      const { code } = await laptop.call.pairing.create();
      const typed = ` ${code.slice(0, 4).toLowerCase()}-${code.slice(4)} `;
      expect(normalizePairingCode(typed.trim())).toBe(code);
      expect((await anonymous().pairing.redeem({ code: typed, deviceName: 'phone' })).userId).toBe(
        laptop.identity.userId,
      );
    });

    it('works once: a second redemption fails with not_found', async () => {
      const { code } = await laptop.call.pairing.create();
      await anonymous().pairing.redeem({ code, deviceName: 'phone' });
      const error = await errorOf(anonymous().pairing.redeem({ code, deviceName: 'tablet' }));
      expect(error).toMatchObject({ syncCode: 'not_found', trpcCode: 'NOT_FOUND' });
      expect(error.message).toBe(
        'This pairing code is unknown, already used or expired. Create a new one on a signed-in device.',
      );
      expect(await laptop.call.devices.list()).toHaveLength(2);
    });

    it('expires after ten minutes, and stays unusable', async () => {
      const { code } = await laptop.call.pairing.create();
      sync.clock.nowMs += 10 * 60_000;
      expect((await errorOf(anonymous().pairing.redeem({ code, deviceName: 'late' }))).syncCode).toBe('not_found');
      sync.clock.nowMs -= 60_000; // even if the clock steps back, the expired code was consumed
      expect((await errorOf(anonymous().pairing.redeem({ code, deviceName: 'late' }))).syncCode).toBe('not_found');
      expect(await laptop.call.devices.list()).toHaveLength(1);
    });

    it('refuses unknown codes, and codes of a device revoked since', async () => {
      expect((await errorOf(anonymous().pairing.redeem({ code: 'ABCDEFGH', deviceName: 'x' }))).syncCode).toBe(
        'not_found',
      );
      const { code } = await laptop.call.pairing.create();
      const other = await anonymous().pairing.redeem({
        code: (await laptop.call.pairing.create()).code,
        deviceName: 'other',
      });
      await sync.callerWith(other.token).devices.revoke({ deviceId: laptop.identity.deviceId });
      expect((await errorOf(anonymous().pairing.redeem({ code, deviceName: 'x' }))).syncCode).toBe('not_found');
    });

    it('stores only the code’s hash', async () => {
      const { code } = await laptop.call.pairing.create();
      const stored = (await sync.store.sql<{ code_hash: string }>('SELECT code_hash FROM sync_pairing_codes')).map(
        (row) => row.code_hash,
      );
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(await sync.store.sql('SELECT * FROM sync_pairing_codes'))).not.toContain(code);
    });

    it('needs a signed-in device to create a code, and a device name to redeem one', async () => {
      expect((await errorOf(anonymous().pairing.create())).syncCode).toBe('unauthorized');
      const { code } = await laptop.call.pairing.create();
      const error = await errorOf(anonymous().pairing.redeem({ code, deviceName: '  ' }));
      expect(error.syncCode).toBe('bad_request');
      expect(error.message).toContain('deviceName: Name this device');
    });
  });
});
