import type { ExtraProps } from 'react-markdown';

// The hast node react-markdown hands to components; typed through react-markdown so this folder
// needs no direct dependency on @types/hast.
type HastElement = NonNullable<ExtraProps['node']>;
type HastChild = HastElement['children'][number];

/** The `<code>` element inside a `<pre>`, if there is one. */
export function codeChildOf(pre: HastElement): HastElement | undefined {
  for (const child of pre.children) {
    if (child.type === 'element' && child.tagName === 'code') return child;
  }
  return undefined;
}

/** The language named by a code element's `language-*` class, as written in the fence. */
export function languageOf(code: HastElement): string | undefined {
  const classes = code.properties.className;
  if (!Array.isArray(classes)) return undefined;
  for (const name of classes) {
    const value = String(name);
    if (value.startsWith('language-') && value.length > 'language-'.length) return value.slice('language-'.length);
  }
  return undefined;
}

function textOf(node: HastElement | HastChild): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

/** A code element's text as the model wrote it: no highlighter spans, no newline markdown adds. */
export function codeTextOf(code: HastElement): string {
  return textOf(code).replace(/\n$/, '');
}
