// The contract of a SyncStore, run against both stores (SQLite and PostgreSQL) through the real router:
// last writer wins, idempotent pushes, pages by a cursor the writes assigned, per-user sequences. The
// rest of the contract runs on both stores the same way (`describe.each(storeBackends())`): clocks bound
// to devices (device-clocks.test.ts), tombstones past the horizon (tombstone-horizon.test.ts), pairing
// (pairing.test.ts) and devices (devices.test.ts).
import { syncLimits, syncProtocolVersion, wireRecordKey } from '@hearth/schema';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type InProcessSyncOn, pairDevice, startSyncOn, type TestDevice } from '../test/in-process-sync.ts';
import { chatChange, clockAt, messageChange, mutationsOf, pushOf, testNowMs, tombstoneOf } from '../test/records.ts';
import { storeBackends } from '../test/store-backends.ts';
import { errorOf } from '../test/sync-error-of.ts';

describe.each(storeBackends())('the $name store', (backend) => {
  let sync: InProcessSyncOn;
  let device: TestDevice;
  beforeEach(async () => {
    sync = await startSyncOn(backend);
    device = await sync.newUser();
  });
  afterEach(() => sync.close());
  afterAll(() => backend.stop());

  const count = async (sql: string, values: unknown[] = []) => Number(await sync.store.value(sql, values));
  const userSeq = () => count('SELECT seq FROM sync_users');
  const pullAll = async () =>
    (await device.call.sync.pull({ protocolVersion: syncProtocolVersion, cursor: 0 })).records;

  describe('last writer wins by clock', () => {
    it('takes a newer clock and answers an older one with the server’s newer version', async () => {
      const v1 = chatChange({ title: 'first', updatedAt: clockAt({ wallMs: testNowMs - 2000 }) });
      const v2 = chatChange({ ...v1.record, title: 'second', updatedAt: clockAt({ wallMs: testNowMs - 1000 }) });
      await device.call.sync.push(pushOf(mutationsOf([v1, v2])));
      expect(await pullAll()).toEqual([v2]);

      const stale = chatChange({ ...v1.record, title: 'stale', updatedAt: clockAt({ wallMs: testNowMs - 1500 }) });
      const answer = await device.call.sync.push(pushOf(mutationsOf([stale], 3)));
      expect(answer).toEqual({ lastMutationId: 3, superseded: [v2], sequence: { before: 2, after: 2 } });
      expect(await pullAll()).toEqual([v2]);
    });

    it('treats an equal clock as the same write: nothing changes, nothing is superseded', async () => {
      const change = chatChange();
      await device.call.sync.push(pushOf(mutationsOf([change])));
      const seq = await userSeq();
      const again = await device.call.sync.push(pushOf(mutationsOf([change], 2)));
      expect(again).toEqual({ lastMutationId: 2, superseded: [], sequence: { before: seq, after: seq } });
      expect(await userSeq()).toBe(seq);
    });

    it('breaks a tie in wall time by counter, then by device id, the same way every time', async () => {
      const base = chatChange();
      const a = chatChange({ ...base.record, title: 'a', updatedAt: clockAt({ counter: 1, deviceId: 'aaa' }) });
      const b = chatChange({ ...base.record, title: 'b', updatedAt: clockAt({ counter: 1, deviceId: 'bbb' }) });
      await device.call.sync.push(pushOf(mutationsOf([b])));
      const answer = await device.call.sync.push(pushOf(mutationsOf([a], 2)));
      expect(answer.superseded).toEqual([b]);
      expect(await pullAll()).toEqual([b]);
    });

    it('lets a newer tombstone delete a record, and a stale edit cannot bring it back', async () => {
      const chat = chatChange({ updatedAt: clockAt({ wallMs: testNowMs - 3000 }) });
      const tombstone = tombstoneOf(chat, clockAt({ wallMs: testNowMs - 1000 }));
      const staleEdit = chatChange({
        ...chat.record,
        title: 'edited',
        updatedAt: clockAt({ wallMs: testNowMs - 2000 }),
      });
      await device.call.sync.push(pushOf(mutationsOf([chat, tombstone])));
      const answer = await device.call.sync.push(pushOf(mutationsOf([staleEdit], 3)));
      expect(answer.superseded).toEqual([tombstone]);
      expect(await pullAll()).toEqual([tombstone]);
    });

    it('reports a record superseded early in a batch and written later in it as written, not superseded', async () => {
      const current = chatChange({ updatedAt: clockAt({ wallMs: testNowMs - 1000 }) });
      await device.call.sync.push(pushOf(mutationsOf([current])));
      const older = chatChange({ ...current.record, title: 'older', updatedAt: clockAt({ wallMs: testNowMs - 2000 }) });
      const newer = chatChange({ ...current.record, title: 'newer', updatedAt: clockAt({ wallMs: testNowMs - 500 }) });
      const answer = await device.call.sync.push(pushOf(mutationsOf([older, newer], 2)));
      expect(answer).toEqual({ lastMutationId: 3, superseded: [], sequence: { before: 1, after: 2 } });
      expect(await pullAll()).toEqual([newer]);
    });

    it('keys settings by key and other records by table and id', async () => {
      const chat = chatChange();
      const message = messageChange({ id: chat.record.id }); // same id, another table: another record
      const setting = {
        table: 'settings' as const,
        record: { key: 'defaultModelConfigId' as const, value: null, updatedAt: clockAt(), deleted: false },
      };
      await device.call.sync.push(pushOf(mutationsOf([chat, message, setting])));
      expect(await pullAll()).toEqual([chat, message, setting]);
    });
  });

  describe('idempotent pushes', () => {
    it('applies a retried batch once: same answer, no new sequence numbers, no new rows', async () => {
      const batch = pushOf(mutationsOf([chatChange(), messageChange(), messageChange()]));
      const first = await device.call.sync.push(batch);
      const seq = await userSeq();
      const retried = await device.call.sync.push(batch);
      // The same applied id and nothing superseded; nothing new was written, so the span is empty.
      expect(retried).toEqual({ ...first, sequence: { before: seq, after: seq } });
      expect(first.sequence).toEqual({ before: 0, after: 3 });
      expect(first.lastMutationId).toBe(3);
      expect(await userSeq()).toBe(seq);
      expect(await count('SELECT COUNT(*) FROM sync_records')).toBe(3);
    });

    it('skips mutations by id, even when the retry carries newer content under the same ids', async () => {
      const chat = chatChange({ title: 'original', updatedAt: clockAt({ wallMs: testNowMs - 1000 }) });
      await device.call.sync.push(pushOf(mutationsOf([chat])));
      const rewritten = chatChange({ ...chat.record, title: 'rewritten', updatedAt: clockAt() });
      expect(await device.call.sync.push(pushOf(mutationsOf([rewritten])))).toEqual({
        lastMutationId: 1,
        superseded: [],
        sequence: { before: 1, after: 1 },
      });
      expect(await pullAll()).toEqual([chat]);
    });

    it('applies only the new part of a batch that overlaps one already applied', async () => {
      const changes = [1, 2, 3, 4, 5].map((n) => chatChange({ title: `chat ${n}` }));
      await device.call.sync.push(pushOf(mutationsOf(changes.slice(0, 3))));
      const overlap = await device.call.sync.push(pushOf(mutationsOf(changes.slice(1), 2)));
      expect(overlap.lastMutationId).toBe(5);
      expect(await userSeq()).toBe(5);
      expect((await pullAll()).map((change) => change.record)).toEqual(changes.map((change) => change.record));
    });

    it('keeps the last applied id per device, not per user', async () => {
      const other = await sync.callerWith(device.token).pairing.create();
      const second = await sync.callerWith(undefined).pairing.redeem({ code: other.code, deviceName: 'phone' });
      const phone = sync.callerWith(second.token);
      await device.call.sync.push(pushOf(mutationsOf([chatChange()])));
      const fromPhone = await phone.sync.push(
        pushOf(mutationsOf([chatChange({ updatedAt: clockAt({ deviceId: 'phone' }) })])),
      );
      expect(fromPhone.lastMutationId).toBe(1);
      expect(await pullAll()).toHaveLength(2);
    });

    it('refuses mutation ids that do not increase within a batch, writing nothing', async () => {
      const mutations = mutationsOf([chatChange(), chatChange()]).reverse();
      const error = await errorOf(device.call.sync.push(pushOf(mutations)));
      expect(error.syncCode).toBe('bad_request');
      expect(error.message).toBe('Mutation ids must increase within a batch: 1 follows 2.');
      expect(await count('SELECT COUNT(*) FROM sync_records')).toBe(0);
    });
  });

  describe('pull', () => {
    it('misses nothing while the user’s devices push at once: each write takes the next number as it commits', async () => {
      const all = [device];
      for (let index = 1; index < 6; index += 1) all.push(await pairDevice(sync, device, `device ${index}`));
      let pushing = true;
      const pushes = all.map(async (writer, index) => {
        for (let batch = 0; batch < 4; batch += 1) {
          const changes = Array.from({ length: 5 }, () =>
            chatChange({ updatedAt: clockAt({ deviceId: `dev${index}` }) }),
          );
          await writer.call.sync.push(pushOf(mutationsOf(changes, batch * 5 + 1)));
        }
      });
      // A device pulling from its cursor all along, as the pushes commit in whatever order they do.
      const seen = new Set<string>();
      const puller = (async () => {
        let cursor = 0;
        for (;;) {
          const last = !pushing;
          const page = await device.call.sync.pull({ protocolVersion: syncProtocolVersion, cursor, limit: 7 });
          for (const change of page.records) seen.add(wireRecordKey(change));
          cursor = page.cursor;
          if (last && !page.hasMore) return cursor;
        }
      })();
      await Promise.all(pushes);
      pushing = false;
      expect(await puller).toBe(120);
      expect(seen.size).toBe(120);
      expect(await userSeq()).toBe(120);
    });

    it('pages the user’s changes oldest first by a cursor the writes assigned', async () => {
      const changes = Array.from({ length: 5 }, (_, n) => messageChange({ content: `m${n}` }));
      await device.call.sync.push(pushOf(mutationsOf(changes)));
      // An edit moves a record to the end: its latest change is the newest.
      const edited = messageChange({ ...changes[0]?.record, content: 'edited', updatedAt: clockAt({ counter: 1 }) });
      await device.call.sync.push(pushOf(mutationsOf([edited], 6)));

      const first = await device.call.sync.pull({ protocolVersion: syncProtocolVersion, cursor: 0, limit: 2 });
      expect(first).toEqual({ records: [changes[1], changes[2]], cursor: 3, hasMore: true });
      const second = await device.call.sync.pull({
        protocolVersion: syncProtocolVersion,
        cursor: first.cursor,
        limit: 2,
      });
      expect(second).toEqual({ records: [changes[3], changes[4]], cursor: 5, hasMore: true });
      const last = await device.call.sync.pull({
        protocolVersion: syncProtocolVersion,
        cursor: second.cursor,
        limit: 2,
      });
      expect(last).toEqual({ records: [edited], cursor: 6, hasMore: false });
      expect(await device.call.sync.pull({ protocolVersion: syncProtocolVersion, cursor: 6 })).toEqual({
        records: [],
        cursor: 6,
        hasMore: false,
      });
    });

    it('ends a page by bytes as well as by count, always with at least one record', async () => {
      // 24 records of about 200 kB: a page of 1,000 would be 4.8 MB; the byte cap (4 MiB) stops it at 20.
      const big = Array.from({ length: 24 }, (_, n) => messageChange({ content: `${n}`.padEnd(200_000, 'x') }));
      for (const [index, change] of big.entries())
        await device.call.sync.push(pushOf(mutationsOf([change], index + 1)));
      const first = await device.call.sync.pull({ protocolVersion: syncProtocolVersion, cursor: 0 });
      expect(first.records.map((change) => change.record.id)).toEqual(
        big.slice(0, 20).map((change) => change.record.id),
      );
      expect(first).toMatchObject({ cursor: 20, hasMore: true });
      expect(Buffer.byteLength(JSON.stringify(first.records))).toBeLessThanOrEqual(syncLimits.bytesPerPullPage);
      const second = await device.call.sync.pull({ protocolVersion: syncProtocolVersion, cursor: first.cursor });
      expect(second).toMatchObject({ cursor: 24, hasMore: false });
      expect(second.records).toHaveLength(4);
    });

    it('counts each user’s sequence on its own', async () => {
      const other = await sync.newUser();
      await device.call.sync.push(pushOf(mutationsOf([chatChange(), chatChange()])));
      await other.call.sync.push(pushOf(mutationsOf([chatChange()])));
      expect((await other.call.sync.pull({ protocolVersion: syncProtocolVersion, cursor: 0 })).cursor).toBe(1);
      expect((await device.call.sync.pull({ protocolVersion: syncProtocolVersion, cursor: 0 })).cursor).toBe(2);
    });

    it('refuses a page size over the limit and another protocol version', async () => {
      expect(
        (await errorOf(device.call.sync.pull({ protocolVersion: syncProtocolVersion, cursor: 0, limit: 1001 })))
          .syncCode,
      ).toBe('bad_request');
      const wrongVersion = { protocolVersion: 1, cursor: 0 } as unknown as {
        protocolVersion: 2;
        cursor: number;
      };
      const error = await errorOf(device.call.sync.pull(wrongVersion));
      expect(error.syncCode).toBe('unsupported_version');
      expect(error.message).toContain('speaks sync protocol version 2, not 1');
    });
  });
});
