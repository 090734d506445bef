import { type FakeUpstream, redirectTargetCanary, redirectTargetPath, startFakeUpstream } from '@hearth/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RelayErrorJson, type RelayHarness, relayChat, relayFetch, startRelay } from './test/relay-harness.ts';

// QUALITY relay 3: a redirect is never followed, whatever its status and wherever it points.

let upstream: FakeUpstream;
let relay: RelayHarness;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  relay = await startRelay({ relay: { allowPrivate: [`127.0.0.1:${upstream.port}`] } });
});
beforeEach(() => upstream.reset());
afterAll(async () => {
  await relay.close();
  await upstream.close();
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
