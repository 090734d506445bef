import { syncProtocolVersion } from '@hearth/schema';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogCollector } from '../../test/log-collector.ts';
import { makeTempDir } from '../../test/temp-dir.ts';
import { testConfig } from '../../test/test-server.ts';
import { createServer } from '../server/create-server.ts';
import { hashSecret, newDeviceToken } from './device-token.ts';
import { daysToMs } from './sync-options.ts';
import { type InProcessSyncOn, pairDevice, startSyncOn, type TestDevice } from './test/in-process-sync.ts';
import { chatChange, clockAt, mutationsOf, pushOf, testNowMs, tombstoneOf } from './test/records.ts';
import { storeBackends } from './test/store-backends.ts';
import { errorOf } from './test/sync-error-of.ts';

const horizonMs = daysToMs(30);
describe.each(storeBackends())('on the $name store', (backend) => {
  let sync: InProcessSyncOn;
  let laptop: TestDevice;
  beforeEach(async () => {
    sync = await startSyncOn(backend, { sync: { tombstoneHorizonMs: horizonMs } });
    laptop = await sync.newUser();
  });
  afterEach(() => sync.close());
  afterAll(() => backend.stop());

  const purge = () => sync.services.store.purge({ nowMs: sync.clock.nowMs, horizonMs });
  const pull = (device: TestDevice, cursor: number) =>
    device.call.sync.pull({ protocolVersion: syncProtocolVersion, cursor });

  describe('tombstones past the horizon', () => {
    it('are purged only after the horizon, counted from when the server took the deletion', async () => {
      const chat = chatChange();
      await laptop.call.sync.push(
        pushOf(
          mutationsOf([
            chat,
            { ...chat, record: { ...chat.record, deleted: true, updatedAt: clockAt({ counter: 1 }) } },
          ]),
        ),
      );
      sync.clock.nowMs += horizonMs - 1;
      expect(await purge()).toEqual({ tombstones: 0, pairingCodes: 0 });
      expect((await pull(laptop, 0)).records).toHaveLength(1);
      sync.clock.nowMs += 2;
      expect(await purge()).toEqual({ tombstones: 1, pairingCodes: 0 });
      expect((await pull(laptop, 0)).records).toEqual([]);
    });

    it('tell a device that synced before the purge to start over, and serve a fresh one from 0', async () => {
      const phone = await pairDevice(sync, laptop);
      const kept = chatChange({ title: 'kept' });
      const doomed = chatChange({ title: 'doomed' });
      await laptop.call.sync.push(pushOf(mutationsOf([kept, doomed])));
      const phoneCursor = (await pull(phone, 0)).cursor; // 2: the phone has both, then goes offline
      const tombstone = { ...doomed, record: { ...doomed.record, deleted: true, updatedAt: clockAt({ counter: 5 }) } };
      await laptop.call.sync.push(pushOf(mutationsOf([tombstone], 3)));
      const laptopCursor = (await pull(laptop, 0)).cursor; // 3: the laptop saw the deletion

      sync.clock.nowMs += horizonMs + 1;
      await purge();
      const error = await errorOf(pull(phone, phoneCursor));
      expect(error).toMatchObject({ syncCode: 'resync_required', trpcCode: 'CONFLICT' });
      expect(error.message).toContain('download everything again from cursor 0');
      expect(error.details).toEqual({ cursor: 2, purgedThroughSeq: 3 });
      expect(await pull(laptop, laptopCursor)).toEqual({ records: [], cursor: 3, hasMore: false });
      expect(await pull(phone, 0)).toEqual({ records: [kept], cursor: 1, hasMore: false });
    });

    it('keep a purged record deleted when a device that was away pushes an old edit of it', async () => {
      const phone = await pairDevice(sync, laptop);
      const chat = chatChange({ updatedAt: clockAt({ wallMs: testNowMs - 10_000 }) });
      await laptop.call.sync.push(pushOf(mutationsOf([chat])));
      const tombstone = { ...chat, record: { ...chat.record, deleted: true, updatedAt: clockAt() } };
      await laptop.call.sync.push(pushOf(mutationsOf([tombstone], 2)));
      sync.clock.nowMs += horizonMs + 1;
      await purge();

      // The phone edited the chat offline, before the deletion by the clock; it pushes before it pulls.
      const oldEdit = {
        ...chat,
        record: {
          ...chat.record,
          title: 'edited offline',
          updatedAt: clockAt({ wallMs: testNowMs - 5000, deviceId: 'phone' }),
        },
      };
      const answer = await phone.call.sync.push(pushOf(mutationsOf([oldEdit])));
      // The deletion comes back as a tombstone: the record's identity and the deletion's clock, nothing else.
      expect(answer.superseded).toEqual([tombstoneOf(chat, tombstone.record.updatedAt)]);
      expect((await pull(laptop, 0)).records).toEqual([]);

      // A change after the deletion is a new write and is taken.
      const later = {
        ...chat,
        record: {
          ...chat.record,
          title: 'restored',
          updatedAt: clockAt({ wallMs: sync.clock.nowMs, deviceId: 'phone' }),
        },
      };
      expect((await phone.call.sync.push(pushOf(mutationsOf([later], 2)))).superseded).toEqual([]);
      expect((await pull(laptop, 0)).records).toEqual([later]);
    });

    it('keep what a device created while it was away, however old its clock', async () => {
      const phone = await pairDevice(sync, laptop);
      const chat = chatChange();
      await laptop.call.sync.push(
        pushOf(
          mutationsOf([
            chat,
            { ...chat, record: { ...chat.record, deleted: true, updatedAt: clockAt({ counter: 1 }) } },
          ]),
        ),
      );
      sync.clock.nowMs += horizonMs + 1;
      expect((await purge()).tombstones).toBe(1);
      // Created on the phone, offline, with a clock older than the forgotten deletion.
      const created = chatChange({
        title: 'written offline',
        updatedAt: clockAt({ wallMs: testNowMs - 60_000, deviceId: 'phone' }),
      });
      expect(await phone.call.sync.push(pushOf(mutationsOf([created])))).toMatchObject({
        lastMutationId: 1,
        superseded: [],
      });
      expect((await pull(laptop, 0)).records).toEqual([created]);
    });

    it('keep one user’s grave from blocking, changing or revealing another user’s record with the same key', async () => {
      const chat = chatChange({ updatedAt: clockAt({ wallMs: testNowMs - 10_000 }) });
      await laptop.call.sync.push(pushOf(mutationsOf([chat, tombstoneOf(chat, clockAt())])));
      sync.clock.nowMs += horizonMs + 1;
      expect((await purge()).tombstones).toBe(1);
      // Another user writes a record with the same key and an older clock than the first user's deletion.
      const other = await sync.newUser('someone else');
      const theirs = chatChange({
        ...chat.record,
        title: 'mine',
        updatedAt: clockAt({ wallMs: testNowMs - 5000, deviceId: 'other' }),
      });
      const answer = await other.call.sync.push(pushOf(mutationsOf([theirs])));
      expect(answer.superseded).toEqual([]);
      expect((await pull(other, 0)).records).toEqual([theirs]);
      expect((await pull(laptop, 0)).records).toEqual([]);
    });

    it('purge expired pairing codes with them', async () => {
      await laptop.call.pairing.create();
      sync.clock.nowMs += 10 * 60_000;
      expect(await purge()).toEqual({ tombstones: 0, pairingCodes: 1 });
    });
  });
});

describe('the purge schedule', () => {
  it('runs at start-up with the configured horizon (SYNC_TOMBSTONE_DAYS)', async () => {
    const temp = makeTempDir('purge');
    const clock = { nowMs: testNowMs };
    const config = testConfig({ cwd: temp.path, env: { STATIC_DIR: temp.path, SYNC_TOMBSTONE_DAYS: '2' } });
    const start = () => createServer({ config, logDestination: new LogCollector(), now: () => clock.nowMs });
    try {
      const first = await start();
      const token = newDeviceToken();
      const sync = first.sync;
      if (sync === undefined) throw new Error('no sync API');
      const identity = await sync.store.createUser({
        deviceName: 'd',
        tokenHash: hashSecret(token),
        nowMs: clock.nowMs,
      });
      const chat = tombstoneOf(chatChange(), clockAt());
      await sync.store.applyPush({ identity, mutations: mutationsOf([chat]), nowMs: clock.nowMs });
      await first.close();

      clock.nowMs += daysToMs(2) + 1;
      const second = await start();
      const rows = () => second.storage?.db.prepare('SELECT COUNT(*) FROM sync_records').pluck().get();
      expect(rows()).toBe(0);
      await second.close();
    } finally {
      temp.remove();
    }
  });
});
