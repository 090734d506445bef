import { syncProtocolVersion } from '@hearth/schema';
// QUALITY 22: a record whose clock is far in the server's future is rejected with a clear error.
import { afterEach, describe, expect, it } from 'vitest';
import { formatDuration } from './push-checks.ts';
import { type HttpSync, startHttpSync } from './test/http-sync.ts';
import { chatChange, clockAt, messageChange, mutationsOf, pushOf, testNowMs } from './test/records.ts';
import { errorOf } from './test/sync-error-of.ts';

let sync: HttpSync | undefined;
afterEach(async () => {
  await sync?.close();
  sync = undefined;
});

const minute = 60_000;

describe('clocks far in the server’s future', () => {
  it('refuses the whole batch with clock_ahead, naming the record and by how much', async () => {
    sync = await startHttpSync({ now: () => testNowMs });
    const device = await sync.newUser();
    const ahead = messageChange({ updatedAt: clockAt({ wallMs: testNowMs + 12 * minute + 34_000, deviceId: 'fast' }) });
    const mutations = mutationsOf([chatChange(), ahead, chatChange()]);
    const error = await errorOf(device.client.sync.push.mutate(pushOf(mutations)));
    expect(error).toMatchObject({ syncCode: 'clock_ahead', trpcCode: 'BAD_REQUEST', httpStatus: 400 });
    expect(error.message).toBe(
      `The messages record ${ahead.record.id} (mutation 2) has a clock 12 min 34 s ahead of the server's; at most ` +
        "5 min is accepted. Set this device's date and time correctly, then sync again. Nothing in this push was written.",
    );
    expect(error.details).toEqual({
      mutationId: 2,
      table: 'messages',
      recordKey: ahead.record.id,
      aheadMs: 12 * minute + 34_000,
      maxAheadMs: 5 * minute,
      serverTimeMs: testNowMs,
    });
    expect(await device.client.sync.pull.query({ protocolVersion: syncProtocolVersion, cursor: 0 })).toMatchObject({
      records: [],
      cursor: 0,
    });
  });

  it('accepts a clock ahead by less than the limit', async () => {
    sync = await startHttpSync({ now: () => testNowMs });
    const device = await sync.newUser();
    const change = chatChange({ updatedAt: clockAt({ wallMs: testNowMs + 4 * minute }) });
    expect(await device.client.sync.push.mutate(pushOf(mutationsOf([change])))).toEqual({
      lastMutationId: 1,
      superseded: [],
      sequence: { before: 0, after: 1 },
    });
  });

  it('follows SYNC_MAX_CLOCK_AHEAD_MS', async () => {
    sync = await startHttpSync({ now: () => testNowMs, env: { SYNC_MAX_CLOCK_AHEAD_MS: String(2 * 60 * minute) } });
    const device = await sync.newUser();
    const hourAhead = chatChange({ updatedAt: clockAt({ wallMs: testNowMs + 60 * minute }) });
    expect((await device.client.sync.push.mutate(pushOf(mutationsOf([hourAhead])))).lastMutationId).toBe(1);
    const threeHours = chatChange({ updatedAt: clockAt({ wallMs: testNowMs + 3 * 60 * minute }) });
    const error = await errorOf(device.client.sync.push.mutate(pushOf(mutationsOf([threeHours], 2))));
    expect(error.syncCode).toBe('clock_ahead');
    expect(error.message).toContain('a clock 3 h ahead');
    expect(error.message).toContain('at most 2 h is accepted');
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [1_499, '1 s'],
    [754_000, '12 min 34 s'],
    [3_600_000, '1 h'],
    [90_061_000, '1 d 1 h 1 min 1 s'],
  ])('%d ms is %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
