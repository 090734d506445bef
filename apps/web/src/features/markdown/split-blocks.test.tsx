import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MarkdownBlock } from './markdown-block.tsx';
import { splitMarkdownBlocks } from './split-blocks.ts';

function renderWhole(text: string): string {
  return renderToStaticMarkup(<MarkdownBlock text={text} />);
}

// As MarkdownView does it: each block on its own, a newline between them.
function renderSplit(text: string): string {
  return splitMarkdownBlocks(text)
    .map((block) => renderToStaticMarkup(<MarkdownBlock text={block} />))
    .join('\n');
}

describe('splitMarkdownBlocks', () => {
  it('splits at blank lines before unindented blocks and keeps the text intact', () => {
    const text = '# Title\n\nFirst paragraph\nstill first.\n\n\nSecond.\n\n> quote';
    const blocks = splitMarkdownBlocks(text);
    expect(blocks).toEqual(['# Title\n', 'First paragraph\nstill first.\n\n', 'Second.\n', '> quote']);
    expect(blocks.join('\n')).toBe(text);
  });

  it('never splits inside fenced code or math, however many blank lines it holds', () => {
    const code = '```py\ndef f():\n    pass\n\n\nx = 1\n\n# comment\n```';
    const tilde = '~~~\n```\n\nnot a fence end\n~~~';
    const math = '$$\na = b\n\n\\\\ c\n$$';
    for (const block of [code, tilde, math]) {
      expect(splitMarkdownBlocks(`intro\n\n${block}\n\noutro`)).toEqual(['intro\n', `${block}\n`, 'outro']);
    }
  });

  it('keeps an unclosed fence, as while streaming, together with everything after it', () => {
    expect(splitMarkdownBlocks('intro\n\n```js\nlet a;\n\nlet b;')).toEqual(['intro\n', '```js\nlet a;\n\nlet b;']);
  });

  it('keeps loose lists and their indented content together', () => {
    const list = '1. one\n\n   ```sh\n   make\n\n   make test\n   ```\n\n2. two\n\n   more about two';
    expect(splitMarkdownBlocks(`${list}\n\nafter`)).toEqual([`${list}\n`, 'after']);
  });

  it('does not split a text that uses reference definitions', () => {
    const text = 'See [the docs][d].\n\nMore.\n\n[d]: https://example.com';
    expect(splitMarkdownBlocks(text)).toEqual([text]);
  });

  it('splits CRLF text like LF text', () => {
    expect(splitMarkdownBlocks('a\r\n\r\n```\r\nx\r\n\r\ny\r\n```\r\n\r\nb')).toEqual([
      'a\r\n\r',
      '```\r\nx\r\n\r\ny\r\n```\r\n\r',
      'b',
    ]);
  });
});

// Pieces of well-formed markdown, including the shapes that make splitting hard: fences with blank
// lines and unindented lines inside, fences in list items, math blocks, HTML with fence-like lines.
const pieces = [
  'A paragraph with **bold**, `code`, $x^2$ and a [link](https://example.com).',
  'Two-line\nparagraph.',
  '# Heading',
  'Setext\n===',
  '```js\nconst a = 1;\n\nfunction f() {}\n\n# not a heading\n```',
  '````md\n```\n\ninner\n```\n````',
  '~~~\n```\n\nstill code\n~~~',
  '$$\na = b\n\n+ c\n$$',
  'text\n$$\nx\n$$',
  '- tight\n- list',
  '- loose\n\n- list\n\n  continued',
  '1. first\n\n   ```sh\n   make\n\nmake install\n   ```\n\n2. second',
  '3. starts at three\n4. four',
  '- outer\n  - inner\n\n  - inner loose\n\n    deep',
  '> quote\n>\n> more\n\n> another',
  '| a | b |\n| - | - |\n| 1 | 2 |',
  '    indented code\n\n    more code',
  '<div>\n```\n</div>',
  'para\n<div>\n```\n</div>',
  '<!--\n\ncomment with ```\n\n-->',
  '<pre>\n\n```\n\n</pre>',
  '# Heading\n<span>\n```\n\nx',
  '***\n<custom-tag>\n```',
  'para\n<span>\n```\ncode\n\nmore\n```',
  '- item\n<div>\n```',
  '> ```\n> code\n>\n> more\n> ```',
  '- a\n\n  <!--\n\n  x\n\n  -->',
  '  ```\n  indented top-level fence\n\nx\n  ```',
  '- item\n\n  ```\n  code\n\nx\n  ```',
  'Setext\n---',
  '<!DOCTYPE html>',
  '* * *',
  '+ plus\n\n+ loose\n\n10) paren list',
  '\t- tab indented\n\n\tcode?',
  '$$x$$ inline double dollars',
  '---',
  'Term with trailing spaces  \nhard break',
];

describe('rendering split blocks', () => {
  it('matches rendering the whole text, for any arrangement of pieces', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom('\n', '\n\n', '\n\n\n')), { maxLength: 8 }),
        (parts) => {
          const text = parts.map(([piece, gap]) => piece + gap).join('');
          expect(splitMarkdownBlocks(text).join('\n')).toBe(text);
          expect(renderSplit(text)).toBe(renderWhole(text));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('matches rendering the whole text at every point of a stream', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }), fc.nat(), (parts, cut) => {
        const whole = parts.join('\n\n');
        const text = whole.slice(0, cut % (whole.length + 1));
        expect(renderSplit(text)).toBe(renderWhole(text));
      }),
      { numRuns: 200 },
    );
  });
});
