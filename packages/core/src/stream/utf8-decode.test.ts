import { describe, expect, it } from 'vitest';
import { bytesOf } from './test-support.ts';
import { createUtf8Decoder } from './utf8-decode.ts';

describe('createUtf8Decoder', () => {
  it('decodes a character split at every byte inside it', () => {
    const text = 'a🦊世é';
    const bytes = bytesOf(text);
    for (let at = 0; at <= bytes.length; at++) {
      const decoder = createUtf8Decoder();
      const decoded = decoder.decode(bytes.subarray(0, at)) + decoder.decode(bytes.subarray(at)) + decoder.end();
      expect(decoded, `split at ${at}`).toBe(text);
    }
  });

  it('turns an incomplete character at the end into U+FFFD instead of failing', () => {
    const decoder = createUtf8Decoder();
    expect(decoder.decode(bytesOf('ok🦊').subarray(0, 4))).toBe('ok');
    expect(decoder.end()).toBe('\uFFFD');
  });
});
