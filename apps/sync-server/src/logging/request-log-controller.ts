import { LogController } from 'fastify';

type Request = Parameters<LogController['requestCompleted']>[1];
type Reply = Parameters<LogController['requestCompleted']>[2];

/**
 * Fastify's request log lines, reshaped: one line per request when it completes, carrying method,
 * path (never the query string), route pattern and status; and no "route not found" line with the
 * raw URL, which Fastify's default prints query string included.
 */
export class RequestLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: Request, reply: Reply): void {
    const fields = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...fields, err: error }, 'request errored');
    else reply.log.info(fields, 'request completed');
  }

  override routeNotFound(request: Request): void {
    request.log.debug({ req: request }, 'no route matched');
  }
}
