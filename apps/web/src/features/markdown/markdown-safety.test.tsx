import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import MarkdownView from './markdown-view.tsx';
import { type Tag, tagsOf } from './test/html-tags.ts';

// QUALITY line 18: model output with <script>, javascript: links, SVG with handlers, raw HTML and
// remote images. Nothing may execute and nothing remote may load by itself.
const hostile: Record<string, string> = {
  script: '<script>alert(1)</script>',
  'img onerror': '<img src=x onerror=alert(1)>',
  'svg onload': '<svg onload=alert(1)><circle r=10 /></svg>',
  iframe: '<iframe src="https://evil.example/"></iframe>',
  'raw anchor': '<a href="javascript:alert(1)">raw link</a>',
  'div onclick': 'text <div onclick="alert(1)">click</div>',
  style: '<style>body{display:none}</style>',
  'object and embed': '<object data="x.swf"></object><embed src="x.swf">',
  form: '<form action="https://evil.example"><input name=q><button formaction="javascript:alert(1)">go</button></form>',
  'mutation xss': '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  'inline raw html': 'hello <img src=x onerror=alert(1)> world <b onmouseover=alert(1)>bold</b>',
  'javascript link': '[a](javascript:alert(1))',
  'data link': '[b](data:text/html,<script>alert(1)</script>)',
  'upper-case scheme': '[c](JAVASCRIPT:alert(1))',
  'mixed case and spaces': '[d](  JaVaScRiPt:alert(1)  )',
  'entity tab': '[e](jav&#x09;ascript:alert(1))',
  'entity letter': '[f](&#106;avascript:alert(1))',
  'entity colon': '[g](javascript&colon;alert(1))',
  'percent newline': '[h](java%0ascript:alert(1))',
  vbscript: '[i](vbscript:msgbox(1))',
  'angle destination': '[j](<javascript:alert(1)>)',
  autolink: '<javascript:alert(1)>',
  'reference link': '[k][ref]\n\n[ref]: javascript:alert(1)',
  'link with markup': '[**bold** `code`](javascript:alert(1))',
  'relative link': '[settings](/settings) [up](../x) [frag](#top)',
  'javascript image': '![x](javascript:alert(1))',
  'svg data image': '![y](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  'tracking pixel': '![z](https://tracker.example/pixel.gif)',
  'katex href': '$\\href{javascript:alert(1)}{x}$',
  'katex url': '$\\url{javascript:alert(1)}$',
  'katex htmlData': '$\\htmlData{onload=alert(1)}{x}$',
  'katex htmlStyle': '$\\htmlStyle{background:url(https://tracker.example/p)}{x}$',
  'katex includegraphics': '$\\includegraphics{https://tracker.example/p.png}$',
  'code fence info': '```"><img src=x onerror=alert(1)>\ncode\n```',
  'autolink literal': 'www.example.com/<script>alert(1)</script>',
};

const allowedTags = new Set([
  // markdown and this feature's components
  ...['div', 'span', 'p', 'a', 'button', 'input', 'pre', 'code', 'em', 'strong', 'del', 'br', 'hr', 'sup'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'section'],
  ...['table', 'thead', 'tbody', 'tr', 'th', 'td'],
  // KaTeX: HTML, its SVG glyphs and the MathML for screen readers
  ...['svg', 'path', 'line', 'math', 'semantics', 'annotation', 'mrow', 'mi', 'mn', 'mo', 'mtext'],
  ...['msup', 'msub', 'msubsup', 'mfrac', 'msqrt', 'mroot', 'mspace', 'mstyle', 'mpadded', 'mover', 'munder'],
]);

const urlAttributes = ['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'poster', 'background'];

/** Fails unless the markup is inert: known elements only, no handlers, no live dangerous URL. */
function expectInert(tags: Tag[]): void {
  for (const tag of tags) {
    expect(allowedTags, `element <${tag.name}>`).toContain(tag.name);
    for (const [name, value] of tag.attributes) {
      expect(name, `attribute on <${tag.name}>`).not.toMatch(/^on/i);
      if (urlAttributes.includes(name)) {
        // What the browser would see: control characters and whitespace stripped, any case.
        const seen = [...value]
          .filter((char) => (char.codePointAt(0) ?? 0) > 0x20)
          .join('')
          .toLowerCase();
        expect(seen, `${name} on <${tag.name}>`).not.toMatch(/^(javascript|data|vbscript|blob|file):/);
        expect(seen, `${name} on <${tag.name}>`).toMatch(name === 'href' ? /^(https?:|mailto:)/ : /^https?:/);
      }
      if (name === 'style') expect(value, `style on <${tag.name}>`).not.toMatch(/url\(|expression|javascript/i);
    }
  }
}

function render(text: string): string {
  return renderToStaticMarkup(<MarkdownView text={text} />);
}

describe('hostile model output', () => {
  it.each(Object.entries(hostile))('%s renders inert', (_, text) => {
    const tags = tagsOf(render(text));
    expectInert(tags);
    // Nothing loads by itself: no element in the output fetches anything.
    expect(tags.filter((tag) => ['img', 'iframe', 'script', 'object', 'embed'].includes(tag.name))).toEqual([]);
  });

  it('checks all of them together, in one message', () => {
    const html = render(Object.values(hostile).join('\n\n'));
    expectInert(tagsOf(html));
    expect(html).not.toMatch(/<(script|iframe|img|object|embed|style|form)[\s>/]/i);
  });

  it('shows raw HTML as text instead of dropping or running it', () => {
    const html = render('<script>alert(1)</script>\n\nafter <b onmouseover=alert(1)>bold</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b onmouseover=alert(1)&gt;bold&lt;/b&gt;');
    expect(tagsOf(html).map((tag) => tag.name)).not.toContain('b');
  });

  it('keeps the text of a blocked link but gives it no href', () => {
    for (const text of ['[click me](javascript:alert(1))', '[click me](jav&#x09;ascript:alert(1))']) {
      const tags = tagsOf(render(text));
      expect(tags.some((tag) => tag.attributes.has('href'))).toBe(false);
      expect(render(text)).toContain('click me');
    }
  });

  it('renders KaTeX commands that would need trust as errors, not links or images', () => {
    const html = render('$\\href{https://example.com}{x}$ $\\includegraphics{https://example.com/p.png}$');
    expect(html).toContain('katex');
    expect(tagsOf(html).filter((tag) => tag.name === 'a' || tag.name === 'img')).toEqual([]);
  });
});
