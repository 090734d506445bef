import { type RelayErrorCode, relayErrorCodes, relayErrorHeader, relayErrorStatus } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { completionEventsFromResponse } from './completion-events-from-response.ts';
import { decodeCompletionStream } from './decode-completion-stream.ts';
import { failedResponseError } from './provider-error-message.ts';
import { parseRetryAfter } from './retry-after.ts';
import { collect, deltaChunk, sse, textSource } from './test-support.ts';

// A relay refusal must reach the person as the relay's, not as "the provider refused": these pin how the
// relay's error body (docs/relay.md) becomes a stored CompletionError.

const relayBody = (code: string, message = `The relay says ${code}.`) =>
  JSON.stringify({ error: { code, message, type: 'relay_error' } });

/** A relay error answer as the relay writes it: status, JSON body, its header. */
function relayResponse(code: RelayErrorCode, headers: Record<string, string> = {}): Response {
  return new Response(relayBody(code), {
    status: relayErrorStatus[code],
    headers: { 'content-type': 'application/json; charset=utf-8', [relayErrorHeader]: code, ...headers },
  });
}

const expectedCode: Record<RelayErrorCode, string> = {
  missing_upstream: 'upstream_http',
  invalid_upstream: 'upstream_http',
  unsupported_scheme: 'upstream_http',
  invalid_header: 'upstream_http',
  invalid_path: 'upstream_http',
  invalid_relay_token: 'upstream_http',
  host_not_allowed: 'upstream_http',
  forbidden_address: 'upstream_http',
  request_too_large: 'upstream_http',
  rate_limited: 'upstream_http',
  internal_error: 'upstream_http',
  upstream_redirect: 'bad_response',
  upstream_unreachable: 'network',
  upstream_closed: 'interrupted',
  response_too_large: 'bad_response',
  upstream_timeout: 'timeout',
};

describe('a relay error answer', () => {
  it('is the relay refusing when the token is missing, not the provider', async () => {
    const response = new Response(
      relayBody('invalid_relay_token', 'This relay requires its token in the x-relay-token header.'),
      { status: 401, headers: { 'content-type': 'application/json', [relayErrorHeader]: 'invalid_relay_token' } },
    );
    expect(await collect(completionEventsFromResponse(response))).toEqual([
      {
        type: 'error',
        error: {
          code: 'upstream_http',
          message: 'This relay requires its token in the x-relay-token header.',
          httpStatus: 401,
          relayCode: 'invalid_relay_token',
        },
      },
    ]);
  });

  it.each(relayErrorCodes)('keeps the relay code %s, with the nearest completion code and the status', async (code) => {
    const [event] = await collect(completionEventsFromResponse(relayResponse(code)));
    expect(event).toEqual({
      type: 'error',
      error: {
        code: expectedCode[code],
        message: `The relay says ${code}.`,
        httpStatus: relayErrorStatus[code],
        relayCode: code,
      },
    });
  });

  it('carries the seconds of Retry-After when the relay rate-limits', async () => {
    const [event] = await collect(completionEventsFromResponse(relayResponse('rate_limited', { 'retry-after': '17' })));
    expect(event).toMatchObject({ error: { relayCode: 'rate_limited', httpStatus: 429, retryAfterSeconds: 17 } });
  });

  it('is recognised by its shape only: a code outside the relay contract is the provider speaking', async () => {
    const response = new Response(relayBody('invalid_api_key', 'Incorrect API key.'), { status: 401 });
    const [event] = await collect(completionEventsFromResponse(response));
    expect(event).toEqual({
      type: 'error',
      error: { code: 'upstream_http', message: 'Incorrect API key.', httpStatus: 401 },
    });
  });

  it('is never recognised by its words: a provider error mentioning the relay token stays the provider', () => {
    const body = JSON.stringify({ error: { message: 'invalid_relay_token: x-relay-token missing', type: 'auth' } });
    expect(failedResponseError({ status: 401, statusText: '', bodyText: body, retryAfter: null })).toEqual({
      code: 'upstream_http',
      message: 'invalid_relay_token: x-relay-token missing',
      httpStatus: 401,
    });
  });
});

describe("the provider's own error answers", () => {
  it.each([500, 502, 503])('keep the status of a %i, so it reads as the provider failing', (status) => {
    const error = failedResponseError({
      status,
      statusText: '',
      bodyText: '{"error":{"message":"The engine is overloaded."}}',
      retryAfter: null,
    });
    expect(error).toEqual({ code: 'upstream_http', message: 'The engine is overloaded.', httpStatus: status });
  });

  it('carry Retry-After on a provider 429 too', () => {
    const error = failedResponseError({
      status: 429,
      statusText: 'Too Many Requests',
      bodyText: '{"error":{"message":"Rate limit reached."}}',
      retryAfter: '30',
    });
    expect(error).toEqual({
      code: 'upstream_http',
      message: 'Rate limit reached.',
      httpStatus: 429,
      retryAfterSeconds: 30,
    });
  });
});

describe('the relay error event that ends a stream it cut', () => {
  it.each([
    ['upstream_timeout', 'timeout'],
    ['upstream_closed', 'interrupted'],
    ['response_too_large', 'bad_response'],
  ] as const)('%s becomes %s with the relay code, after the text so far', async (relayCode, code) => {
    const body = `${sse(deltaChunk({ content: 'Partial' }))}\n\nevent: error\ndata: ${relayBody(relayCode)}\n\n`;
    expect(await collect(decodeCompletionStream(textSource(body).stream))).toEqual([
      { type: 'text-delta', text: 'Partial' },
      { type: 'error', error: { code, message: `The relay says ${relayCode}.`, relayCode } },
    ]);
  });

  it("keeps a provider's own error event as the provider's words", async () => {
    const body = 'event: error\ndata: {"error":{"message":"Overloaded","type":"overloaded_error"}}\n\n';
    expect(await collect(decodeCompletionStream(textSource(body).stream))).toEqual([
      { type: 'error', error: { code: 'stream_error', message: 'Overloaded' } },
    ]);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it.each([
    ['20', 20],
    [' 0 ', 0],
    ['Wed, 01 Jan 2025 00:00:09 GMT', 9],
    ['Tue, 31 Dec 2024 23:59:00 GMT', 0],
    [null, undefined],
    ['', undefined],
    ['soon', undefined],
    ['-5', undefined],
    ['1.5', undefined],
    ['999999', undefined],
  ])('reads %j as %j', (value, seconds) => {
    expect(parseRetryAfter(value, now)).toBe(seconds);
  });
});
