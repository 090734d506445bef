import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { describe, expect, it } from 'vitest';
import { MarkdownBlock } from './markdown-block.tsx';
import { plainParagraph, textRuns } from './plain-paragraph.ts';

// The renderer itself, without the plain-paragraph shortcut in MarkdownBlock.
function parsed(text: string): string {
  return renderToStaticMarkup(<Markdown remarkPlugins={[remarkGfm, remarkMath]}>{text}</Markdown>);
}

describe('plainParagraph', () => {
  it('takes a long paragraph of words as it is, and its rendering is the parsed one', () => {
    const text = Array.from({ length: 3_000 }, (_, at) => `token${at + 1}`).join(' ');
    expect(plainParagraph(text)).toBe(text);
    expect(renderToStaticMarkup(<MarkdownBlock text={text} />)).toBe(parsed(text));
    // As a block before another one: with its newline, which the paragraph drops.
    expect(plainParagraph(`${text} \n`)).toBe(text);
  });

  it('leaves to the parser any text with markdown in it', () => {
    for (const text of [
      'some **bold** words',
      'a `code` span',
      'a [link](https://example.com)',
      'see www.example.com',
      'mail me@example.com',
      'http://example.com',
      'line one\nline two',
      '# heading',
      '1. a list',
      '- a list',
      'x <b>html</b>',
      'a &amp; b',
      'math $x$ here',
      'a ~~strike~~',
      'a | b',
      'escaped \\* star',
      '    indented code',
      '',
    ]) {
      expect(plainParagraph(text), text).toBeUndefined();
    }
  });

  it('renders every plain paragraph exactly as the parser does', () => {
    const word = fc.stringMatching(/^[a-zA-Z0-9éü中文，。！？.,;:'"?!()%+=-]{1,12}$/);
    const paragraph = fc
      .tuple(fc.stringMatching(/^[a-zA-Z中]$/), fc.array(fc.tuple(fc.constantFrom(' ', '  '), word), { maxLength: 30 }))
      .map(([first, rest]) => first + rest.map(([space, w]) => space + w).join(''));
    fc.assert(
      fc.property(paragraph, fc.constantFrom('', '\n', ' \n'), (text, end) => {
        const block = text + end;
        if (plainParagraph(block) === undefined) return;
        expect(renderToStaticMarkup(<MarkdownBlock text={block} />)).toBe(parsed(block));
      }),
      { numRuns: 300 },
    );
  });
});

describe('textRuns', () => {
  it('cuts at spaces into runs that stay the same as the text grows at the end', () => {
    const words = Array.from({ length: 3_000 }, (_, at) => `token${at + 1}`);
    const whole = textRuns(words.join(' '));
    expect(whole.length).toBeGreaterThan(10);
    expect(whole.join('')).toBe(words.join(' '));
    for (const run of whole.slice(1)) expect(run.startsWith(' ')).toBe(true);
    // Every earlier state of the stream has the same runs, but for its last one.
    for (const count of [1, 150, 1_200, 2_999]) {
      const runs = textRuns(words.slice(0, count).join(' '));
      expect(runs.slice(0, -1)).toEqual(whole.slice(0, runs.length - 1));
    }
  });
});
