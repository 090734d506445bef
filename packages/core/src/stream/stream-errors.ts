import type { CompletionError, CompletionErrorCode, RelayErrorBody, RelayErrorCode, StreamEvent } from '@hearth/schema';
import type { ProviderProtocol } from '../provider/provider-protocol.ts';

// Every error the decoder reports, in one place so the wording stays consistent. Messages are shown to
// people as they are; the UI and retries switch on `code`.

/** The format a provider's answer should have had, as a person reads it in an error. */
const formatName = {
  openai: 'an OpenAI-compatible',
  anthropic: 'an Anthropic Messages',
  gemini: 'a Gemini',
} as const satisfies Record<ProviderProtocol, string>;

const notCompatible = (protocol: ProviderProtocol) => `The provider's answer was not ${formatName[protocol]} stream`;

/** The stream ended (EOF or a dropped connection) before `[DONE]`. */
export function interruptedError(): CompletionError {
  return { code: 'interrupted', message: 'The answer was cut off before it finished.' };
}

/** Data arrived but none of it was a chunk of the provider's stream. */
export function notAStreamError(protocol: ProviderProtocol): CompletionError {
  return { code: 'bad_response', message: `${notCompatible(protocol)}.` };
}

/** One line (or event) was longer than the configured limit. */
export function lineTooLongError(maxLineBytes: number, protocol: ProviderProtocol): CompletionError {
  return {
    code: 'bad_response',
    message: `${notCompatible(protocol)}: a line of the stream exceeded ${maxLineBytes} bytes.`,
  };
}

/** The body of a non-streamed answer was not an answer in the provider's format. */
export function notACompletionError(protocol: ProviderProtocol): CompletionError {
  const what = protocol === 'openai' ? 'an OpenAI-compatible chat completion' : `${formatName[protocol]} answer`;
  return { code: 'bad_response', message: `The provider's answer was not ${what}.` };
}

/** A successful response of a type that cannot carry a completion (HTML, plain text, ...). */
export function unexpectedContentTypeError(contentType: string, protocol: ProviderProtocol): CompletionError {
  return {
    code: 'bad_response',
    message: `The provider answered with content of type ${contentType}, not ${formatName[protocol]} stream.`,
  };
}

/** The provider reported an error in the stream or in a successful response; `message` is its own words. */
export function streamError(message: string | undefined): CompletionError {
  const text = message?.trim();
  return { code: 'stream_error', message: text ? text : 'The provider reported an error without saying what it was.' };
}

/** No bytes for `idleTimeoutMs`. */
export function timeoutError(idleTimeoutMs: number): CompletionError {
  return {
    code: 'timeout',
    message: `The provider sent nothing for ${idleTimeoutMs / 1000} seconds, so the answer was stopped.`,
  };
}

/** The request failed before any response; in a browser a CORS refusal looks exactly like this. */
export function networkError(): CompletionError {
  return {
    code: 'network',
    message:
      'The provider could not be reached. This may be a network problem, or the provider refusing requests from a browser (CORS).',
  };
}

/** The provider answered 4xx/5xx; `message` is its own words when it gave any. */
export function upstreamHttpError(
  httpStatus: number,
  message: string,
  retryAfterSeconds?: number | undefined,
): CompletionError {
  return retryAfterSeconds === undefined
    ? { code: 'upstream_http', message, httpStatus }
    : { code: 'upstream_http', message, httpStatus, retryAfterSeconds };
}

// Each relay code as the nearest completion code: that is what an app version that does not read
// `relayCode` shows, so the relay's refusals stay refusals and its failures to reach or hear the provider
// read as the network, a timeout or a cut-off answer.
const completionCodeOfRelay = {
  missing_upstream: 'upstream_http',
  invalid_upstream: 'upstream_http',
  unsupported_scheme: 'upstream_http',
  invalid_header: 'upstream_http',
  invalid_path: 'upstream_http',
  invalid_relay_token: 'upstream_http',
  host_not_allowed: 'upstream_http',
  forbidden_address: 'upstream_http',
  request_too_large: 'upstream_http',
  rate_limited: 'upstream_http',
  internal_error: 'upstream_http',
  upstream_redirect: 'bad_response',
  upstream_unreachable: 'network',
  upstream_closed: 'interrupted',
  response_too_large: 'bad_response',
  upstream_timeout: 'timeout',
} as const satisfies Record<RelayErrorCode, CompletionErrorCode>;

// The relay's messages are one sentence or two; anything longer is not meant for a person.
const maxRelayMessageLength = 1000;

/**
 * The relay itself refused the request or failed to get the provider's answer (its error body, or the
 * error event that ends a stream it cut). `message` keeps the relay's own words, which name the relay
 * and the host; `relayCode` is what the app words in the person's language.
 */
export function relayError(options: {
  relay: RelayErrorBody['error'];
  /** The status of a refused request; none for an error event inside a stream. */
  httpStatus?: number | undefined;
  retryAfterSeconds?: number | undefined;
}): CompletionError {
  const { relay, httpStatus, retryAfterSeconds } = options;
  const words = relay.message.trim();
  const message =
    words === ''
      ? `The relay refused the request (${relay.code}).`
      : words.length > maxRelayMessageLength
        ? `${words.slice(0, maxRelayMessageLength)}…`
        : words;
  return {
    code: completionCodeOfRelay[relay.code],
    message,
    ...(httpStatus === undefined ? {} : { httpStatus }),
    relayCode: relay.code,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  };
}

/** Wraps an error as the event that ends a stream. */
export function errorEvent(error: CompletionError): StreamEvent {
  return { type: 'error', error };
}
