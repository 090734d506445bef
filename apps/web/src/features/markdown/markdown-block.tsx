import { memo, type ReactElement } from 'react';
import Markdown, { type Components, type Options } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import rehypeKatex, { type Options as KatexOptions } from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { CodeBlock } from './code-block.tsx';
import { allowElement } from './element-policy.ts';
import { MarkdownImage } from './markdown-image.tsx';
import { MarkdownLink } from './markdown-link.tsx';
import { MarkdownTable } from './markdown-table.tsx';
import { plainParagraph, textRuns } from './plain-paragraph.ts';
import { TaskCheckbox } from './task-checkbox.tsx';
import { markdownUrlTransform } from './url-policy.ts';

// Everything below is built once per page, never per render: a streaming answer re-renders on
// every delta and new arrays or objects here would rebuild the processor each time.

// KaTeX runs on untrusted text. trust: false keeps \href, \url, \includegraphics and \html* inert;
// bad TeX becomes a .katex-error span because rehype-katex itself retries with throwOnError: false
// (it owns that option and omits it from its type). maxSize/maxExpand bound hostile input.
const katexOptions: KatexOptions = {
  trust: false,
  strict: false,
  maxSize: 50,
  maxExpand: 1000,
  output: 'htmlAndMathml',
  errorColor: 'var(--danger, #d1242f)',
};

// react-markdown builds a fresh processor on every render and so calls each plugin again;
// rehype-highlight would register all of lowlight's `common` languages each time. These two
// transformers are built once, and the "plugins" handed over just return them.
const katexTransformer = rehypeKatex(katexOptions);
// Default options: lowlight's `common` languages; unlabelled code is not guessed at.
const highlightTransformer = rehypeHighlight();

const remarkPlugins: Options['remarkPlugins'] = [remarkGfm, remarkMath];
// KaTeX first, so ```math blocks become math before the highlighter looks at them.
const rehypePlugins: Options['rehypePlugins'] = [() => katexTransformer, () => highlightTransformer];

const components: Components = {
  a: MarkdownLink,
  img: MarkdownImage,
  pre: CodeBlock,
  table: MarkdownTable,
  input: TaskCheckbox,
};

// Parsed blocks by their text, the least recently used dropped first: a block scrolled out of the
// virtualized list and back, or shown again in another chat, is not parsed again. The output of the
// pipeline is a plain element tree (react-markdown's Markdown is a function of its options, with no
// state), so one tree serves every place that shows the same text.
const parsedBlocks = new Map<string, ReactElement>();
const parsedBlocksKept = 2_000;

/** A finished block through the pipeline, parsed once while it stays among the recently shown. */
export function parsedBlock(text: string): ReactElement {
  const cached = parsedBlocks.get(text);
  if (cached !== undefined) {
    parsedBlocks.delete(text);
    parsedBlocks.set(text, cached);
    return cached;
  }
  const element = Markdown({
    remarkPlugins,
    rehypePlugins,
    components,
    urlTransform: markdownUrlTransform,
    allowElement,
    children: text,
  });
  parsedBlocks.set(text, element);
  const oldest = parsedBlocks.keys().next();
  if (parsedBlocks.size > parsedBlocksKept && !oldest.done) parsedBlocks.delete(oldest.value);
  return element;
}

/**
 * One block of a message through the safe pipeline. Memoised, so while an answer streams only the
 * block that changed (the last one) is parsed again; the blocks above keep their output. A finished
 * block is parsed once for the page (`settled`); the block being written is not kept, since each of its
 * versions shows for a frame only.
 */
export const MarkdownBlock = memo(function MarkdownBlock({
  text,
  settled = true,
}: {
  text: string;
  settled?: boolean;
}) {
  // A paragraph of plain words, however long, is not parsed at all (plain-paragraph.ts).
  const plain = plainParagraph(text);
  if (plain !== undefined) return <p>{textRuns(plain)}</p>;
  if (settled) return parsedBlock(text);
  return (
    <Markdown
      remarkPlugins={remarkPlugins}
      rehypePlugins={rehypePlugins}
      components={components}
      urlTransform={markdownUrlTransform}
      allowElement={allowElement}
    >
      {text}
    </Markdown>
  );
});
