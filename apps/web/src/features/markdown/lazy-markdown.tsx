import { Component, lazy, memo, type ReactNode, Suspense } from 'react';

// The only module the app imports: react-markdown, the highlighter and KaTeX live in the chunk
// behind this dynamic import and stay out of the first page's JavaScript.
const loadMarkdownView = () => import('./markdown-view.tsx');
const MarkdownView = lazy(loadMarkdownView);

const plainTextStyle = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

function PlainText({ text }: { text: string }) {
  return <div style={plainTextStyle}>{text}</div>;
}

/** Starts fetching the markdown chunk early (say, when the browser is idle) without rendering. */
export function preloadMarkdown(): void {
  loadMarkdownView().catch(() => {
    // Nothing to do: if the chunk cannot load, messages render as plain text (below).
  });
}

// If the chunk cannot load (offline after a deploy removed it, say) or rendering throws on some
// input, the message stays readable as plain text instead of taking the chat down with it.
class PlainTextOnError extends Component<{ text: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? <PlainText text={this.props.text} /> : this.props.children;
  }
}

/**
 * A message's markdown, readable as plain text at once while the renderer loads. `streaming`: the text
 * is still being written, so its last block is not kept for reuse.
 */
export const LazyMarkdown = memo(function LazyMarkdown({
  text,
  streaming = false,
}: {
  text: string;
  streaming?: boolean;
}) {
  return (
    <PlainTextOnError text={text}>
      <Suspense fallback={<PlainText text={text} />}>
        <MarkdownView text={text} streaming={streaming} />
      </Suspense>
    </PlainTextOnError>
  );
});
