import { LogController } from 'fastify';

type Request = Parameters<LogController['requestCompleted']>[1];
type Reply = Parameters<LogController['requestCompleted']>[2];

/**
 * Fastify's request log lines, reshaped: exactly one line per request, written when its response is
 * over, carrying method, route pattern (and the path outside the relay, never a query string) and
 * status. Fastify's own line comes from the response's `finish`, which a response the client abandoned
 * (a relayed stream the person stopped) never emits; this one comes from `close`, which every response
 * emits once, finished or not, and is then `request completed` or `request aborted`. No "route not
 * found" line with the raw URL either, which Fastify's default prints query string included.
 */
export class RequestLogController extends LogController {
  override incomingRequest(request: Request, reply: Reply): void {
    const res = reply.raw;
    const socket = request.raw.socket;
    let error: Error | undefined;
    const onError = (cause: Error) => {
      error = cause;
    };
    const write = () => {
      res.off('close', write);
      res.off('error', onError);
      socket.off('close', write);
      const fields = { req: request, res: reply, responseTime: reply.elapsedTime };
      if (error !== undefined) reply.log.error({ ...fields, err: error }, 'request errored');
      else if (res.writableFinished) reply.log.info(fields, 'request completed');
      else reply.log.info(fields, 'request aborted');
    };
    res.once('close', write);
    res.once('error', onError);
    // A pipelined request waits for the one before it to finish before its response gets the socket; if
    // the connection closes first, that response never emits anything, so the socket's close ends it.
    if (res.socket === null) socket.once('close', write);
  }

  /** Fastify's line on `finish`; `incomingRequest` has the line written on `close` instead. */
  override requestCompleted(): void {}

  override routeNotFound(request: Request): void {
    request.log.debug({ req: request }, 'no route matched');
  }
}
