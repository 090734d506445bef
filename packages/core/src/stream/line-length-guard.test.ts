import { describe, expect, it } from 'vitest';
import { createLineLengthGuard } from './line-length-guard.ts';
import { bytesOf, chunksOf } from './test-support.ts';

/** Where (in the whole input) the guard first objects, or -1. */
function firstExcess(input: string, max: number, size: number): number {
  const guard = createLineLengthGuard(max);
  let offset = 0;
  for (const chunk of chunksOf(bytesOf(input), size)) {
    const at = guard.check(chunk);
    if (at !== -1) return offset + at;
    offset += chunk.length;
  }
  return -1;
}

describe('createLineLengthGuard', () => {
  it.each([1, 2, 3, 7, 100])('finds the byte that passes the limit, in chunks of %i', (size) => {
    expect(firstExcess('12345\r\n1234\n123456789\n', 5, size)).toBe(17);
    expect(firstExcess('12345\r\n12345\r12345\n', 5, size)).toBe(-1);
  });

  it('counts UTF-8 bytes', () => {
    // 世 is three bytes: two of them fit in 6, the third character does not.
    expect(firstExcess('世世世', 6, 100)).toBe(6);
  });
});
