import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonByteLength, utf8ByteLength } from './json-size.ts';

describe('utf8ByteLength', () => {
  it('equals the length of the UTF-8 encoding for any string', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(utf8ByteLength(text)).toBe(encoder.encode(text).length);
      }),
    );
    for (const text of ['', 'a', 'é', '中', '😀', '\ud800', 'a\udc00b']) {
      expect(utf8ByteLength(text)).toBe(encoder.encode(text).length);
    }
  }, 600_000);

  it('measures values as the JSON that travels', () => {
    expect(jsonByteLength({ a: '😀' })).toBe(12);
  });
});
