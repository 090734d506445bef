import katex from 'katex';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setActiveLocale } from '../../i18n/active-locale.ts';
import MarkdownView from './markdown-view.tsx';
import { tagsOf } from './test/html-tags.ts';

function render(text: string): string {
  return renderToStaticMarkup(<MarkdownView text={text} />);
}

function tagNamed(html: string, name: string) {
  return tagsOf(html).filter((tag) => tag.name === name);
}

describe('GitHub-flavoured markdown', () => {
  it('renders a table inside a horizontal scroller', () => {
    const html = render('| a | b |\n| - | - |\n| 1 | 2 |');
    expect(html).toMatch(/<div class="md-table-scroll"><table><thead><tr><th>a<\/th><th>b<\/th>/);
    expect(html).toContain('<td>1</td><td>2</td>');
  });

  it('renders strikethrough, autolinks and read-only named task checkboxes', () => {
    const html = render('~~old~~ see https://example.com/x\n\n- [ ] todo\n- [x] done');
    expect(html).toContain('<del>old</del>');
    expect(tagNamed(html, 'a')[0]?.attributes.get('href')).toBe('https://example.com/x');
    const boxes = tagNamed(html, 'input');
    expect(boxes).toHaveLength(2);
    for (const box of boxes) {
      expect(box.attributes.get('type')).toBe('checkbox');
      expect(box.attributes.has('disabled')).toBe(true);
      expect(box.attributes.get('aria-label')).toBe('Task');
    }
    expect(boxes.map((box) => box.attributes.has('checked'))).toEqual([false, true]);
  });

  it('keeps footnote numbers as text without in-page links', () => {
    const html = render('Claim[^1].\n\n[^1]: Source.');
    expect(html).toMatch(/<sup>1<\/sup>/);
    expect(html).toContain('Source.');
    expect(tagNamed(html, 'a')).toEqual([]);
  });
});

describe('code', () => {
  it('highlights a fenced block and gives it a header with the language and a copy button', () => {
    const html = render('```ts\nconst answer: number = 42;\n```');
    expect(html).toContain('<code class="hljs language-ts">');
    expect(html).toContain('<span class="hljs-keyword">const</span>');
    expect(html).toContain('<span class="md-code-lang">ts</span>');
    const [button] = tagNamed(html, 'button');
    expect(button?.attributes.get('type')).toBe('button');
    expect(html).toMatch(/<button[^>]*>Copy code<\/button>/);
    expect(html).toMatch(/<span class="md-code-status" aria-live="polite"><\/span>/);
  });

  it('labels a block without a language as text and does not guess one', () => {
    const html = render('```\nplain words\n```');
    expect(html).toContain('<span class="md-code-lang">text</span>');
    expect(html).not.toContain('hljs');
    expect(html).toMatch(/<button[^>]*>Copy code<\/button>/);
  });

  it('does not fail on a language the highlighter does not know', () => {
    const html = render('```klingon\nqapla\n```');
    expect(html).toContain('<span class="md-code-lang">klingon</span>');
    expect(html).toContain('qapla');
  });

  it('keeps inline code inline', () => {
    const html = render('Use `npm test` here.');
    expect(html).toBe('<div class="md-root"><p>Use <code>npm test</code> here.</p></div>');
  });
});

describe('math', () => {
  it('renders inline math with KaTeX, with MathML for screen readers', () => {
    const html = render('Area: $x^2$.');
    expect(html).toContain('<span class="katex">');
    expect(html).toContain('<msup><mi>x</mi><mn>2</mn></msup>');
    expect(html).toContain('<annotation encoding="application/x-tex">x^2</annotation>');
  });

  it('renders $$ blocks and ```math blocks as display math', () => {
    for (const text of ['$$\n\\frac{1}{2}\n$$', '```math\n\\frac{1}{2}\n```']) {
      const html = render(text);
      expect(html).toContain('<span class="katex-display">');
      expect(html).toContain('<mfrac><mn>1</mn><mn>2</mn></mfrac>');
      expect(html).not.toContain('md-code');
    }
  });

  it('shows bad TeX as an error span and renders the rest of the message', () => {
    const html = render('Before $\\frac{$ after\n\n**still here**');
    expect(html).toMatch(/<span class="katex-error" title="ParseError: [^"]*"/);
    expect(html).toContain('<strong>still here</strong>');
  });

  it('renders with the same KaTeX version as the one whose stylesheet it imports', () => {
    // rehype-katex renders with the katex it depends on; markdown-view.tsx imports the stylesheet of
    // the app's own katex. KaTeX renamed its layout classes between versions (base -> katex-base,
    // sizing -> katex-sizing), and with a mismatched sheet fractions and superscripts collapse.
    const tex = 'x^2 + \\sqrt{y} + \\frac{1}{2}';
    const classesOf = (html: string) =>
      new Set(tagsOf(html).flatMap((tag) => (tag.attributes.get('class') ?? '').split(/\s+/).filter(Boolean)));
    const rendered = classesOf(render(`$${tex}$`));
    rendered.delete('md-root');
    const fromStylesheetVersion = classesOf(katex.renderToString(tex));
    expect(rendered).toContain('katex');
    const versions = `markup from rehype-katex's katex vs katex ${katex.version}, whose stylesheet is imported`;
    expect([...rendered].filter((name) => !fromStylesheetVersion.has(name)).join(' '), versions).toBe('');
    expect([...fromStylesheetVersion].filter((name) => !rendered.has(name)).join(' '), versions).toBe('');
  });
});

describe('links', () => {
  it('opens web links in a new tab without referrer or opener', () => {
    const [link] = tagNamed(render('[docs](https://example.com/docs)'), 'a');
    expect(link?.attributes.get('href')).toBe('https://example.com/docs');
    expect(link?.attributes.get('target')).toBe('_blank');
    expect(link?.attributes.get('rel')?.split(' ')).toEqual(
      expect.arrayContaining(['noopener', 'noreferrer', 'nofollow']),
    );
    expect(link?.attributes.get('referrerpolicy')).toBe('no-referrer');
  });

  it('keeps mailto links live without opening a tab', () => {
    const [link] = tagNamed(render('[mail](mailto:someone@example.com)'), 'a');
    expect(link?.attributes.get('href')).toBe('mailto:someone@example.com');
    expect(link?.attributes.has('target')).toBe(false);
  });

  it('renders relative links as inert text so they cannot navigate the app', () => {
    const html = render('[settings](/settings)');
    expect(tagNamed(html, 'a')).toEqual([]);
    expect(html).toContain('<span class="md-link-blocked"');
    expect(html).toContain('>settings</span>');
  });
});

describe('images', () => {
  it('offers a named button for a remote image and loads nothing', () => {
    const html = render('![t](https://example.com/p.png)');
    expect(tagNamed(html, 'img')).toEqual([]);
    const [button] = tagNamed(html, 'button');
    expect(button?.attributes.get('type')).toBe('button');
    expect(html).toContain('>Load image &quot;t&quot; from example.com</button>');
  });

  it('names the host even when the image has no alt text', () => {
    expect(render('![](http://cdn.example.org:8080/a.gif)')).toContain(
      '>Load image from cdn.example.org:8080</button>',
    );
  });

  it('shows only the alt text for images that are not http(s)', () => {
    for (const src of [
      'data:image/png;base64,AAAA',
      'blob:https://example.com/1',
      'javascript:alert(1)',
      '/local.png',
    ]) {
      const html = render(`![alt words](${src})`);
      expect(tagNamed(html, 'img')).toEqual([]);
      expect(tagNamed(html, 'button')).toEqual([]);
      expect(html).toContain('>alt words</span>');
    }
  });
});

describe('localization', () => {
  afterEach(() => {
    setActiveLocale('en');
    vi.unstubAllGlobals();
  });

  it('names the controls in Simplified Chinese', () => {
    // setActiveLocale sets <html lang>; the test runs in node, so give it a document to touch.
    vi.stubGlobal('document', { documentElement: { lang: 'en' } });
    setActiveLocale('zh-CN');
    const html = render('![猫](https://example.com/cat.png)\n\n```py\nx = 1\n```');
    expect(html).toContain('>从 example.com 加载图片“猫”</button>');
    expect(html).toMatch(/<button[^>]*>复制代码<\/button>/);
  });
});

describe('long messages', () => {
  it('mount as plain text first, then render in the background', () => {
    // On the server (and a client's first pass) a long text shows as pre-wrapped plain text; React
    // renders the markdown in a later, interruptible pass.
    const text = `**bold** start\n\n${'word '.repeat(1000)}`;
    const html = render(text);
    expect(html).toMatch(/^<div class="md-root" style="white-space:pre-wrap">\*\*bold\*\* start/);
    expect(html).not.toContain('<strong>');
  });

  it('render short messages at once', () => {
    expect(render('**bold**')).toContain('<strong>bold</strong>');
  });
});
