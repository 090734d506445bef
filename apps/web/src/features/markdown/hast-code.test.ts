import { describe, expect, it } from 'vitest';
import { codeChildOf, codeTextOf, languageOf } from './hast-code.ts';

type HastElement = Parameters<typeof codeTextOf>[0];
type HastChild = HastElement['children'][number];

function element(tagName: string, className: string[], children: HastChild[]): HastElement {
  return { type: 'element', tagName, properties: { className }, children };
}

function text(value: string): HastChild {
  return { type: 'text', value };
}

// The shape rehype-highlight leaves behind for ```ts\nconst a = 1;\n\n  x();\n```.
const highlighted = element(
  'code',
  ['hljs', 'language-ts'],
  [
    element('span', ['hljs-keyword'], [text('const')]),
    text(' a = '),
    element('span', ['hljs-number'], [text('1')]),
    text(';\n\n  '),
    element('span', ['hljs-title', 'function_'], [text('x')]),
    text('();\n'),
  ],
);

describe('code helpers', () => {
  it('reads back the raw code, indentation and blank lines kept, without the final newline', () => {
    expect(codeTextOf(highlighted)).toBe('const a = 1;\n\n  x();');
  });

  it('keeps a trailing blank line the model wrote', () => {
    expect(codeTextOf(element('code', [], [text('a\n\n')]))).toBe('a\n');
  });

  it('names the language from the language-* class', () => {
    expect(languageOf(highlighted)).toBe('ts');
    expect(languageOf(element('code', ['hljs'], []))).toBeUndefined();
  });

  it('finds the code element inside a pre', () => {
    expect(codeChildOf(element('pre', [], [text('\n'), highlighted]))).toBe(highlighted);
    expect(codeChildOf(element('pre', [], [text('no code')]))).toBeUndefined();
  });
});
