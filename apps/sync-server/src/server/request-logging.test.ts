import { type FakeUpstream, startFakeUpstream } from '@hearth/testkit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../../test/temp-dir.ts';
import { type RunningTestServer, startTestServer, testConfig } from '../../test/test-server.ts';

const secrets = {
  query: 'QUERY-SECRET-9f1c',
  bearer: 'BEARER-SECRET-77aa',
  apiKey: 'APIKEY-SECRET-31bd',
  googKey: 'GOOG-SECRET-c0de',
  relayToken: 'RELAY-TOKEN-SECRET-0123456789',
  cookie: 'COOKIE-SECRET-face',
  body: 'BODY-SECRET-beef',
} as const;

const secretHeaders = {
  authorization: `Bearer ${secrets.bearer}`,
  'x-api-key': secrets.apiKey,
  'x-goog-api-key': secrets.googKey,
  'x-relay-token': secrets.relayToken,
  cookie: `session=${secrets.cookie}`,
};

describe('request ids and logs', () => {
  const temp = makeTempDir('logging');
  let running: RunningTestServer;

  beforeAll(async () => {
    const config = testConfig({ env: { STATIC_DIR: temp.path, DATA_DIR: temp.path } });
    running = await startTestServer({ config });
  });
  afterAll(async () => {
    await running.close();
    temp.remove();
  });

  const linesWith = (id: string) => running.logs.entries().filter((entry) => entry.reqId === id);

  it('generates a request id, echoes it and logs it with method, path, route and status', async () => {
    const response = await fetch(`${running.url}/healthz`);
    const id = response.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // The line is written when the response finishes, which the client may see a moment before.
    await vi.waitFor(() => expect(linesWith(id)).toHaveLength(1));
    const [line] = linesWith(id);
    expect(line).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { method: 'GET', path: '/healthz', route: '/healthz' },
      res: { statusCode: 200 },
    });
  });

  it('echoes the id on relay responses too, which the relay writes itself', async () => {
    const response = await fetch(`${running.url}/relay/v1/models`); // no upstream header: the relay's 400
    expect(response.status).toBe(400);
    const id = response.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await vi.waitFor(() => expect(linesWith(id)).toHaveLength(1));
    expect(linesWith(id)[0]).toMatchObject({
      msg: 'request completed',
      req: { method: 'GET', route: '/relay/v1/*' },
      res: { statusCode: 400 },
    });
  });

  it.each([
    // HEAD is no relay method: the not-found handler answers it, with the path still under the prefix.
    ['GET', '/relay/v1/models/gemini-secret-model:streamGenerateContent?key=query-secret'],
    ['HEAD', '/relay/v1/models/gemini-secret-model?key=query-secret'],
  ])('logs a relay %s by its route, never the upstream path or query after the prefix', async (method, path) => {
    const response = await fetch(`${running.url}${path}`, { method });
    const id = response.headers.get('x-request-id') ?? '';
    await vi.waitFor(() => expect(linesWith(id)).toHaveLength(1));
    const [line] = linesWith(id);
    expect(line?.req).toEqual({ method, route: expect.stringMatching(/^\/relay\/v1|^\/\*$/) });
    expect(running.logs.text).not.toContain('gemini-secret-model');
    expect(running.logs.text).not.toContain('query-secret');
  });

  it('gives every request its own id', async () => {
    const a = (await fetch(`${running.url}/healthz`)).headers.get('x-request-id');
    const b = (await fetch(`${running.url}/healthz`)).headers.get('x-request-id');
    expect(a).not.toBe(b);
  });

  it('keeps a well-formed incoming x-request-id', async () => {
    const id = 'edge-proxy.4f2a:17';
    const response = await fetch(`${running.url}/healthz`, { headers: { 'x-request-id': id } });
    expect(response.headers.get('x-request-id')).toBe(id);
    await vi.waitFor(() => expect(linesWith(id)).toHaveLength(1));
  });

  it.each(['has spaces in it', 'x'.repeat(129), 'quote"injection', 'ünïcode'])(
    'replaces a malformed incoming x-request-id (%s)',
    async (incoming) => {
      const response = await fetch(`${running.url}/healthz`, { headers: { 'x-request-id': encodeURI(incoming) } });
      const id = response.headers.get('x-request-id') ?? '';
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(running.logs.text).not.toContain(incoming);
    },
  );

  it('never logs query strings, secret headers or bodies, on success and error paths', async () => {
    const before = running.logs.lines.length;
    await fetch(`${running.url}/healthz?key=${secrets.query}`, { headers: secretHeaders });
    await fetch(`${running.url}/nothing/here?key=${secrets.query}`, { headers: secretHeaders });
    await fetch(`${running.url}/chat/1?key=${secrets.query}`, { headers: { ...secretHeaders, accept: 'text/html' } });
    await fetch(`${running.url}/nothing?key=${secrets.query}`, {
      method: 'POST',
      headers: { ...secretHeaders, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: secrets.body }),
    });
    await fetch(`${running.url}/healthz?key=${secrets.query}`, {
      method: 'POST',
      headers: { ...secretHeaders, 'content-type': 'application/json' },
      body: `${secrets.body} is not JSON`,
    });
    await vi.waitFor(() => expect(running.logs.lines.length).toBeGreaterThanOrEqual(before + 5));
    const added = running.logs.lines.slice(before).join('');
    expect(added).toContain('/nothing/here'); // the requests were logged...
    for (const secret of Object.values(secrets)) expect(added).not.toContain(secret); // ...without their secrets
    expect(added).not.toContain('?key=');
  });

  it('censors secret headers if anything logs them anyway', () => {
    running.server.app.log.warn(
      { headers: { ...secretHeaders, 'user-agent': 'curl/8' }, req: { headers: secretHeaders } },
      'careless line',
    );
    const line = running.logs.lines.at(-1) ?? '';
    for (const secret of [secrets.bearer, secrets.apiKey, secrets.googKey, secrets.relayToken, secrets.cookie]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('curl/8');
    expect(line).toContain('[redacted]');
  });

  it('censors secret headers under any key, a few levels down, and on objects with headers of their own', () => {
    class UpstreamAnswer {
      readonly status = 200;
      readonly headers = { 'set-cookie': `session=${secrets.cookie}`, 'x-api-key': secrets.apiKey, server: 'fake/1' };
    }
    running.server.app.log.warn(
      {
        upstream: { headers: secretHeaders },
        deeper: { exchange: { authorization: `Bearer ${secrets.bearer}`, cookie: secrets.cookie } },
        answer: new UpstreamAnswer(),
        list: [{ 'X-Goog-Api-Key': secrets.googKey }],
        'x-relay-token': secrets.relayToken,
      },
      'careless line',
    );
    const line = running.logs.lines.at(-1) ?? '';
    for (const secret of [secrets.bearer, secrets.apiKey, secrets.googKey, secrets.relayToken, secrets.cookie]) {
      expect(line).not.toContain(secret);
    }
    expect(JSON.parse(line)).toMatchObject({ answer: { status: 200, headers: { server: 'fake/1' } } });
  });

  it('scrubs query strings and credentials out of free-text messages', () => {
    running.server.app.log.error(
      `upstream https://api.example.com/v1?key=${secrets.query} said Bearer ${secrets.bearer}`,
    );
    const line = running.logs.lines.at(-1) ?? '';
    expect(line).toContain('https://api.example.com/v1?[redacted]');
    expect(line).not.toContain(secrets.query);
    expect(line).not.toContain(secrets.bearer);
  });
});

describe('the log line of a relayed stream', () => {
  const temp = makeTempDir('logging-relay');
  let upstream: FakeUpstream;
  let running: RunningTestServer;

  beforeAll(async () => {
    upstream = await startFakeUpstream();
    const config = testConfig({
      env: { STATIC_DIR: temp.path, RELAY_ONLY: '1', RELAY_ALLOW_PRIVATE: `127.0.0.1:${upstream.port}` },
    });
    running = await startTestServer({ config });
  });
  afterAll(async () => {
    await running.close();
    await upstream.close();
    temp.remove();
  });

  const linesWith = (id: string) => running.logs.entries().filter((entry) => entry.reqId === id);
  // A relayed answer carries the upstream's own x-request-id, so each test names its request itself.
  const chat = (options: { id: string; tokens: number; rate?: number; signal?: AbortSignal }) =>
    fetch(`${running.url}/relay/v1/chat/completions`, {
      method: 'POST',
      headers: {
        'x-request-id': options.id,
        'x-relay-upstream': upstream.baseUrl({ tokens: options.tokens, rate: options.rate ?? 0 }),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'Hi' }] }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });

  it('is written once when the client stops the stream, saying so', async () => {
    const controller = new AbortController();
    const id = 'stopped-stream-1';
    const response = await chat({ id, tokens: 500, rate: 20, signal: controller.signal });
    expect(response.status).toBe(200);
    // Some of the answer arrived: the stream is under way when the person presses Stop.
    await response.body?.getReader().read();
    controller.abort();
    await upstream.waitForRequest((request) => request.outcome === 'aborted-by-client', 5_000);
    await vi.waitFor(() => expect(linesWith(id)).toHaveLength(1));
    expect(linesWith(id)[0]).toMatchObject({
      msg: 'request aborted',
      req: { method: 'POST', route: '/relay/v1/*' },
      res: { statusCode: 200 },
    });
  });

  it('is written once when the stream ends', async () => {
    const id = 'finished-stream-1';
    await (await chat({ id, tokens: 5 })).text();
    await vi.waitFor(() => expect(linesWith(id)).toHaveLength(1));
    expect(linesWith(id)[0]).toMatchObject({ msg: 'request completed', res: { statusCode: 200 } });
  });
});
