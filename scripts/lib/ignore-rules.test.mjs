import { describe, expect, it } from 'vitest';
import { ignoreRules } from './ignore-rules.mjs';

describe('ignoreRules', () => {
  const isIgnored = ignoreRules(
    ['# build output', 'dist/', 'data/', '*.tsbuildinfo', '/coverage', 'apps/web/tmp-?', '', '.vitest/'].join('\n'),
  );

  it('ignores folders named by a trailing-slash rule at any depth, and only folders', () => {
    expect(isIgnored('apps/web/dist', true)).toBe(true);
    expect(isIgnored('dist', true)).toBe(true);
    expect(isIgnored('apps/web/src/dist', false)).toBe(false);
    expect(isIgnored('apps/web/src/distance.ts', false)).toBe(false);
  });

  it('matches globs against a name anywhere unless a slash anchors them to the root', () => {
    expect(isIgnored('apps/web/tsconfig.tsbuildinfo', false)).toBe(true);
    expect(isIgnored('coverage', true)).toBe(true);
    expect(isIgnored('apps/web/coverage', true)).toBe(false);
    expect(isIgnored('apps/web/tmp-1', true)).toBe(true);
    expect(isIgnored('apps/web/tmp-12', true)).toBe(false);
    expect(isIgnored('packages/core/apps/web/tmp-1', true)).toBe(false);
  });

  it('always ignores node_modules and .git, and never a file it does not name', () => {
    const none = ignoreRules('');
    expect(none('apps/web/node_modules', true)).toBe(true);
    expect(none('.git', false)).toBe(true);
    expect(none('apps/web/src/app.tsx', false)).toBe(false);
    expect(none('apps/web/.env', false)).toBe(false);
  });

  it('ignores nothing more than node_modules and .git when a negation is present (it cannot be followed)', () => {
    const negated = ignoreRules('dist/\n!dist/keep.js\n');
    expect(negated('apps/web/dist', true)).toBe(false);
    expect(negated('node_modules', true)).toBe(true);
  });
});
