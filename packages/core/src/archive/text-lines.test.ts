import { describe, expect, it } from 'vitest';
import { chunked, collect } from './test/record-arbitraries.ts';
import { textLines } from './text-lines.ts';

const text = 'first line\r\nzweite Zeile — 第二行 🙂\n\nlast, unterminated';
const bytes = new TextEncoder().encode(text);

describe('textLines', () => {
  it.each(Array.from({ length: 12 }, (_, index) => index + 1))(
    'gives the same lines for chunks of %i bytes (a CRLF or a character split between chunks)',
    async (size) => {
      const cuts = Array.from({ length: Math.ceil(bytes.length / size) }, (_, index) => index * size);
      const lines = await collect(textLines(chunked(bytes, cuts), { maxLineLength: 100 }));
      expect(lines).toEqual([
        { text: 'first line', number: 1, terminated: true },
        { text: 'zweite Zeile — 第二行 🙂', number: 2, terminated: true },
        { text: '', number: 3, terminated: true },
        { text: 'last, unterminated', number: 4, terminated: false },
      ]);
    },
  );

  it('stops at a line longer than the limit, even one that never ends', async () => {
    const endless = new TextEncoder().encode('x'.repeat(500));
    await expect(collect(textLines(chunked(endless, [100, 200, 300]), { maxLineLength: 250 }))).rejects.toMatchObject({
      code: 'malformed',
      detail: { line: 1, reason: 'line_too_long' },
    });
  });

  it('calls a character cut at the very end a truncated file', async () => {
    const cut = new TextEncoder().encode('ok\n🙂').slice(0, -1);
    await expect(collect(textLines(chunked(cut, []), { maxLineLength: 100 }))).rejects.toMatchObject({
      code: 'truncated',
    });
  });
});
