// QUALITY 21: a push over the size limits, or with one invalid record, is rejected whole: nothing written.
import { syncLimits, syncProtocolVersion } from '@hearth/schema';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type HttpSync, startHttpSync } from './test/http-sync.ts';
import { chatChange, messageChange, mutationsOf, pushOf } from './test/records.ts';
import { errorOf } from './test/sync-error-of.ts';

let sync: HttpSync;
let device: Awaited<ReturnType<HttpSync['newUser']>>;
beforeAll(async () => {
  sync = await startHttpSync();
});
afterAll(() => sync.close());
beforeEach(async () => {
  device = await sync.newUser();
});

/** Asserts that nothing of this user's was written: no records, no cursor, no applied mutation id. */
async function expectNothingWritten() {
  const db = sync.running.server.storage?.db;
  const { userId, deviceId } = device.identity;
  expect(await device.client.sync.pull.query({ protocolVersion: syncProtocolVersion, cursor: 0 })).toEqual({
    records: [],
    cursor: 0,
    hasMore: false,
  });
  expect(db?.prepare('SELECT COUNT(*) FROM sync_records WHERE user_id = ?').pluck().get(userId)).toBe(0);
  expect(db?.prepare('SELECT seq FROM sync_users WHERE id = ?').pluck().get(userId)).toBe(0);
  expect(db?.prepare('SELECT last_mutation_id FROM sync_devices WHERE id = ?').pluck().get(deviceId)).toBe(0);
}

describe('push limits', () => {
  it(`refuses more than ${syncLimits.mutationsPerPush} mutations with too_large (413)`, async () => {
    const mutations = mutationsOf(Array.from({ length: syncLimits.mutationsPerPush + 1 }, () => chatChange()));
    const error = await errorOf(device.client.sync.push.mutate(pushOf(mutations)));
    expect(error).toMatchObject({ syncCode: 'too_large', trpcCode: 'PAYLOAD_TOO_LARGE', httpStatus: 413 });
    expect(error.message).toBe('A push may carry at most 500 mutations; this one has 501. Send smaller batches.');
    await expectNothingWritten();
  });

  it('refuses a batch with one record over the per-record limit, naming it', async () => {
    const big = messageChange({ content: 'x'.repeat(syncLimits.bytesPerRecord) });
    const mutations = mutationsOf([messageChange(), big, messageChange()]);
    const error = await errorOf(device.client.sync.push.mutate(pushOf(mutations)));
    expect(error.syncCode).toBe('too_large');
    expect(error.message).toMatch(
      new RegExp(
        `^Mutation 2 \\(messages record ${big.record.id}\\) is \\d+ bytes; a record may be at most 262144 bytes as JSON\\.$`,
      ),
    );
    expect(error.details).toMatchObject({ limit: syncLimits.bytesPerRecord, mutationId: 2 });
    await expectNothingWritten();
  });

  it('refuses a batch over the per-push limit although each record is within its own', async () => {
    // 17 records of ~247 KB: about 4.2 MB, over the 4 MiB limit but under the HTTP body cap.
    const mutations = mutationsOf(Array.from({ length: 17 }, () => messageChange({ content: 'y'.repeat(247_500) })));
    const error = await errorOf(device.client.sync.push.mutate(pushOf(mutations)));
    expect(error.syncCode).toBe('too_large');
    expect(error.message).toMatch(/^This push is \d+ bytes; a push may be at most 4194304 bytes as JSON\./);
    await expectNothingWritten();
  });

  it('refuses a body over the HTTP cap while reading it, with the same code', async () => {
    const mutations = mutationsOf(Array.from({ length: 25 }, () => messageChange({ content: 'z'.repeat(250_000) })));
    const error = await errorOf(device.client.sync.push.mutate(pushOf(mutations)));
    expect(error).toMatchObject({ syncCode: 'too_large', httpStatus: 413 });
    expect(error.message).toContain("over this server's limit");
    await expectNothingWritten();
  });

  it('refuses a batch with one invalid record among valid ones, naming the record and the field', async () => {
    const invalid = chatChange();
    const broken = { ...invalid, record: { ...invalid.record, updatedAt: 'yesterday' } };
    const mutations = mutationsOf([chatChange(), messageChange(), broken, chatChange()]);
    const error = await errorOf(device.client.sync.push.mutate(pushOf(mutations)));
    expect(error).toMatchObject({ syncCode: 'bad_request', trpcCode: 'BAD_REQUEST', httpStatus: 400 });
    expect(error.message).toBe(
      `The request does not fit the sync protocol: mutation 3 (chats record ${invalid.record.id}): ` +
        'record.updatedAt: Expected a hybrid logical clock value',
    );
    await expectNothingWritten();
  });

  it('refuses device-local settings and unknown tables as invalid', async () => {
    const theme = {
      table: 'settings',
      record: { key: 'theme', value: 'dark', updatedAt: chatChange().record.updatedAt, deleted: false },
    };
    const secret = { table: 'secrets', record: { modelConfigId: chatChange().record.id, apiKey: 'sk-canary' } };
    for (const change of [theme, secret]) {
      const request = {
        protocolVersion: syncProtocolVersion,
        mutations: [{ mutationId: 1, change }],
      } as unknown as ReturnType<typeof pushOf>;
      expect((await errorOf(device.client.sync.push.mutate(request))).syncCode).toBe('bad_request');
    }
    await expectNothingWritten();
  });

  it('accepts a batch right at the mutation limit', async () => {
    const mutations = mutationsOf(Array.from({ length: syncLimits.mutationsPerPush }, () => chatChange()));
    expect(await device.client.sync.push.mutate(pushOf(mutations))).toEqual({
      lastMutationId: 500,
      superseded: [],
      sequence: { before: 0, after: 500 },
    });
  });
});
