import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FakeUpstream, redirectTargetCanary, redirectTargetPath, startFakeUpstream } from '@hearth/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RelayErrorJson, type RelayHarness, relayChat, relayFetch, startRelay } from './test/relay-harness.ts';

// QUALITY relay 3: a redirect is never followed, whatever its status and wherever it points.

let upstream: FakeUpstream;
let relay: RelayHarness;
// Answers `/<status>/...` with that status and a Location, for the statuses the fake upstream does not send.
let anyStatus: Server;
let anyStatusPort: number;
let anyStatusRequests = 0;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  anyStatus = createServer((request, response) => {
    anyStatusRequests += 1;
    const status = Number(request.url?.split('/')[1]);
    response.writeHead(status, { location: 'http://127.0.0.1:1/elsewhere', 'content-type': 'text/plain' });
    response.end(status === 304 ? undefined : 'Multiple Choices');
  });
  await new Promise<void>((resolve) => anyStatus.listen(0, '127.0.0.1', resolve));
  anyStatusPort = (anyStatus.address() as AddressInfo).port;
  relay = await startRelay({
    relay: { allowPrivate: [`127.0.0.1:${upstream.port}`, `127.0.0.1:${anyStatusPort}`] },
  });
});
beforeEach(() => upstream.reset());
afterAll(async () => {
  await relay.close();
  await upstream.close();
  await new Promise<void>((resolve) => anyStatus.close(() => resolve()));
});

describe('upstream redirects', () => {
  it.each([301, 302, 303, 307, 308])(
    'answers %i with a 502 naming the redirect, and does not follow it',
    async (status) => {
      const response = await relayChat({ relay, upstream: upstream.baseUrl({ redirect: status }) });
      expect(response.status).toBe(502);
      expect(response.headers.get('location')).toBeNull();
      const text = await response.text();
      expect(text).not.toContain(redirectTargetCanary);
      const body = JSON.parse(text) as RelayErrorJson;
      expect(body.error.code).toBe('upstream_redirect');
      expect(body.error.message).toContain(`redirect (HTTP ${status})`);
      expect(body.error.message).toContain(upstream.origin);
      // The origin it points to, never its path (which could carry anything).
      expect(body.error.message).not.toContain(redirectTargetPath);
      await upstream.waitForRequest();
      expect(upstream.requests.map((r) => r.path)).toEqual(['/v1/chat/completions']);
    },
  );

  it.each([300, 304, 305, 306, 399])('refuses a %i as well: every 3xx is refused, never passed on', async (status) => {
    const before = anyStatusRequests;
    const response = await relayFetch({
      relay,
      upstream: `http://127.0.0.1:${anyStatusPort}/${status}`,
      path: '/models',
    });
    expect(response.status).toBe(502);
    expect(response.headers.get('location')).toBeNull();
    const body = (await response.json()) as RelayErrorJson;
    expect(body.error.code).toBe('upstream_redirect');
    expect(body.error.message).toContain(`HTTP ${status}`);
    expect(anyStatusRequests - before).toBe(1);
  });

  it('does not follow a redirect to a metadata address either, and does not repeat its path', async () => {
    const redirectTo = 'http://169.254.169.254/latest/meta-data/iam/security-credentials/';
    const response = await relayFetch({
      relay,
      upstream: upstream.baseUrl({ redirect: 302, redirectTo }),
      path: '/models',
    });
    expect(response.status).toBe(502);
    const body = (await response.json()) as RelayErrorJson;
    expect(body.error.code).toBe('upstream_redirect');
    expect(body.error.message).not.toContain('security-credentials');
    expect(upstream.requests).toHaveLength(1);
  });
});
