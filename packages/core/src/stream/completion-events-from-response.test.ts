import { describe, expect, it } from 'vitest';
import { completionEventsFromResponse } from './completion-events-from-response.ts';
import { bytesOf, collect, deltaChunk, repeat, sourceOf, sse, textSource } from './test-support.ts';

function respond(body: string | ReadableStream<Uint8Array> | null, init: ResponseInit & { type?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.type !== undefined) headers.set('content-type', init.type);
  return new Response(body, { ...init, headers });
}

describe('completionEventsFromResponse: 4xx and 5xx', () => {
  it.each([
    ['{error: {message}}', '{"error":{"message":"You exceeded your current quota.","type":"insufficient_quota"}}'],
    ['{error: "..."}', '{"error":"You exceeded your current quota."}'],
    ['{message}', '{"message":"You exceeded your current quota."}'],
    ['{detail}', '{"detail":"You exceeded your current quota."}'],
    ['plain text', 'You exceeded your current quota.'],
  ])('shows the provider message from a %s body, with the status', async (_, body) => {
    const response = respond(body, { status: 429, statusText: 'Too Many Requests', type: 'application/json' });
    expect(await collect(completionEventsFromResponse(response))).toEqual([
      { type: 'error', error: { code: 'upstream_http', message: 'You exceeded your current quota.', httpStatus: 429 } },
    ]);
  });

  it('shows the status for an HTML error page', async () => {
    const html = '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';
    const response = respond(html, { status: 502, statusText: 'Bad Gateway', type: 'text/html' });
    expect(await collect(completionEventsFromResponse(response))).toEqual([
      {
        type: 'error',
        error: { code: 'upstream_http', message: 'The provider answered 502 Bad Gateway.', httpStatus: 502 },
      },
    ]);
  });

  it('reads at most 64 KiB of an error body', async () => {
    const source = sourceOf(repeat(bytesOf('x'.repeat(16 * 1024))));
    const response = respond(source.stream, { status: 500, statusText: 'Internal Server Error' });
    const events = await collect(completionEventsFromResponse(response));
    expect(events).toEqual([
      {
        type: 'error',
        error: { code: 'upstream_http', message: 'The provider answered 500 Internal Server Error.', httpStatus: 500 },
      },
    ]);
    expect(source.cancelled).toBe(true);
    expect(source.bytesPulled).toBeLessThanOrEqual(80 * 1024);
  });

  it('still reports the status when the error body fails mid-way', async () => {
    const response = respond(textSource('{"error":', 'error').stream, {
      status: 503,
      statusText: 'Service Unavailable',
    });
    expect(await collect(completionEventsFromResponse(response))).toEqual([
      {
        type: 'error',
        error: { code: 'upstream_http', message: 'The provider answered 503 Service Unavailable.', httpStatus: 503 },
      },
    ]);
  });
});

describe('completionEventsFromResponse: successful answers', () => {
  it('decodes an event stream', async () => {
    const body = sse(deltaChunk({ content: 'Hi' }), '[DONE]');
    const events = await collect(
      completionEventsFromResponse(respond(body, { type: 'text/event-stream; charset=utf-8' })),
    );
    expect(events).toEqual([{ type: 'text-delta', text: 'Hi' }]);
  });

  it('decodes an event stream sent without a content type', async () => {
    const events = await collect(
      completionEventsFromResponse(respond(textSource(sse(deltaChunk({ content: 'Hi' }), '[DONE]')).stream)),
    );
    expect(events).toEqual([{ type: 'text-delta', text: 'Hi' }]);
  });

  it('turns a whole JSON answer (stream: true ignored) into events', async () => {
    const body = JSON.stringify({
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hello!' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 },
    });
    const events = await collect(completionEventsFromResponse(respond(body, { type: 'application/json' })));
    expect(events).toEqual([
      { type: 'text-delta', text: 'Hello!' },
      { type: 'finish', reason: 'stop' },
      { type: 'usage', usage: { promptTokens: 9, completionTokens: 2, totalTokens: 11 } },
    ]);
  });

  it('reports an error object in a successful JSON answer as stream_error', async () => {
    const response = respond('{"error":{"message":"Upstream model crashed"}}', { type: 'application/json' });
    expect(await collect(completionEventsFromResponse(response))).toEqual([
      { type: 'error', error: { code: 'stream_error', message: 'Upstream model crashed' } },
    ]);
  });

  it('refuses a JSON answer larger than maxLineBytes', async () => {
    const body = JSON.stringify({ choices: [{ message: { content: 'z'.repeat(5000) } }] });
    const events = await collect(
      completionEventsFromResponse(respond(body, { type: 'application/json' }), { maxLineBytes: 1000 }),
    );
    expect(events).toEqual([{ type: 'error', error: expect.objectContaining({ code: 'bad_response' }) }]);
  });

  it.each([
    ['text/html; charset=utf-8', 'text/html'],
    ['application/x-ndjson', 'application/x-ndjson'],
  ])('reports a %s answer as bad_response naming the type, unread', async (header, named) => {
    const source = textSource('<html><script>alert(1)</script></html>');
    const events = await collect(completionEventsFromResponse(respond(source.stream, { type: header })));
    expect(events).toEqual([
      { type: 'error', error: { code: 'bad_response', message: expect.stringContaining(named) } },
    ]);
    expect(source.cancelled).toBe(true);
  });

  it('yields nothing and cancels the body when already aborted', async () => {
    const source = textSource(sse(deltaChunk({ content: 'Hi' })));
    const events = await collect(
      completionEventsFromResponse(respond(source.stream, { type: 'text/event-stream' }), {
        signal: AbortSignal.abort(),
      }),
    );
    expect(events).toEqual([]);
    expect(source.cancelled).toBe(true);
  });
});
