import { describe, expect, it } from 'vitest';
import { createForeignLineDetector } from './foreign-line-detector.ts';

function seenIn(text: string, size: number): boolean {
  const detector = createForeignLineDetector();
  for (let offset = 0; offset < text.length; offset += size) detector.feed(text.slice(offset, offset + size));
  return detector.seen;
}

describe('createForeignLineDetector', () => {
  const sseLines = ': comment\r\n\r\ndata: {"a":1}\revent: ping\nid: 3\nretry: 10\ndata\nevent\n\n';
  it.each([1, 2, 5, 100])('accepts blank lines, comments and known fields, in pieces of %i', (size) => {
    expect(seenIn(sseLines, size)).toBe(false);
  });

  it.each([
    ['plain text', 'hello world\n'],
    ['JSON lines', '{"a":1}\n'],
    ['a field that only starts like a known one', 'datum: 1\n'],
    ['a long unknown field without a colon', 'retrying\n'],
    ['upper-case field names', 'DATA: x\n'],
  ])('notices %s however it is split', (_, line) => {
    for (const size of [1, 2, 3, 100]) expect(seenIn(sseLines + line, size), `size ${size}`).toBe(true);
  });

  it('waits for the end of a line before judging it', () => {
    expect(seenIn('hello', 100)).toBe(false);
  });
});
