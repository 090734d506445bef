import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type FakeUpstream, startFakeUpstream } from '@hearth/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesContaining, listFiles, makeTempDir } from '../../test/temp-dir.ts';
import { type RunningTestServer, startTestServer, testConfig } from '../../test/test-server.ts';
import { relayTokenHeader, upstreamHeader } from '../relay/relay-contract.ts';

// QUALITY.md line 13: relay-only mode with a canary API key and a canary prompt: neither appears in
// any log line or any file, error paths included. Every value below is unique, so a hit is a leak.
const canary = {
  apiKey: 'sk-canary-apikey-5b1f0e9a7c3d',
  prompt: 'canary prompt 3e8d1a: the eagle lands at midnight',
  query: 'canary-query-a47c29d1',
  token: 'canary-relay-token-0f9e8d7c6b5a4938',
  wrongToken: 'canary-wrong-token-77e1c0b2a9f8d6e5',
} as const;
const canaries = Object.values(canary);

const temp = makeTempDir('relay-only');
const dataDir = join(temp.path, 'data');
const previousCwd = process.cwd();
const printed: string[] = [];
const originalWrites = { stdout: process.stdout.write, stderr: process.stderr.write };
let upstream: FakeUpstream;
let running: RunningTestServer;
const statuses = new Map<string, number>();

/** Sends a chat request through the relay carrying every canary; resolves with the status once the body ends. */
async function relayChat(options: {
  upstream: string;
  token?: string;
  body?: string | ReadableStream<Uint8Array>;
  length?: 'chunked';
}) {
  const body = options.body ?? chatBody();
  const response = await fetch(`${running.url}/relay/v1/chat/completions?key=${canary.query}&alt=sse`, {
    method: 'POST',
    headers: {
      [upstreamHeader]: options.upstream,
      [relayTokenHeader]: options.token ?? canary.token,
      authorization: `Bearer ${canary.apiKey}`,
      'x-api-key': canary.apiKey,
      'x-goog-api-key': canary.apiKey,
      cookie: `session=${canary.apiKey}`,
      'content-type': 'application/json',
    },
    body,
    ...(options.length === 'chunked' ? { duplex: 'half' } : {}),
  } as RequestInit);
  // A dropped upstream ends the body with an error: that is the case under test, not a failure.
  await response.text().catch(() => '');
  return response.status;
}

const chatBody = (padding = 0) =>
  JSON.stringify({
    model: 'fake-model',
    stream: true,
    messages: [{ role: 'user', content: `${canary.prompt}${' '.repeat(padding)}` }],
  });

function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 1024) controller.enqueue(bytes.subarray(at, at + 1024));
      controller.close();
    },
  });
}

beforeAll(async () => {
  // The server runs in the temp dir, so anything it wrote relative to its working directory lands there.
  process.chdir(temp.path);
  const capture = (stream: 'stdout' | 'stderr') =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      printed.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return (originalWrites[stream] as (...args: unknown[]) => boolean).call(process[stream], chunk, ...rest);
    }) as typeof process.stdout.write;
  process.stdout.write = capture('stdout');
  process.stderr.write = capture('stderr');

  upstream = await startFakeUpstream();
  const config = testConfig({
    cwd: temp.path,
    argv: ['--relay-only', '--relay-token', canary.token],
    env: {
      RELAY_ONLY: '1',
      DATA_DIR: dataDir,
      STATIC_DIR: join(temp.path, 'no-web-app'),
      RELAY_ALLOW_PRIVATE: `127.0.0.1:${upstream.port}`,
      RELAY_MAX_REQUEST_BYTES: '4096',
      LOG_LEVEL: 'trace',
    },
  });
  running = await startTestServer({ config });

  statuses.set('success', await relayChat({ upstream: upstream.baseUrl({ tokens: 5 }) }));
  statuses.set('upstream 401', await relayChat({ upstream: upstream.baseUrl({ status: 401 }) }));
  statuses.set('upstream drop', await relayChat({ upstream: upstream.baseUrl({ tokens: 20, dropAfter: 2 }) }));
  statuses.set('forbidden target', await relayChat({ upstream: 'http://169.254.169.254/v1' }));
  statuses.set('bad token', await relayChat({ upstream: upstream.baseUrl(), token: canary.wrongToken }));
  statuses.set('oversized body', await relayChat({ upstream: upstream.baseUrl(), body: chatBody(8192) }));
  statuses.set(
    'oversized chunked body',
    await relayChat({ upstream: upstream.baseUrl(), body: chunked(chatBody(8192)), length: 'chunked' }),
  );
  await fetch(`${running.url}/healthz?key=${canary.query}`, { headers: { authorization: `Bearer ${canary.apiKey}` } });
  await running.close();
});

afterAll(async () => {
  process.stdout.write = originalWrites.stdout;
  process.stderr.write = originalWrites.stderr;
  process.chdir(previousCwd);
  await upstream.close();
  temp.remove();
});

describe('relay-only mode keeps nothing', () => {
  it('ran every path under test', async () => {
    expect(Object.fromEntries(statuses)).toEqual({
      success: 200,
      'upstream 401': 401,
      'upstream drop': 200,
      'forbidden target': 403,
      'bad token': 401,
      'oversized body': 413,
      'oversized chunked body': 413,
    });
    // The canaries really went through: the upstream received the key, the prompt and the query.
    const received = upstream.requests.find((request) => request.outcome === 'completed');
    expect(received?.headers.authorization).toBe(`Bearer ${canary.apiKey}`);
    expect(JSON.stringify(received?.body)).toContain(canary.prompt);
    expect(received?.url).toContain(canary.query);
  });

  it('logged every request, with no canary in any log line', () => {
    const lines = running.logs.lines;
    const completed = running.logs.entries().filter((entry) => entry.msg === 'request completed');
    expect(completed.length).toBeGreaterThanOrEqual(statuses.size);
    for (const canaryValue of canaries) {
      expect(lines.filter((line) => line.includes(canaryValue))).toEqual([]);
    }
  });

  it('printed no canary to stdout or stderr', () => {
    const text = printed.join('');
    for (const canaryValue of canaries) expect(text).not.toContain(canaryValue);
  });

  it('created no file at all: no DATA_DIR, nothing in its working directory', () => {
    expect(existsSync(dataDir)).toBe(false);
    expect(listFiles(temp.path)).toEqual([]);
    expect(filesContaining(temp.path, canaries)).toEqual([]);
  });
});
