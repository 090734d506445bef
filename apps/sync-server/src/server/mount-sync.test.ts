import { syncProtocolVersion } from '@hearth/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/temp-dir.ts';
import { type RunningTestServer, startTestServer, testConfig } from '../../test/test-server.ts';
import { type HttpSync, startHttpSync } from '../sync/test/http-sync.ts';
import { chatChange, mutationsOf, pushOf } from '../sync/test/records.ts';

let sync: HttpSync | undefined;
afterEach(async () => {
  await sync?.close();
  sync = undefined;
});

describe('the sync API on the server', () => {
  it('is not mounted in relay-only mode', async () => {
    const temp = makeTempDir('relay-only');
    let running: RunningTestServer | undefined;
    try {
      running = await startTestServer({
        config: testConfig({ cwd: temp.path, argv: ['--relay-only'], env: { STATIC_DIR: temp.path } }),
      });
      expect(running.server.sync).toBeUndefined();
      const response = await fetch(`${running.url}/trpc/server.info`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error: { code: 'not_found', message: 'Nothing here: GET /trpc/server.info' },
      });
    } finally {
      await running?.close();
      temp.remove();
    }
  });

  it('answers with no-store, and counts pushes, mutations and pulls in /metrics', async () => {
    sync = await startHttpSync();
    const device = await sync.newUser();
    await device.client.sync.push.mutate(pushOf(mutationsOf([chatChange(), chatChange()])));
    await device.client.sync.push.mutate(pushOf(mutationsOf([chatChange(), chatChange()]))); // a retry: nothing applied
    await device.client.sync.pull.query({ protocolVersion: syncProtocolVersion, cursor: 0 });
    const info = await fetch(`${sync.url}/trpc/server.info`);
    expect(info.headers.get('cache-control')).toBe('no-store');
    const metrics = await (await fetch(`${sync.url}/metrics`)).text();
    expect(metrics).toContain('hearth_sync_pushes_total 2');
    expect(metrics).toContain('hearth_sync_mutations_applied_total 2');
    expect(metrics).toContain('hearth_sync_pulls_total 1');
    expect(metrics).toContain('hearth_sync_records_pulled_total 2');
    expect(metrics).toContain('hearth_http_requests_total{method="POST",route="/trpc/*",status_code="200"} 2');
  });

  it('answers an unexpected fault with 500 and syncCode null, keeping its details for the log', async () => {
    sync = await startHttpSync();
    const device = await sync.newUser();
    const store = sync.running.server.sync?.store;
    if (store === undefined) throw new Error('no sync API');
    store.applyPush = async () => {
      throw new Error('no such table: internal_detail');
    };
    const response = await fetch(`${sync.url}/trpc/sync.push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(pushOf(mutationsOf([chatChange()]))),
    });
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(JSON.parse(body)).toMatchObject({
      error: {
        message: 'The sync server failed to answer; try again later.',
        data: { code: 'INTERNAL_SERVER_ERROR', syncCode: null, details: null },
      },
    });
    expect(body).not.toContain('internal_detail');
    expect(sync.running.logs.text).toContain('sync call failed');
    expect(sync.running.logs.text).toContain('internal_detail');
  });

  it('allows the origins of SYNC_CORS_ORIGINS, exactly, and no others', async () => {
    sync = await startHttpSync({ env: { SYNC_CORS_ORIGINS: 'https://chat.example.com' } });
    const preflight = await fetch(`${sync.url}/trpc/sync.push`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://chat.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://chat.example.com');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST');
    const actual = await fetch(`${sync.url}/trpc/server.info`, { headers: { origin: 'https://chat.example.com' } });
    expect(actual.headers.get('access-control-allow-origin')).toBe('https://chat.example.com');

    for (const origin of ['https://evil.example.com', 'https://chat.example.com.evil.com']) {
      const refused = await fetch(`${sync.url}/trpc/server.info`, { method: 'OPTIONS', headers: { origin } });
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      const get = await fetch(`${sync.url}/trpc/server.info`, { headers: { origin } });
      expect(get.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});
