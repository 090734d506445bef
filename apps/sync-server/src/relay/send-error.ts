import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { relayErrorHeader } from '@hearth/schema';
import type { RelayError } from './relay-error.ts';
import { securityHeaders } from './response-headers.ts';

/** Header naming the relay error code, so a client can tell a relay error from an upstream's. */
export { relayErrorHeader };

/**
 * Answers with the relay's JSON error `{ error: { code, message, type } }` and its status. `close` asks
 * Node to close the connection afterwards (after a refused body, or a timed-out upstream).
 */
export function sendRelayError(options: {
  res: ServerResponse;
  error: RelayError;
  headers?: OutgoingHttpHeaders;
  close?: boolean;
}): void {
  const { res, error, headers = {}, close = false } = options;
  if (res.headersSent || res.destroyed) return;
  const body = JSON.stringify(error.toJSON());
  const retryAfter = error.details.retryAfterSeconds;
  res.writeHead(error.status, {
    ...headers,
    ...securityHeaders,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    [relayErrorHeader]: error.code,
    ...(retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) }),
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(body);
}

/**
 * The relay's error as a last server-sent event, for a stream that already started. The leading blank
 * lines end whatever event the cut left half-written, so the error event always parses as one.
 */
export function sseErrorEvent(error: RelayError): string {
  return `\n\nevent: error\ndata: ${JSON.stringify(error.toJSON())}\n\n`;
}
