import type { StreamEvent } from '@hearth/schema';
import type { EventSourceMessage } from 'eventsource-parser';
import type { ProviderProtocol } from '../provider/provider-protocol.ts';
import { createForeignLineDetector } from './foreign-line-detector.ts';
import { endOfLine } from './line-ends.ts';
import { createLineLengthGuard } from './line-length-guard.ts';
import { createSseMessageReader } from './sse-message.ts';
import { createSseSplitter } from './sse-splitter.ts';
import { errorEvent, interruptedError, lineTooLongError, notAStreamError } from './stream-errors.ts';
import { createUtf8Decoder } from './utf8-decode.ts';

/** The synchronous core of the decoder: bytes in, typed events out. */
export interface SseDecoder {
  /** Decodes more bytes, appending events to `out`; returns true once the stream has ended. */
  push(bytes: Uint8Array, out: StreamEvent[]): boolean;
  /** At end of input: decodes what is pending and appends the event that closes the stream, if any. */
  end(out: StreamEvent[]): void;
}

/**
 * Chains the stages bytes -> text -> SSE events -> the provider's stage (validated chunks -> typed events).
 * Everything but the last stage is the same for every provider. The result does not depend on where the
 * input was split.
 */
export function createSseDecoder(options: { maxLineBytes: number; protocol: ProviderProtocol }): SseDecoder {
  const { maxLineBytes, protocol } = options;
  const utf8 = createUtf8Decoder();
  const guard = createLineLengthGuard(maxLineBytes);
  const foreign = createForeignLineDetector();
  const reader = createSseMessageReader(protocol);
  // UTF-16 units never outnumber UTF-8 bytes, so this cap is never tighter than the byte limit.
  const splitter = createSseSplitter({ maxBufferChars: maxLineBytes, onMessage });
  let sink: StreamEvent[] = [];
  let ended = false;
  let sawChunk = false;
  let skippedData = false;

  function finish(event: StreamEvent | undefined): void {
    ended = true;
    if (event) sink.push(event);
  }

  function onMessage(message: EventSourceMessage): void {
    if (ended) return; // events after the end or an error in the same text
    switch (reader.read(message, sink)) {
      case 'chunk':
        sawChunk = true;
        return;
      case 'error':
        ended = true;
        return;
      case 'done':
        finish(!sawChunk && (skippedData || foreign.seen) ? errorEvent(notAStreamError(protocol)) : undefined);
        return;
      case 'skip':
        skippedData = true;
        return;
    }
  }

  function feedText(text: string): void {
    if (sawChunk) {
      splitter.feed(text);
    } else {
      // Until the first real chunk, lines go to the detector and the parser in step, so that a `[DONE]`
      // is judged on exactly the lines before it, wherever the network split them.
      let start = 0;
      while (start < text.length && !sawChunk && !ended) {
        const end = endOfLine(text, start);
        const line = start === 0 && end === text.length ? text : text.slice(start, end);
        foreign.feed(line);
        splitter.feed(line);
        start = end;
      }
      if (start < text.length && !ended) splitter.feed(text.slice(start));
    }
    if (splitter.overflowed && !ended) finish(errorEvent(lineTooLongError(maxLineBytes, protocol)));
  }

  return {
    push(bytes, out) {
      if (ended) return true;
      sink = out;
      const tooLongAt = guard.check(bytes);
      // The bytes before the limit still count, so the events are the same however the input was split.
      feedText(utf8.decode(tooLongAt === -1 ? bytes : bytes.subarray(0, tooLongAt)));
      if (tooLongAt !== -1 && !ended) finish(errorEvent(lineTooLongError(maxLineBytes, protocol)));
      return ended;
    },
    end(out) {
      if (ended) return;
      sink = out;
      // A last event without its blank line still counts, so `data: [DONE]` with no final newline ends cleanly.
      feedText(`${utf8.end()}\n\n`);
      if (ended) return;
      // A stream that ends by closing (Gemini's) is whole when its stage saw the answer finish.
      if (reader.end(sink)) {
        ended = true;
        return;
      }
      finish(errorEvent(!sawChunk && (skippedData || foreign.seen) ? notAStreamError(protocol) : interruptedError()));
    },
  };
}
