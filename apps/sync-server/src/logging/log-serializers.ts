import { mcpRelayPathPrefix, relayPathPrefix } from '@hearth/schema';
import { scrubErrorMessage, withoutQuery } from './scrub-text.ts';

/** What a request contributes to a log line: never headers, query string or body. */
interface LoggedRequest {
  method?: string;
  url?: string;
  routeOptions?: { url?: string | undefined };
}

/**
 * `req` serializer: method, the matched route pattern, and the path without its query, except under the
 * relay's prefix: what follows it is the upstream's path (a Gemini model name, an Azure deployment), which
 * docs/relay.md promises never to log, so a relay request is logged by its route only.
 */
export function serializeRequest(request: LoggedRequest) {
  const route = request.routeOptions?.url;
  const path = withoutQuery(request.url ?? '');
  const method = request.method ?? '';
  // The route too: an absolute-form target (`GET http://host/relay/v1/...`) reaches the relay's route.
  for (const prefix of [relayPathPrefix, mcpRelayPathPrefix]) {
    if (path.startsWith(prefix) || route?.startsWith(prefix)) return { method, route: route ?? prefix };
  }
  return route === undefined ? { method, path } : { method, path, route };
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
