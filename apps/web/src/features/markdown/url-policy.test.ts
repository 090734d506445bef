import { describe, expect, it } from 'vitest';
import { imageUrlDecision, markdownUrlTransform, safeLinkHref } from './url-policy.ts';

describe('safeLinkHref', () => {
  it.each([
    ['https://example.com/a?b=c#d', 'https://example.com/a?b=c#d'],
    ['HTTP://Example.COM', 'http://example.com/'],
    ['mailto:someone@example.com', 'mailto:someone@example.com'],
  ])('keeps %s as %s', (raw, href) => {
    expect(safeLinkHref(raw)).toBe(href);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'jav\tascript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'blob:https://example.com/uuid',
    'file:///etc/passwd',
    'ftp://example.com/',
    'tel:+123',
    '/settings',
    '#top',
    '//evil.example/path',
    '',
  ])('refuses %j', (raw) => {
    expect(safeLinkHref(raw)).toBeUndefined();
  });
});

describe('imageUrlDecision', () => {
  it('allows http(s) images and names their host', () => {
    expect(imageUrlDecision('https://cdn.example.com/p.png')).toEqual({
      kind: 'remote',
      src: 'https://cdn.example.com/p.png',
      host: 'cdn.example.com',
    });
    expect(imageUrlDecision('http://user:secret@example.com:8080/a.gif')).toMatchObject({
      kind: 'remote',
      host: 'example.com:8080',
    });
  });

  it('shows an internationalised host in its punycode form, so a look-alike cannot pose as another', () => {
    expect(imageUrlDecision('https://exаmple.com/p.png')).toMatchObject({ host: 'xn--exmple-4nf.com' });
  });

  it.each([
    'data:image/png;base64,AAAA',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'javascript:alert(1)',
    'blob:https://example.com/uuid',
    'file:///tmp/x.png',
    '/local.png',
    'x',
  ])('blocks %j', (raw) => {
    expect(imageUrlDecision(raw)).toEqual({ kind: 'blocked' });
  });
});

describe('markdownUrlTransform', () => {
  it('passes only safe hrefs and srcs and drops every other URL attribute', () => {
    expect(markdownUrlTransform('https://example.com', 'href')).toBe('https://example.com/');
    expect(markdownUrlTransform('javascript:alert(1)', 'href')).toBeUndefined();
    expect(markdownUrlTransform('mailto:a@example.com', 'src')).toBeUndefined();
    expect(markdownUrlTransform('https://example.com/p.png', 'src')).toBe('https://example.com/p.png');
    expect(markdownUrlTransform('https://example.com/', 'cite')).toBeUndefined();
  });
});
