import type { ComponentProps } from 'react';
import type { ExtraProps } from 'react-markdown';
import { useStrings } from '../../i18n/use-strings.ts';
import { codeChildOf, codeTextOf, languageOf } from './hast-code.ts';
import { markdownStrings } from './markdown-strings.ts';
import { useCopyToClipboard } from './use-copy-to-clipboard.ts';

type PreProps = ComponentProps<'pre'> & ExtraProps;

/** A fenced code block: a header naming the language, a copy button, then the highlighted code. */
export function CodeBlock({ node, children }: PreProps) {
  const strings = useStrings(markdownStrings);
  const { status, copy } = useCopyToClipboard();
  const code = node ? codeChildOf(node) : undefined;
  if (!code) return <pre>{children}</pre>;
  const language = languageOf(code);

  return (
    <div className="md-code">
      <div className="md-code-header">
        <span className="md-code-lang">{language ?? strings.plainText}</span>
        <span className="md-code-status" aria-live="polite">
          {status === 'copied' ? strings.copied : status === 'failed' ? strings.copyFailed : ''}
        </span>
        {/* The text is collected on click, not on every streamed render. */}
        <button type="button" className="md-code-copy" onClick={() => copy(codeTextOf(code))}>
          {strings.copyCode}
        </button>
      </div>
      <pre>{children}</pre>
    </div>
  );
}
