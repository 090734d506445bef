import { syncProtocolVersion } from '@hearth/schema';
// QUALITY 26: database busy or disk full: a retryable `busy` error, and the batch stays atomic.
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpSync, startHttpSync } from './test/http-sync.ts';
import { messageChange, mutationsOf, pushOf } from './test/records.ts';
import { errorOf } from './test/sync-error-of.ts';

let sync: HttpSync;
beforeAll(async () => {
  sync = await startHttpSync();
});
afterAll(() => sync.close());

const db = () => {
  const storage = sync.running.server.storage;
  if (storage === undefined) throw new Error('no storage');
  return storage.db;
};
const rowsOf = (userId: string) =>
  db().prepare('SELECT COUNT(*) FROM sync_records WHERE user_id = ?').pluck().get(userId) as number;
const seqOf = (userId: string) => db().prepare('SELECT seq FROM sync_users WHERE id = ?').pluck().get(userId) as number;

describe('a busy or full database', () => {
  it('answers busy (503) while another connection holds the write lock, then the retry applies once', async () => {
    const device = await sync.newUser();
    const batch = pushOf(mutationsOf([messageChange(), messageChange(), messageChange()]));
    const other = new BetterSqlite3(db().name);
    const timeout = db().pragma('busy_timeout', { simple: true }) as number;
    db().pragma('busy_timeout = 50');
    try {
      other.exec('BEGIN IMMEDIATE');
      const error = await errorOf(device.client.sync.push.mutate(batch));
      expect(error).toMatchObject({ syncCode: 'busy', trpcCode: 'SERVICE_UNAVAILABLE', httpStatus: 503 });
      expect(error.message).toBe('The sync server’s database is busy; nothing was written. Try again shortly.');
      expect(error.details).toEqual({ reason: 'locked' });
      other.exec('ROLLBACK');
    } finally {
      other.close();
      db().pragma(`busy_timeout = ${timeout}`);
    }
    expect(rowsOf(device.identity.userId)).toBe(0);
    expect(await device.client.sync.push.mutate(batch)).toMatchObject({ lastMutationId: 3, superseded: [] });
    expect(rowsOf(device.identity.userId)).toBe(3);
    expect(seqOf(device.identity.userId)).toBe(3);
  });

  it('answers busy when the disk fills half-way through a batch, and rolls the whole batch back', async () => {
    const device = await sync.newUser();
    // Four records of ~200 KB: the page limit below leaves room for about one of them.
    const batch = pushOf(mutationsOf(Array.from({ length: 4 }, () => messageChange({ content: 'f'.repeat(200_000) }))));
    const pageSize = db().pragma('page_size', { simple: true }) as number;
    const pages = db().pragma('page_count', { simple: true }) as number;
    db().pragma(`max_page_count = ${pages + Math.ceil(300_000 / pageSize)}`);
    try {
      const error = await errorOf(device.client.sync.push.mutate(batch));
      expect(error).toMatchObject({ syncCode: 'busy', httpStatus: 503, details: { reason: 'full' } });
      expect(error.message).toBe('The sync server is out of storage space; nothing was written. Try again later.');
    } finally {
      db().pragma('max_page_count = 4294967294');
    }
    expect(rowsOf(device.identity.userId)).toBe(0);
    expect(seqOf(device.identity.userId)).toBe(0);
    expect(await device.client.sync.pull.query({ protocolVersion: syncProtocolVersion, cursor: 0 })).toMatchObject({
      records: [],
    });

    expect((await device.client.sync.push.mutate(batch)).lastMutationId).toBe(4);
    expect(rowsOf(device.identity.userId)).toBe(4);
    expect(db().pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
