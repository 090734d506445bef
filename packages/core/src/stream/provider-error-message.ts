import {
  type CompletionError,
  providerErrorBodySchema,
  type RelayErrorBody,
  relayErrorBodySchema,
} from '@hearth/schema';
import { describeHttpStatus } from './http-status-text.ts';
import { parseJsonText } from './json-text.ts';
import { parseRetryAfter } from './retry-after.ts';
import { relayError, streamError, upstreamHttpError } from './stream-errors.ts';

// Plain-text bodies longer than this are pages or dumps, not messages meant for a person.
const maxPlainTextLength = 500;
// Long enough for any real provider message (context-length errors run to a few hundred characters).
const maxMessageLength = 1000;
const markup = /<(?:!doctype|!--|\/?[a-z][a-z0-9-]*[\s>/])/i;

/** The message to show for a 4xx/5xx answer: the provider's own words when it gave any, else its status. */
export function extractProviderErrorMessage(bodyText: string, status: number, statusText: string): string {
  return providerMessageFromText(bodyText) ?? `The provider answered ${describeHttpStatus(status, statusText)}.`;
}

/** The provider's own words in an error body: a known JSON shape, or short plain text that is not HTML. */
export function providerMessageFromText(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    // JSON of an unknown shape, or cut short, is not shown raw: the status says more to a person than a dump.
    const json = parseJsonText(trimmed);
    return json.success ? providerMessageFromJson(json.value) : undefined;
  }
  if (trimmed.length > maxPlainTextLength || markup.test(trimmed)) return undefined;
  return trimmed;
}

/** The message in `{error: {message}}`, `{error: "..."}`, `{message}` or `{detail}`, if the value is one. */
export function providerMessageFromJson(json: unknown): string | undefined {
  // Gemini's OpenAI-compatible endpoint wraps its error body in an array.
  const parsed = providerErrorBodySchema.safeParse(Array.isArray(json) ? json[0] : json);
  if (!parsed.success) return undefined;
  const body = parsed.data;
  let message: string;
  if ('error' in body) message = typeof body.error === 'string' ? body.error : body.error.message;
  else if ('message' in body) message = body.message;
  else message = body.detail;
  const trimmed = message.trim();
  if (trimmed === '') return undefined;
  return trimmed.length > maxMessageLength ? `${trimmed.slice(0, maxMessageLength)}…` : trimmed;
}

/** The relay's own error in a parsed body or event payload, recognised by its schema (never by its words). */
export function relayErrorFromJson(json: unknown): RelayErrorBody['error'] | undefined {
  const parsed = relayErrorBodySchema.safeParse(json);
  return parsed.success ? parsed.data.error : undefined;
}

/**
 * The error of a 4xx/5xx answer: the relay's own refusal when the body is the relay's error, otherwise
 * the provider's, in its own words when it gave any. `retryAfter` is the answer's `Retry-After` header.
 */
export function failedResponseError(options: {
  status: number;
  statusText: string;
  bodyText: string;
  retryAfter: string | null;
}): CompletionError {
  const { status, statusText, bodyText } = options;
  const retryAfterSeconds = status === 429 ? parseRetryAfter(options.retryAfter) : undefined;
  const json = parseJsonText(bodyText.trim());
  const relay = json.success ? relayErrorFromJson(json.value) : undefined;
  if (relay !== undefined) return relayError({ relay, httpStatus: status, retryAfterSeconds });
  return upstreamHttpError(status, extractProviderErrorMessage(bodyText, status, statusText), retryAfterSeconds);
}

/** The error an `event: error` stands for: the relay's (it cut the stream) or the provider's own words. */
export function errorEventError(data: string): CompletionError {
  const json = parseJsonText(data);
  const relay = json.success ? relayErrorFromJson(json.value) : undefined;
  return relay === undefined ? streamError(providerMessageFromText(data)) : relayError({ relay });
}
