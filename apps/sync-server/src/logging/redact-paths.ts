// Headers are never logged on purpose; if anything ever logs them anyway, these keys are censored.
/** Keys whose values never reach a log line, wherever they appear (compared in lower case). */
export const secretKeys: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'x-goog-api-key',
  'x-relay-token',
  'cookie',
  'set-cookie',
];

// Named containers only: pino redacts these by compiled code, at no cost to a line without them. A
// wildcard (`*.headers`) made every line and every request's child logger walk its redaction, a tenth of
// the relay's CPU; plain objects under any other key, at any depth the formatter walks, are censored by
// `scrubFields` instead. `req`, `res` and `err` need no paths: their serializers print fixed fields
// (never headers, a body or a query), whatever object is logged under those keys.
const headerContainers = ['headers', 'request.headers', 'response.headers'];

/** pino redact paths: secret headers in the usual containers and at the top, plus bodies and queries. */
export const redactPaths: readonly string[] = [
  ...headerContainers.flatMap((container) => secretKeys.map((header) => `${container}["${header}"]`)),
  ...secretKeys.map((header) => `["${header}"]`),
  'body',
  'query',
  'token',
  'apiKey',
];
