import { describe, expect, it } from 'vitest';
import { allowElement } from './element-policy.ts';

type HastElement = Parameters<typeof allowElement>[0];

function element(tagName: string, properties: HastElement['properties'] = {}): HastElement {
  return { type: 'element', tagName, properties, children: [] };
}

describe('allowElement', () => {
  it.each(['script', 'iframe', 'object', 'embed', 'style', 'form', 'foreignObject', 'animate', 'set', 'use'])(
    'drops <%s>',
    (tagName) => {
      expect(allowElement(element(tagName), 0, undefined)).toBe(false);
    },
  );

  it.each(['onClick', 'onerror', 'onLoad', 'ONMOUSEOVER'])('drops an element carrying %s', (name) => {
    expect(allowElement(element('span', { [name]: 'alert(1)' }), 0, undefined)).toBe(false);
  });

  it('keeps the elements markdown and KaTeX produce', () => {
    for (const tagName of ['p', 'a', 'code', 'span', 'svg', 'path', 'math', 'mrow', 'table']) {
      expect(allowElement(element(tagName, { className: ['x'], style: 'height:1em' }), 0, undefined)).toBe(true);
    }
  });
});
