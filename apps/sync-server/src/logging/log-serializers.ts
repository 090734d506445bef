import { scrubErrorMessage, withoutQuery } from './scrub-text.ts';

/** What a request contributes to a log line: never headers, query string or body. */
interface LoggedRequest {
  method?: string;
  url?: string;
  routeOptions?: { url?: string | undefined };
}

/** `req` serializer: method, path without query, and the matched route pattern. */
export function serializeRequest(request: LoggedRequest) {
  const route = request.routeOptions?.url;
  return {
    method: request.method ?? '',
    path: withoutQuery(request.url ?? ''),
    ...(route === undefined ? {} : { route }),
  };
}

/** `res` serializer: the status only (no headers, which could carry upstream cookies). */
export function serializeReply(reply: { statusCode?: number | string }) {
  return reply.statusCode === undefined ? {} : { statusCode: reply.statusCode };
}

interface LoggedError {
  name?: unknown;
  message?: unknown;
  stack?: unknown;
  code?: unknown;
  statusCode?: unknown;
}

/**
 * `err` serializer with a fixed set of fields: pino's default copies every enumerable property, and
 * Node's URL errors carry the raw `input` (a URL with its query string) as one.
 */
export function serializeError(error: LoggedError) {
  const message = scrubErrorMessage(typeof error.message === 'string' ? error.message : String(error));
  const frames = typeof error.stack === 'string' ? error.stack.split('\n').filter((line) => /^\s+at /.test(line)) : [];
  const type = typeof error.name === 'string' ? error.name : 'Error';
  return {
    type,
    message,
    ...(typeof error.code === 'string' ? { code: error.code } : {}),
    ...(typeof error.statusCode === 'number' ? { statusCode: error.statusCode } : {}),
    // Rebuilt from frames so that the message line in `stack` cannot bypass the scrubbing above.
    stack: [`${type}: ${message}`, ...frames].join('\n'),
  };
}
