import { providerErrorBodySchema } from '@hearth/schema';
import { describeHttpStatus } from './http-status-text.ts';
import { parseJsonText } from './json-text.ts';

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
