import type { StreamEvent } from '@hearth/schema';
import type { EventSourceMessage } from 'eventsource-parser';
import { validateChunkData } from './chunk-data.ts';
import { isCompletionChunk, pushChunkEvents } from './chunk-events.ts';
import { createChunkTemplates } from './chunk-templates.ts';
import { errorEventError, providerMessageFromJson } from './provider-error-message.ts';
import { errorEvent, streamError } from './stream-errors.ts';

/**
 * What one server-sent event was: a chunk (its events appended), an error (the error event appended; the
 * stream ends), `[DONE]`, or data to skip.
 */
export type SseMessageKind = 'chunk' | 'error' | 'done' | 'skip';

/** Reads one SSE event, appending the typed events it stands for to `out`. Never throws. */
export type SseMessageReader = (message: EventSourceMessage, out: StreamEvent[]) => SseMessageKind;

/** A reader for the events of one stream (it remembers chunk shapes so that repeats are validated cheaply). */
export function createSseMessageReader(): SseMessageReader {
  const templates = createChunkTemplates();
  return ({ event, data }, out) => {
    if (event === 'error') {
      out.push(errorEvent(errorEventError(data)));
      return 'error';
    }
    // Event names we do not know (pings, other protocols) are only data to us, never instructions.
    if (event !== undefined && event !== 'message') return 'skip';
    if (data === '[DONE]' || (data.length < 16 && data.trim() === '[DONE]')) return 'done';
    const delta = templates.match(data);
    if (delta) {
      out.push(delta);
      return 'chunk';
    }
    const chunk = validateChunkData(data);
    if (chunk.success) {
      if (!isCompletionChunk(chunk.value)) return 'skip';
      templates.learn(data, chunk.value);
      return pushChunkEvents(chunk.value, out) ? 'error' : 'chunk';
    }
    // `{"error": "..."}` does not fit the chunk schema (whose error is an object) but is still an error report.
    const message = chunk.error.reason === 'not-a-chunk' ? providerMessageFromJson(chunk.error.json) : undefined;
    if (message === undefined) return 'skip';
    out.push(errorEvent(streamError(message)));
    return 'error';
  };
}
