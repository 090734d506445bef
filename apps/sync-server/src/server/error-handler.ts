import type { FastifyError, FastifyInstance } from 'fastify';
import { scrubErrorMessage } from '../logging/scrub-text.ts';
import { errorBody } from './http-error.ts';

/**
 * Errors thrown by the server's own routes and by Fastify (bad JSON, body too large) as JSON error
 * bodies. A 4xx says what was wrong; a 5xx says only that something failed, with the request id to
 * find it in the logs, since its message may describe internals.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply
        .code(status)
        .send(errorBody('internal_error', `The server failed to answer; see its logs for request ${request.id}.`));
    }
    request.log.info({ err: error }, 'request refused');
    return reply.code(status).send(errorBody('bad_request', scrubErrorMessage(error.message)));
  });
}
