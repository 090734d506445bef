/** How a successful response's body is to be read. */
export type BodyKind = 'sse' | 'json' | 'other';

/** The media type of a Content-Type header, lower-cased and without parameters ('' when absent). */
export function mediaTypeOf(contentType: string | null): string {
  if (contentType === null) return '';
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

/** Classifies a media type; a missing one is read as SSE, since that is what was asked for. */
export function bodyKindOf(mediaType: string): BodyKind {
  if (mediaType === '' || mediaType === 'text/event-stream') return 'sse';
  if (mediaType === 'application/json' || mediaType.endsWith('+json')) return 'json';
  return 'other';
}
