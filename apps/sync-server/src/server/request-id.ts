import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

export const requestIdHeader = 'x-request-id';

// Anything else (spaces, control characters, kilobytes) could forge or flood log lines.
const wellFormed = /^[A-Za-z0-9._:-]{1,128}$/;

/** A well-formed incoming `x-request-id` (from a proxy in front), otherwise a new UUID. */
export function requestIdFor(request: IncomingMessage): string {
  const incoming = request.headers[requestIdHeader];
  return typeof incoming === 'string' && wellFormed.test(incoming) ? incoming : randomUUID();
}

/** Echoes the request id on every response. */
export function registerRequestIdHeader(app: FastifyInstance): void {
  // A callback hook, not an async one: every request pays for the hook, and a promise per request for a
  // synchronous header is waste.
  app.addHook('onRequest', (request, reply, done) => {
    // On the raw response so that it survives routes that write the response themselves.
    reply.raw.setHeader(requestIdHeader, request.id);
    done();
  });
}
