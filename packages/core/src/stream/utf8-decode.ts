/** Turns bytes into text across chunk boundaries. */
export interface Utf8Decoder {
  /** The text of these bytes; an incomplete character at the end is held until the next call. */
  decode(bytes: Uint8Array): string;
  /** Whatever was held back, at end of stream (an incomplete character becomes U+FFFD). */
  end(): string;
}

/** A streaming UTF-8 decoder: a character split across chunks decodes as the same character. */
export function createUtf8Decoder(): Utf8Decoder {
  // Not fatal: a stray invalid byte becomes U+FFFD instead of failing the whole answer.
  const decoder = new TextDecoder('utf-8');
  return {
    decode: (bytes) => decoder.decode(bytes, { stream: true }),
    end: () => decoder.decode(),
  };
}
