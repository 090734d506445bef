import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MarkdownBlock, parsedBlock } from './markdown-block.tsx';

describe('MarkdownBlock', () => {
  it('parses a finished block once and reuses its output, which is what parsing it again gives', () => {
    const text = 'Some **bold** words, `code` and a [link](https://example.com).\n';
    const first = parsedBlock(text);
    expect(parsedBlock(text)).toBe(first);
    expect(renderToStaticMarkup(<MarkdownBlock text={text} />)).toBe(
      renderToStaticMarkup(<MarkdownBlock text={text} settled={false} />),
    );
    expect(renderToStaticMarkup(first)).toContain('<strong>bold</strong>');
  });

  it('keeps the most recently shown blocks and drops the oldest', () => {
    const oldest = parsedBlock('the *oldest* block');
    for (let at = 0; at < 2_000; at++) parsedBlock(`block *${at}*`);
    expect(parsedBlock('the *oldest* block')).not.toBe(oldest);
  });
});
