import 'katex/dist/katex.min.css';
import './markdown.css';
import { Fragment, memo, useDeferredValue, useMemo } from 'react';
import { MarkdownBlock } from './markdown-block.tsx';
import { splitMarkdownBlocks } from './split-blocks.ts';

// Texts longer than this mount as plain text first and are then rendered in the background, one
// block at a time, so opening or scrolling to a huge answer never blocks the page for long.
const renderInBackgroundAbove = 4000;
const plainTextStyle = { whiteSpace: 'pre-wrap' } as const;

/** Renders a chat message's markdown safely: GFM, highlighted code and math, nothing executable. */
function MarkdownView({ text, streaming = false }: { text: string; streaming?: boolean }) {
  // Deferred, so an urgent update (a keystroke in the composer while an answer streams) is not held
  // up by parsing, and React renders the newest text when it has time. A long text starts as null:
  // React then renders it in an interruptible pass that yields between blocks.
  const deferredText = useDeferredValue<string | null>(text, text.length > renderInBackgroundAbove ? null : text);
  const blocks = useMemo(() => (deferredText === null ? [] : splitMarkdownBlocks(deferredText)), [deferredText]);
  if (deferredText === null) {
    return (
      <div className="md-root" style={plainTextStyle}>
        {text}
      </div>
    );
  }
  return (
    <div className="md-root">
      {blocks.map((block, index) => (
        // While an answer streams only the last block changes, so the index is a stable key. The
        // newline between blocks is the one react-markdown puts between top-level elements, so the
        // DOM is the same as from rendering the text in one piece.
        // biome-ignore lint/suspicious/noArrayIndexKey: position is the block's identity here
        <Fragment key={index}>
          {index > 0 && '\n'}
          <MarkdownBlock text={block} settled={!streaming || index < blocks.length - 1} />
        </Fragment>
      ))}
    </div>
  );
}

export default memo(MarkdownView);
