import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pad, padmeLength, unpad } from './padme.ts';

describe('PADME padding', () => {
  it('rounds lengths as the paper tabulates', () => {
    // Small lengths are exact; 9 bits of exponent keep 4 free bits, and so on.
    expect([0, 1, 2, 3, 7, 8, 9, 10, 11, 100, 1000, 1_000_000].map(padmeLength)).toEqual([
      0, 1, 2, 3, 7, 8, 10, 10, 12, 104, 1024, 1_015_808,
    ]);
  });

  it('never shrinks, overhead under 12% past 256 bytes, and idempotent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), (length) => {
        const padded = padmeLength(length);
        expect(padded).toBeGreaterThanOrEqual(length);
        if (length >= 256) expect((padded - length) / length).toBeLessThan(0.12);
        expect(padmeLength(padded)).toBe(padded);
      }),
    );
  });

  it('hides small differences: titles of similar size pad to one length', () => {
    const sizes = new Set([289, 295, 300, 303].map((length) => pad(new Uint8Array(length)).length));
    expect(sizes.size).toBe(1);
  });

  it('gives back exactly the content, whatever it ends with', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expect(unpad(pad(bytes))).toEqual(bytes);
      }),
    );
  });

  it('refuses damaged padding', () => {
    expect(() => unpad(new Uint8Array([1, 2, 0, 0]))).toThrow(/padding/);
    expect(() => unpad(new Uint8Array(4))).toThrow(/padding/);
  });
});
