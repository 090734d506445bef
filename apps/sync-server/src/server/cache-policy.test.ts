import { expect, it } from 'vitest';
import { cacheControlFor } from './cache-policy.ts';

it.each([
  ['assets/index-AbC123.js', 'public, max-age=31536000, immutable'],
  ['/assets/KaTeX_Main-Regular-B22Nviop.woff2', 'public, max-age=31536000, immutable'],
  ['index.html', 'no-cache'],
  ['sw.js', 'no-cache'],
  ['registerSW.js', 'no-cache'],
  ['workbox-5a6b7c8d.js', 'no-cache'],
  ['manifest.webmanifest', 'no-cache'],
  ['favicon.svg', 'no-cache'],
  ['nested/assets/x.js', 'no-cache'],
])('%s is served with %s', (path, expected) => {
  expect(cacheControlFor(path)).toBe(expected);
});
