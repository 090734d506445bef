// Second line of defence for log text: the first is that nothing logs URLs with queries, headers or
// bodies at all. Query strings carry keys (`?key=` for Gemini), so any path or URL loses its query.

const pathWithQuery = /((?:[a-z][a-z0-9+.-]*:\/\/[^\s/?#"'<>]*)?\/[^\s?#"'<>]*)\?[^\s#"'<>]+/gi;
const credentials = /\b(bearer|basic)\s+[^\s"',;]+/gi;
const quoted = /"[^"]*"/g;

/** A URL or path without its query string: `/relay/v1/models?key=x` -> `/relay/v1/models`. */
export function withoutQuery(url: string): string {
  const cut = url.search(/[?#]/);
  return cut === -1 ? url : url.slice(0, cut);
}

/** Removes query strings of any URL or path in free text, and credentials after `Bearer`/`Basic`. */
export function scrubText(text: string): string {
  return text.replace(pathWithQuery, '$1?[redacted]').replace(credentials, '$1 [redacted]');
}

/**
 * Error messages may quote their input: V8's JSON errors quote the body (`"sk-..." is not valid JSON`),
 * so double-quoted spans are dropped as well.
 */
export function scrubErrorMessage(message: string): string {
  return scrubText(message).replace(quoted, '"[redacted]"');
}
