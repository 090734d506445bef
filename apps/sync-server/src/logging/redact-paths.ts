// Headers are never logged on purpose; if anything ever logs them anyway, these keys are censored.
const secretHeaders = [
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'x-goog-api-key',
  'x-relay-token',
  'cookie',
  'set-cookie',
];

const headerContainers = ['headers', 'req.headers', 'request.headers', 'res.headers', '*.headers'];

/** pino redact paths: secret headers wherever a headers object appears, plus bodies and queries. */
export const redactPaths: readonly string[] = [
  ...headerContainers.flatMap((container) => secretHeaders.map((header) => `${container}["${header}"]`)),
  ...secretHeaders.map((header) => `["${header}"]`),
  'body',
  'req.body',
  'query',
  'req.query',
  'token',
  'apiKey',
];
