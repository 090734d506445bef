import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeUpstream, startFakeUpstream } from './fake-upstream.ts';
import { postChat } from './test-helpers.ts';

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream();
});
afterAll(() => upstream.close());

const corsHeaderNames = (response: Response) =>
  [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

function preflight(url: string): Promise<Response> {
  return fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin: 'http://app.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type, x-stainless-os',
    },
  });
}

describe('CORS', () => {
  it('allows any origin on answers by default, errors included', async () => {
    const stream = await postChat({ baseUrl: upstream.baseUrl() });
    expect(stream.headers.get('access-control-allow-origin')).toBe('*');
    await stream.body?.cancel();
    const models = await fetch(`${upstream.baseUrl()}/models`);
    expect(models.headers.get('access-control-allow-origin')).toBe('*');
    const failed = await postChat({ baseUrl: upstream.baseUrl({ status: 401 }) });
    expect(failed.headers.get('access-control-allow-origin')).toBe('*');
    const badScenario = await fetch(`${upstream.origin}/s/nope=1/v1/models`);
    expect(badScenario.status).toBe(400);
    expect(badScenario.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers a preflight with the methods and every requested header', async () => {
    const response = await preflight(`${upstream.baseUrl()}/chat/completions`);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = response.headers.get('access-control-allow-headers')?.split(', ');
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'x-stainless-os']));
  });

  it('passes the preflight of a bad scenario URL so the browser can read its 400', async () => {
    const response = await preflight(`${upstream.origin}/s/nope=1/v1/chat/completions`);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('sends no CORS headers at all with cors=0, on answers and preflights', async () => {
    const stream = await postChat({ baseUrl: upstream.baseUrl({ cors: false }) });
    expect(stream.status).toBe(200);
    expect(corsHeaderNames(stream)).toEqual([]);
    await stream.body?.cancel();
    const response = await preflight(`${upstream.baseUrl({ cors: false })}/chat/completions`);
    expect(response.ok).toBe(true);
    expect(corsHeaderNames(response)).toEqual([]);
  });

  it('always allows any origin on the control API', async () => {
    const response = await fetch(`${upstream.origin}/_control/requests`);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const reset = await preflight(`${upstream.origin}/_control/reset`);
    expect(reset.headers.get('access-control-allow-origin')).toBe('*');
  });
});
