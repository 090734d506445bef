import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { passed, type RelayResult, refused } from './relay-error.ts';

/**
 * The only client headers that reach the upstream: what OpenAI-compatible, Anthropic, Gemini, Azure and
 * OpenRouter APIs need. Everything else stays behind: cookies, Host, Forwarded and X-Forwarded-*, hop-by-hop
 * headers, the relay's own headers, SDK telemetry.
 */
export const forwardedRequestHeaders: readonly string[] = Object.freeze([
  'accept',
  'anthropic-beta',
  'anthropic-version',
  'api-key',
  'authorization',
  'content-type',
  'http-referer',
  'idempotency-key',
  'openai-beta',
  'openai-organization',
  'openai-project',
  'user-agent',
  'x-api-key',
  'x-goog-api-key',
  'x-title',
]);

// What Node itself refuses in a header value (CR, LF, NUL and other controls): refusing it here turns a
// would-be crash or injection into a 400.
const invalidValue = /[^\t\x20-\x7e\x80-\xff]/;

/**
 * The headers of the upstream request: the allow-listed client headers, an identity `accept-encoding`
 * (the relay passes bytes through and never decompresses) and the body's length. Refuses a header whose
 * value Node would reject; the error names the header, never its value.
 */
export function outboundHeaders(
  incoming: IncomingHttpHeaders,
  bodyBytes: number | undefined,
  forwarded: readonly string[] = forwardedRequestHeaders,
): RelayResult<OutgoingHttpHeaders> {
  const headers: OutgoingHttpHeaders = {};
  for (const name of forwarded) {
    const raw = incoming[name];
    if (raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join(', ') : raw;
    if (invalidValue.test(value)) return refused('invalid_header', `The ${name} header contains invalid characters.`);
    headers[name] = value;
  }
  headers['accept-encoding'] = 'identity';
  if (bodyBytes !== undefined) headers['content-length'] = bodyBytes;
  return passed(headers);
}
