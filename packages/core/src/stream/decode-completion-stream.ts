import type { StreamEvent } from '@hearth/schema';
import { flattenBatches } from './flatten-batches.ts';
import { createGuardedReader } from './guarded-reader.ts';
import { createSseDecoder } from './sse-decoder.ts';
import { errorEvent, interruptedError, timeoutError } from './stream-errors.ts';
import { type CompletionStreamOptions, defaultMaxLineBytes } from './stream-options.ts';

/**
 * Decodes an SSE body in the provider's format (`options.protocol`, OpenAI-compatible unless said) into typed
 * events. It ends after the provider's end of answer (no event), an error event, or an abort of
 * `options.signal` (no event: the caller chose to stop); the body is always released.
 */
export function decodeCompletionStream(
  body: ReadableStream<Uint8Array>,
  options: CompletionStreamOptions = {},
): AsyncGenerator<StreamEvent, void, undefined> {
  return flattenBatches(decodeBatches(body, options), options.signal);
}

/** The events of each read of the body, as one batch. */
async function* decodeBatches(
  body: ReadableStream<Uint8Array>,
  options: CompletionStreamOptions,
): AsyncGenerator<readonly StreamEvent[], void, undefined> {
  const { signal, idleTimeoutMs } = options;
  const reader = createGuardedReader(body, { signal, idleTimeoutMs });
  const decoder = createSseDecoder({
    maxLineBytes: options.maxLineBytes ?? defaultMaxLineBytes,
    protocol: options.protocol ?? 'openai',
  });
  // One array refilled for every read keeps the hot loop free of per-chunk allocations; each batch is
  // fully handed out before the next read refills it.
  const events: StreamEvent[] = [];
  try {
    let ended = false;
    while (!ended) {
      const read = await reader.read();
      switch (read.type) {
        case 'bytes':
          ended = decoder.push(read.bytes, events);
          break;
        case 'end':
          decoder.end(events);
          ended = true;
          break;
        case 'failed':
          yield [errorEvent(interruptedError())];
          return;
        case 'timeout':
          yield [errorEvent(timeoutError(idleTimeoutMs ?? 0))];
          return;
        case 'aborted':
          return;
      }
      if (events.length > 0) yield events;
      events.length = 0;
    }
  } finally {
    reader.close();
  }
}
