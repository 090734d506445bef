import { connect } from 'node:net';
import { type FakeUpstream, startFakeUpstream } from '@hearth/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RelayHarness, relayFetch, startRelay } from './test/relay-harness.ts';
import { type Sentinel, startSentinel } from './test/sentinel.ts';

// QUALITY relay 9: a body over the limit gets its 413 with no upstream call, and the connection closes.
// A client may have pipelined more requests behind it on that connection; none of them may reach an
// upstream either, whatever the relay was about to do with the first one.

const maxRequestBytes = 1024;
let sentinel: Sentinel;
let fake: FakeUpstream;
let relay: RelayHarness;
let upstream: string;

beforeAll(async () => {
  sentinel = await startSentinel();
  fake = await startFakeUpstream();
  relay = await startRelay({
    relay: { maxRequestBytes, allowPrivate: [`127.0.0.1:${sentinel.port}`, `127.0.0.1:${fake.port}`] },
  });
  upstream = `http://127.0.0.1:${sentinel.port}/v1`;
});
afterAll(async () => {
  await relay.close();
  await fake.close();
  await sentinel.close();
});

let connectionsBefore = 0;
beforeEach(() => {
  connectionsBefore = sentinel.connections;
});

/** Writes `bytes` on one connection and resolves with all the server sent, once it closed the connection. */
function untilServerCloses(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: relay.port });
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
    // No FIN from this side: Node would abort every request still pending on a half-closed connection.
    socket.write(bytes);
  });
}

const head = (lines: string[]) => `${lines.join('\r\n')}\r\n\r\n`;
const tooLarge = 'x'.repeat(maxRequestBytes + 1);
const post = (framing: string) => [
  'POST /relay/v1/chat/completions HTTP/1.1',
  'host: relay.test',
  `x-relay-upstream: ${upstream}`,
  'content-type: application/json',
  framing,
];

describe('requests pipelined behind a refused body', () => {
  it.each([
    ['a declared Content-Length over the limit', () => head(post(`content-length: ${tooLarge.length}`)) + tooLarge],
    [
      'a chunked body that grows over the limit',
      () => `${head(post('transfer-encoding: chunked'))}${tooLarge.length.toString(16)}\r\n${tooLarge}\r\n0\r\n\r\n`,
    ],
  ])('never reach the upstream after %s', async (_, refusedRequest) => {
    const pipelined = head(['GET /relay/v1/models HTTP/1.1', 'host: relay.test', `x-relay-upstream: ${upstream}`]);
    const received = await untilServerCloses(refusedRequest() + pipelined + pipelined);
    expect(received).toMatch(/^HTTP\/1\.1 413 /);
    expect(received).toContain('connection: close');
    expect(received.match(/HTTP\/1\.1 /g)).toHaveLength(1);

    // A request of its own afterwards does reach the sentinel: once it has, anything the pipelined
    // requests had started would have arrived before it.
    const after = await relayFetch({ relay, upstream, path: '/models' });
    expect(after.status).toBe(502);
    await after.text();
    expect(sentinel.connections - connectionsBefore).toBe(1);
  });
});

describe('pipelined requests', () => {
  it('are still relayed, one after the other, each answered in order', async () => {
    const models = (ids: string) =>
      head([
        'GET /relay/v1/models HTTP/1.1',
        'host: relay.test',
        `x-relay-upstream: ${fake.baseUrl({ models: [ids] })}`,
      ]);
    const closing = head(['GET /relay/v1/models HTTP/1.1', 'host: relay.test', 'connection: close']);
    const received = await untilServerCloses(models('first-model') + models('second-model') + closing);
    expect(received.match(/HTTP\/1\.1 \d+/g)).toEqual(['HTTP/1.1 200', 'HTTP/1.1 200', 'HTTP/1.1 400']);
    expect(received.indexOf('first-model')).toBeLessThan(received.indexOf('second-model'));
  });
});
