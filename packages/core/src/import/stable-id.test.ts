import { idSchema } from '@hearth/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableId } from './stable-id.ts';

describe('stableId', () => {
  it('is a valid UUIDv7 whose time part is the given millisecond', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), fc.string(), (ms, key) => {
        const id = stableId(ms, key);
        expect(idSchema.safeParse(id).success).toBe(true);
        expect(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(ms);
      }),
    );
  });

  it('gives the same id for the same key and time, and another for another key', () => {
    expect(stableId(1_700_000_000_000, 'a')).toBe(stableId(1_700_000_000_000, 'a'));
    expect(stableId(1_700_000_000_000, 'a')).not.toBe(stableId(1_700_000_000_000, 'b'));
  });

  it('spreads the hash over all 74 bits that are not time, version or variant', () => {
    const seen = new Set<string>();
    let ones = 0n;
    let zeros = 0n;
    const mask = (1n << 74n) - 1n;
    for (let i = 0; i < 2_000; i++) {
      const id = stableId(0, `key-${i}`);
      seen.add(id);
      const hex = id.replaceAll('-', '');
      // rand_a: 12 bits after the version nibble; rand_b: 62 bits after the variant bits.
      const randA = BigInt(`0x${hex.slice(13, 16)}`);
      const randB = BigInt(`0x${hex.slice(16)}`) & ((1n << 62n) - 1n);
      const bits = (randA << 62n) | randB;
      ones |= bits;
      zeros |= ~bits & mask;
    }
    expect(seen.size).toBe(2_000);
    expect(ones).toBe(mask); // every bit was 1 in some id
    expect(zeros).toBe(mask); // and 0 in some other
  });

  it('clamps times outside what 48 bits hold instead of making an invalid id', () => {
    expect(idSchema.safeParse(stableId(-5, 'k')).success).toBe(true);
    expect(idSchema.safeParse(stableId(2 ** 50, 'k')).success).toBe(true);
    expect(idSchema.safeParse(stableId(Number.NaN, 'k')).success).toBe(true);
  });
});
