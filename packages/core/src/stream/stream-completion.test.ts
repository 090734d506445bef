import { describe, expect, it } from 'vitest';
import { streamCompletion } from './stream-completion.ts';
import { collect, deltaChunk, sse } from './test-support.ts';

const url = 'https://api.example.com/v1/chat/completions';
const init: RequestInit = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' };

/** A fetch that never answers, rejecting with an AbortError once its signal aborts, as real fetch does. */
const silentFetch: typeof fetch = (_input, requestInit) =>
  new Promise((_resolve, reject) => {
    requestInit?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });

describe('streamCompletion', () => {
  it('reports a fetch rejection (offline, DNS, CORS) as a network error', async () => {
    const failingFetch: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const events = await collect(streamCompletion({ url, init, fetch: failingFetch }));
    expect(events).toEqual([{ type: 'error', error: { code: 'network', message: expect.stringContaining('(CORS)') } }]);
    expect(events[0]?.type === 'error' && events[0].error.message).toContain('could not be reached');
  });

  it('does not call fetch when the signal is already aborted', async () => {
    let calls = 0;
    const countingFetch: typeof fetch = () => {
      calls++;
      return Promise.reject(new TypeError('Failed to fetch'));
    };
    const events = await collect(streamCompletion({ url, init, fetch: countingFetch, signal: AbortSignal.abort() }));
    expect(events).toEqual([]);
    expect(calls).toBe(0);
  });

  it('yields nothing when aborted while waiting for the response', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 5);
    const events = await collect(streamCompletion({ url, init, fetch: silentFetch, signal: controller.signal }));
    expect(events).toEqual([]);
  });

  it('times out a provider that never answers', async () => {
    const events = await collect(streamCompletion({ url, init, fetch: silentFetch, idleTimeoutMs: 10 }));
    expect(events).toEqual([{ type: 'error', error: { code: 'timeout', message: expect.any(String) } }]);
  });

  it('sends the request with a signal and decodes the answer', async () => {
    let seen: RequestInit | undefined;
    const answeringFetch: typeof fetch = async (input, requestInit) => {
      seen = requestInit;
      expect(input).toBe(url);
      return new Response(sse(deltaChunk({ content: 'Hi' }), '[DONE]'), {
        headers: { 'content-type': 'text/event-stream' },
      });
    };
    const events = await collect(streamCompletion({ url, init, fetch: answeringFetch }));
    expect(events).toEqual([{ type: 'text-delta', text: 'Hi' }]);
    expect(seen?.method).toBe('POST');
    expect(seen?.body).toBe('{}');
    expect(seen?.signal).toBeInstanceOf(AbortSignal);
  });

  it('passes an upstream error status through', async () => {
    const errorFetch: typeof fetch = async () =>
      new Response('{"error":{"message":"Invalid model"}}', { status: 404, statusText: 'Not Found' });
    const events = await collect(streamCompletion({ url, init, fetch: errorFetch }));
    expect(events).toEqual([
      { type: 'error', error: { code: 'upstream_http', message: 'Invalid model', httpStatus: 404 } },
    ]);
  });

  it('aborts the request when the caller stops mid-answer', async () => {
    let requestSignal: AbortSignal | null | undefined;
    const streamingFetch: typeof fetch = async (_input, requestInit) => {
      requestSignal = requestInit?.signal;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(sse(deltaChunk({ content: 'Hi' }))));
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    };
    const controller = new AbortController();
    const events = [];
    for await (const event of streamCompletion({ url, init, fetch: streamingFetch, signal: controller.signal })) {
      events.push(event);
      controller.abort();
    }
    expect(events).toEqual([{ type: 'text-delta', text: 'Hi' }]);
    expect(requestSignal?.aborted).toBe(true);
  });
});
