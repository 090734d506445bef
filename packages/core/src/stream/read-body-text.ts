import { createGuardedReader, type GuardedReaderOptions } from './guarded-reader.ts';
import { createUtf8Decoder } from './utf8-decode.ts';

/** A whole body as text, or why it could not be read. */
export type BodyTextOutcome =
  | { type: 'text'; text: string; truncated: boolean }
  | { type: 'aborted' }
  | { type: 'timeout' }
  | { type: 'failed' };

export interface ReadBodyTextOptions extends GuardedReaderOptions {
  /** Bytes kept at most; the rest of the body is cancelled unread. */
  maxBytes: number;
}

/** Reads a body as UTF-8 text, keeping at most `maxBytes` so a huge or endless body cannot exhaust memory. */
export async function readBodyText(
  body: ReadableStream<Uint8Array> | null,
  options: ReadBodyTextOptions,
): Promise<BodyTextOutcome> {
  if (!body) return { type: 'text', text: '', truncated: false };
  const reader = createGuardedReader(body, options);
  const utf8 = createUtf8Decoder();
  const parts: string[] = [];
  let kept = 0;
  try {
    for (;;) {
      const read = await reader.read();
      if (read.type === 'end') {
        parts.push(utf8.end());
        return { type: 'text', text: parts.join(''), truncated: false };
      }
      if (read.type !== 'bytes') return read;
      const room = options.maxBytes - kept;
      if (read.bytes.length > room) {
        parts.push(utf8.decode(read.bytes.subarray(0, room)), utf8.end());
        return { type: 'text', text: parts.join(''), truncated: true };
      }
      kept += read.bytes.length;
      parts.push(utf8.decode(read.bytes));
    }
  } finally {
    reader.close();
  }
}
