import type { StreamEvent } from '@hearth/schema';
import { completionResponseEvents } from './completion-response-events.ts';
import { bodyKindOf, mediaTypeOf } from './content-type.ts';
import { decodeCompletionStream } from './decode-completion-stream.ts';
import { failedResponseError } from './provider-error-message.ts';
import { readBodyText } from './read-body-text.ts';
import {
  errorEvent,
  interruptedError,
  lineTooLongError,
  timeoutError,
  unexpectedContentTypeError,
} from './stream-errors.ts';
import { type CompletionStreamOptions, defaultMaxLineBytes } from './stream-options.ts';

// An error body worth reading is a few hundred bytes; a proxy's HTML page can be far more.
const maxErrorBodyBytes = 64 * 1024;
const ignore = (): void => {};

/**
 * Turns a provider's response into typed events: a 4xx/5xx into `upstream_http` with the provider's own
 * message (or, when the relay itself refused, into what the relay said), a whole JSON answer into the events
 * a stream would have given, an SSE body through the decoder; the last two in the provider's format.
 */
export async function* completionEventsFromResponse(
  response: Response,
  options: CompletionStreamOptions = {},
): AsyncGenerator<StreamEvent, void, undefined> {
  if (options.signal?.aborted) {
    cancelBody(response);
    return;
  }
  if (!response.ok) {
    const body = await readBodyText(response.body, { ...options, maxBytes: maxErrorBodyBytes });
    if (body.type === 'aborted') return;
    // A body that fails or stalls still leaves the status to report.
    const text = body.type === 'text' ? body.text : '';
    yield errorEvent(
      failedResponseError({
        status: response.status,
        statusText: response.statusText,
        bodyText: text,
        retryAfter: response.headers.get('retry-after'),
      }),
    );
    return;
  }
  const protocol = options.protocol ?? 'openai';
  const mediaType = mediaTypeOf(response.headers.get('content-type'));
  switch (bodyKindOf(mediaType)) {
    case 'sse':
      yield* decodeCompletionStream(response.body ?? emptyBody(), options);
      return;
    case 'json':
      yield* jsonAnswerEvents(response, options);
      return;
    case 'other':
      cancelBody(response);
      yield errorEvent(unexpectedContentTypeError(mediaType, protocol));
      return;
  }
}

/** A provider that ignored `stream: true` answers with one JSON object; it is read whole, within the line cap. */
async function* jsonAnswerEvents(response: Response, options: CompletionStreamOptions): AsyncGenerator<StreamEvent> {
  const maxBytes = options.maxLineBytes ?? defaultMaxLineBytes;
  const protocol = options.protocol ?? 'openai';
  const body = await readBodyText(response.body, { ...options, maxBytes });
  switch (body.type) {
    case 'aborted':
      return;
    case 'timeout':
      yield errorEvent(timeoutError(options.idleTimeoutMs ?? 0));
      return;
    case 'failed':
      yield errorEvent(interruptedError());
      return;
    case 'text':
      if (body.truncated) yield errorEvent(lineTooLongError(maxBytes, protocol));
      else yield* completionResponseEvents(body.text, protocol);
      return;
  }
}

function cancelBody(response: Response): void {
  response.body?.cancel().catch(ignore);
}

function emptyBody(): ReadableStream<Uint8Array> {
  return new ReadableStream({ start: (controller) => controller.close() });
}
