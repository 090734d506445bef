import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeWebAppFiles, writeFakeWebApp } from '../../test/fake-web-app.ts';
import { rawGet } from '../../test/raw-get.ts';
import { makeTempDir } from '../../test/temp-dir.ts';
import { type RunningTestServer, startTestServer, testConfig } from '../../test/test-server.ts';
import { appContentSecurityPolicy } from './security-headers.ts';

const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
const immutable = 'public, max-age=31536000, immutable';

describe('serving the built web app', () => {
  const temp = makeTempDir('web-app');
  let running: RunningTestServer;

  beforeAll(async () => {
    writeFakeWebApp(join(temp.path, 'web'));
    const config = testConfig({ env: { STATIC_DIR: join(temp.path, 'web'), RELAY_ONLY: '1' } });
    running = await startTestServer({ config });
  });
  afterAll(async () => {
    await running.close();
    temp.remove();
  });

  it('serves index.html at / with no-cache', async () => {
    const response = await fetch(`${running.url}/`, { headers: html });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe(fakeWebAppFiles['/index.html']);
  });

  it.each(['/assets/index-AbC123.js', '/assets/index-DeF456.css'])('caches hashed %s forever', async (path) => {
    const response = await fetch(`${running.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(immutable);
    expect(await response.text()).toBe(fakeWebAppFiles[path as keyof typeof fakeWebAppFiles]);
  });

  it.each(['/index.html', '/sw.js', '/registerSW.js', '/workbox-5a6b7c8d.js', '/manifest.webmanifest'])(
    'serves %s with no-cache so that updates reach the browser',
    async (path) => {
      const response = await fetch(`${running.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(fakeWebAppFiles[path as keyof typeof fakeWebAppFiles]);
    },
  );

  it('answers a revalidation with 304', async () => {
    const first = await fetch(`${running.url}/sw.js`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const second = await rawGet(`${running.url}/sw.js`, { 'if-none-match': etag ?? '' });
    expect(second).toEqual({ status: 304, body: '' });
  });

  it.each(['/chat/0191a2b3', '/settings', '/chat/1?draft=yes'])(
    'falls back to index.html for the app route %s',
    async (path) => {
      const response = await fetch(`${running.url}${path}`, { headers: html });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(fakeWebAppFiles['/index.html']);
    },
  );

  it.each([
    ['/api/unknown', html],
    ['/relay', html],
    ['/assets/missing-123.js', html],
    ['/missing.png', html],
    ['/chat/1', { accept: 'application/json' }],
    ['/chat/1', {}],
  ])('answers %s (%o) with a JSON 404, not the app', async (path, headers) => {
    const response = await fetch(`${running.url}${path}`, { headers });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: `Nothing here: GET ${path}` } });
  });

  it('answers a POST to an unknown path with a JSON 404', async () => {
    const response = await fetch(`${running.url}/chat/1`, { method: 'POST', headers: html });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('does not serve dotfiles', async () => {
    const response = await fetch(`${running.url}/.env`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('do-not-serve');
  });

  it('answers HEAD like GET without a body', async () => {
    const response = await fetch(`${running.url}/assets/index-AbC123.js`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(immutable);
    expect(await response.text()).toBe('');
  });

  it.each(['/', '/chat/1', '/assets/index-AbC123.js', '/healthz', '/api/nothing'])(
    'sends the security headers on %s',
    async (path) => {
      const response = await fetch(`${running.url}${path}`, { headers: html });
      expect(response.headers.get('content-security-policy')).toBe(appContentSecurityPolicy);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    },
  );

  it('uses a CSP that runs only our scripts and allows what the app needs', () => {
    const directives = new Map(
      appContentSecurityPolicy.split('; ').map((directive) => {
        const [name = '', ...values] = directive.split(' ');
        return [name, values] as const;
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https:', 'http:']);
    expect(directives.get('connect-src')).toEqual(expect.arrayContaining(["'self'", 'https:', 'http:']));
    expect(directives.get('font-src')).toEqual(["'self'", 'data:']);
    expect(directives.get('worker-src')).toEqual(["'self'"]);
    expect(directives.get('manifest-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });
});

describe('without a web app build', () => {
  const temp = makeTempDir('no-web-app');
  let running: RunningTestServer;

  beforeAll(async () => {
    const config = testConfig({ env: { STATIC_DIR: join(temp.path, 'missing'), RELAY_ONLY: '1' } });
    running = await startTestServer({ config });
  });
  afterAll(async () => {
    await running.close();
    temp.remove();
  });

  it.each(['/', '/chat/1'])('answers %s with 503 saying the app is not built and how to build it', async (path) => {
    const response = await fetch(`${running.url}${path}`, { headers: html });
    expect(response.status).toBe(503);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('web_app_not_built');
    expect(body.error.message).toContain('The web app is not built');
    expect(body.error.message).toContain(join(temp.path, 'missing', 'index.html'));
    expect(body.error.message).toContain('pnpm --filter @hearth/web build');
  });

  it('still answers /healthz and the relay', async () => {
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${running.url}/relay/v1/models`)).status).not.toBe(503);
  });
});
