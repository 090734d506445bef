import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultBackoff } from './backoff.ts';

describe('backoffDelay', () => {
  const ceiling = (attempt: number) => backoffDelay({ ...defaultBackoff, attempt, random: () => 1 });

  it('doubles from about a second up to five minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(ceiling)).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000,
    ]);
    expect(ceiling(1_000)).toBe(300_000);
  });

  it('spreads retries uniformly below the ceiling (full jitter)', () => {
    expect(backoffDelay({ ...defaultBackoff, attempt: 3, random: () => 0 })).toBe(0);
    expect(backoffDelay({ ...defaultBackoff, attempt: 3, random: () => 0.25 })).toBe(2_000);
    expect(backoffDelay({ baseMs: 10, maxMs: 50, attempt: 2, random: () => 0.5 })).toBe(20);
  });
});
