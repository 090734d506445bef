import { type FakeUpstream, startFakeUpstream } from '@hearth/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRelayTimeouts } from './relay-defaults.ts';
import { type RelayHarness, relayFetch, startRelay } from './test/relay-harness.ts';

// The relay's share of QUALITY relay 13: it never puts a key, a body, a path or a query into a log line,
// an error message or an exception, on any path. Fastify logs at trace level here.

const canaries = {
  key: 'sk-canary-key-7f3a91',
  googleKey: 'AIza-canary-google-55e1',
  token: 'relay-canary-token-0c2d',
  prompt: 'canary prompt 4b8e',
  query: 'canary_query_9d2f',
  path: 'canary-path-61aa',
};

let upstream: FakeUpstream;
let relay: RelayHarness;
const logLines: string[] = [];
const answers: string[] = [];

beforeAll(async () => {
  upstream = await startFakeUpstream();
  relay = await startRelay({
    fastify: {
      logger: {
        level: 'trace',
        stream: { write: (line: string) => logLines.push(line) },
        // The request lines keep only what the server's own serializers keep; everything else Fastify logs
        // (errors included) stays in, so any line the relay caused is caught.
        serializers: {
          req: (req) => ({ method: req.method }),
          res: (res) => ({ statusCode: res.statusCode }),
        },
      },
    },
    relay: {
      token: canaries.token,
      allowPrivate: [`127.0.0.1:${upstream.port}`],
      maxRequestBytes: 4096,
      timeouts: { ...defaultRelayTimeouts, firstByteMs: 400, idleMs: 400 },
    },
  });
});
afterAll(async () => {
  await relay.close();
  await upstream.close();
});

async function exchange(base: string, options: { token?: string; body?: string; abortAfterFirstChunk?: boolean } = {}) {
  const controller = new AbortController();
  const response = await relayFetch({
    relay,
    upstream: base,
    path: `/chat/completions?${canaries.query}=1`,
    init: {
      method: 'POST',
      signal: controller.signal,
      headers: {
        authorization: `Bearer ${canaries.key}`,
        'x-goog-api-key': canaries.googleKey,
        'x-relay-token': options.token ?? canaries.token,
        'content-type': 'application/json',
      },
      body:
        options.body ??
        JSON.stringify({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: canaries.prompt }] }),
    },
  });
  if (options.abortAfterFirstChunk === true) {
    await response.body?.getReader().read();
    controller.abort();
    await upstream.waitForRequest((r) => r.outcome === 'aborted-by-client', 1500);
    return;
  }
  const text = await response.text().catch(() => '');
  // Only what the relay wrote itself: its JSON errors and its final stream events.
  if (response.headers.get('x-relay-error') !== null) answers.push(text);
  else if (text.includes('event: error')) answers.push(text.slice(text.lastIndexOf('event: error')));
}

describe('privacy of the relay', () => {
  it('keeps keys, prompts, paths and queries out of logs and error messages on every path', async () => {
    await exchange(upstream.baseUrl({ tokens: 3 }));
    await exchange(upstream.baseUrl({ status: 500 }));
    await exchange(upstream.baseUrl({ redirect: 302 }));
    await exchange(upstream.baseUrl({ delayFirstByteMs: 2000 }));
    await exchange(upstream.baseUrl({ tokens: 5, stallAfter: 1 }));
    await exchange(upstream.baseUrl({ tokens: 5, dropAfter: 1 }));
    await exchange(upstream.baseUrl({ tokens: 1000, rate: 100 }), { abortAfterFirstChunk: true });
    await exchange(`http://10.0.0.1/${canaries.path}`);
    await exchange(`http://127.0.0.1:1/${canaries.path}`);
    await exchange(`http://unknown-host.test/${canaries.path}`);
    await exchange(`ftp://127.0.0.1/${canaries.path}`);
    await exchange(upstream.baseUrl(), { token: `${canaries.token}-wrong` });
    await exchange(upstream.baseUrl(), { body: canaries.prompt.repeat(1000) });
    // The paths were exercised: relay errors of several kinds came back.
    expect(answers.length).toBe(10);
    // Fastify did log (request lines at least), so an offending line would have been seen.
    expect(logLines.length).toBeGreaterThan(20);
    for (const text of [...logLines, ...answers]) {
      for (const [name, canary] of Object.entries(canaries)) expect(text, name).not.toContain(canary);
    }
  });
});
