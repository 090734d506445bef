// QUALITY 26 on PostgreSQL: a locked user row or a database that went away is a retryable `busy`
// error with nothing written, and the health check says the database is unavailable.
import { syncProtocolVersion } from '@hearth/schema';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresCluster, startPostgresCluster } from '../../test/postgres-cluster.ts';
import { rawGet } from '../../test/raw-get.ts';
import { makeTempDir } from '../../test/temp-dir.ts';
import { type RunningTestServer, startTestServer, testConfig } from '../../test/test-server.ts';
import { hashSecret, newDeviceToken } from './device-token.ts';
import { SyncError } from './sync-error.ts';
import { syncClient } from './test/http-sync.ts';
import { messageChange, mutationsOf, pushOf } from './test/records.ts';
import { errorOf } from './test/sync-error-of.ts';

let cluster: PostgresCluster;
let url: string;
let running: RunningTestServer;
const temp = makeTempDir('pg-outage');
beforeAll(async () => {
  cluster = await startPostgresCluster();
  url = await cluster.createDatabase('outage');
  const config = testConfig({ cwd: temp.path, env: { STATIC_DIR: temp.path, LOG_LEVEL: 'warn', DATABASE_URL: url } });
  running = await startTestServer({ config });
});
afterAll(async () => {
  await running?.close();
  await cluster?.stop();
  temp.remove();
});

async function newDevice() {
  const sync = running.server.sync;
  if (sync === undefined) throw new Error('the sync API is not mounted');
  const token = newDeviceToken();
  const identity = await sync.store.createUser({ deviceName: 'd', tokenHash: hashSecret(token), nowMs: sync.now() });
  return { identity, client: syncClient({ url: running.url, token }) };
}

const rowsOf = async (userId: string) => {
  const result = await running.server.postgres?.pool.query(
    'SELECT COUNT(*) AS n FROM sync_records WHERE user_id = $1',
    [userId],
  );
  return result?.rows[0]?.n;
};

describe('the sync API on PostgreSQL', () => {
  it('keeps no SQLite file: DATABASE_URL replaces DATA_DIR', () => {
    expect(running.server.storage).toBeUndefined();
    expect(running.server.postgres).toBeDefined();
  });

  it('answers busy while another session holds the user’s row past the lock timeout, writing nothing', async () => {
    const device = await newDevice();
    const store = running.server.sync?.store;
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT 1 FROM sync_users WHERE id = $1 FOR UPDATE', [device.identity.userId]);
      // The push waits for the row as long as the store's lock timeout (5 s), then gives up.
      const batch = mutationsOf([messageChange(), messageChange()]);
      const error = await store
        ?.applyPush({ identity: device.identity, mutations: batch, nowMs: Date.now() })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SyncError);
      expect(error).toMatchObject({ code: 'busy', details: { reason: 'locked' } });
      expect((error as SyncError).message).toBe(
        'The sync server’s database is busy; nothing was written. Try again shortly.',
      );
      await other.query('ROLLBACK');
      expect(await rowsOf(device.identity.userId)).toBe(0);
      expect((await device.client.sync.push.mutate(pushOf(batch))).lastMutationId).toBe(2);
      expect(await rowsOf(device.identity.userId)).toBe(2);
    } finally {
      await other.end();
    }
  });

  it('answers busy (503) and an unavailable health check when the database is gone', async () => {
    const device = await newDevice();
    expect((await rawGet(`${running.url}/healthz`, {})).status).toBe(200);
    await cluster.stop();
    const error = await errorOf(device.client.sync.pull.query({ protocolVersion: syncProtocolVersion, cursor: 0 }));
    // The token cannot even be checked: the request is refused as busy, not as signed out.
    expect(error).toMatchObject({ syncCode: 'busy', httpStatus: 503, details: { reason: 'unavailable' } });
    expect(error.message).toBe(
      'The sync server cannot reach its database right now; nothing was written. Try again shortly.',
    );
    const health = await rawGet(`${running.url}/healthz`, {});
    expect(health.status).toBe(503);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'unavailable', database: 'unavailable' });
  });
});
