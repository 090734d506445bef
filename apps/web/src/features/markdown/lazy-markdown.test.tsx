import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LazyMarkdown } from './lazy-markdown.tsx';
import lazySource from './lazy-markdown.tsx?raw';

describe('LazyMarkdown', () => {
  it('shows the raw text as pre-wrapped plain text while the renderer loads', () => {
    const html = renderToStaticMarkup(<LazyMarkdown text={'**not bold yet**\n<b>x</b>\n\n  indented'} />);
    expect(html).toBe(
      '<div style="white-space:pre-wrap;overflow-wrap:anywhere">**not bold yet**\n&lt;b&gt;x&lt;/b&gt;\n\n  indented</div>',
    );
  });

  it('loads react-markdown, the highlighter and KaTeX only through the dynamic import', () => {
    // The app imports this module alone; a static import of the renderer here would put
    // react-markdown, lowlight and KaTeX into the first page's JavaScript.
    const staticImports = [...lazySource.matchAll(/^\s*import\s[^;]*?from\s+'([^']+)'/gm)].map((match) => match[1]);
    expect(staticImports).toEqual(['react']);
    expect(lazySource).toContain("import('./markdown-view.tsx')");
  });
});
