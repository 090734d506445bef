import { RelayError } from './relay-error.ts';

// Error codes from Node and OpenSSL are upper-case words; anything else (a message) is never echoed.
const safeCode = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{2,60}$/.test(code) ? code : undefined;
};

/** The 502 for a failure before the upstream answered; it names the host and the error code only. */
export function upstreamFailure(options: { host: string; error: unknown; connected: boolean }): RelayError {
  const { host, error, connected } = options;
  if (error instanceof RelayError) return error;
  const code = safeCode(error);
  const because = code === undefined ? '' : ` (${code})`;
  return connected
    ? new RelayError('upstream_closed', `The upstream ${host} closed the connection before answering${because}.`)
    : new RelayError('upstream_unreachable', `Could not connect to the upstream ${host}${because}.`);
}

/** The 502 (or final stream event) for an upstream that went away mid-answer. */
export function upstreamClosedMidAnswer(host: string): RelayError {
  return new RelayError('upstream_closed', `The upstream ${host} closed the connection before its answer ended.`);
}

/**
 * Whether a status is one the relay refuses: every 3xx. 300 (a choice of places) is a redirect like any
 * other, and 304 cannot answer a relayed request, which never carries the conditional headers
 * (`If-None-Match`, ...) it answers; passing one on would hand the client an empty body as the answer.
 */
export const isRedirect = (status: number): boolean => status >= 300 && status < 400;

/** The 502 for a redirect: its status and the origin it points to, never the path or query. */
export function redirectRefused(options: { host: string; status: number; location: string | undefined }): RelayError {
  const { host, status, location } = options;
  let where = '';
  try {
    if (location !== undefined) where = ` to ${new URL(location).origin}`;
  } catch {
    // A relative or unparseable Location is still a redirect; the message just does not say where.
  }
  return new RelayError(
    'upstream_redirect',
    `The upstream ${host} answered with a redirect (HTTP ${status})${where}; the relay does not follow redirects. ` +
      'Use the final URL as the base URL.',
  );
}

/** The 502 (or final stream event) for an answer larger than the configured cap. */
export function responseTooLarge(options: { host: string; maxBytes: number }): RelayError {
  return new RelayError(
    'response_too_large',
    `The answer of the upstream ${options.host} passed the relay's limit of ${options.maxBytes} bytes (RELAY_MAX_RESPONSE_BYTES).`,
  );
}
