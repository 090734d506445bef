import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** Cuts text into server-sent events. */
export interface SseSplitter {
  /** Parses more text; complete events go to `onMessage` before this returns. */
  feed(text: string): void;
  /** Whether an event grew past the buffer limit; the splitter then ignores further input. */
  readonly overflowed: boolean;
}

export interface SseSplitterOptions {
  /** The most characters buffered for one unfinished line or event. */
  maxBufferChars: number;
  onMessage: (message: EventSourceMessage) => void;
}

/** An SSE parser (eventsource-parser) whose buffering is capped; comments and retry fields are ignored. */
export function createSseSplitter(options: SseSplitterOptions): SseSplitter {
  let overflowed = false;
  const parser = createParser({
    maxBufferSize: options.maxBufferChars,
    onEvent: options.onMessage,
    onError: (error) => {
      // Unknown fields and bad retry values are noise; only a buffer overflow ends the stream.
      if (error.type === 'max-buffer-size-exceeded') overflowed = true;
    },
  });
  return {
    feed(text) {
      // After an overflow the parser throws on feed until reset; the caller ends the stream instead.
      if (!overflowed) parser.feed(text);
    },
    get overflowed() {
      return overflowed;
    },
  };
}
