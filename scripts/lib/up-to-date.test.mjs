import { describe, expect, it } from 'vitest';
import { changedKeys, decideUpToDate, staleReasons } from './up-to-date.mjs';

const inputs = { 'apps/web/src/main.tsx': 'aaa', 'pnpm-lock.yaml': 'bbb', 'setting:HEARTH_BUILD_LABEL': '' };
const output = { 'apps/web/dist/index.html': 'ccc' };
const stamp = { version: 1, inputs, output };

describe('decideUpToDate', () => {
  it('skips a step whose inputs and result are exactly as recorded', () => {
    expect(decideUpToDate({ stamp, inputs: { ...inputs }, output: { ...output } })).toEqual({
      upToDate: true,
      reason: 'up-to-date',
      changed: [],
    });
  });

  it('runs a step never recorded, even when a result is there (built by something else)', () => {
    expect(decideUpToDate({ stamp: undefined, inputs, output })).toMatchObject({
      upToDate: false,
      reason: 'never-done',
    });
  });

  it('runs a step whose result is missing, whatever the stamp says', () => {
    expect(decideUpToDate({ stamp, inputs, output: undefined })).toMatchObject({
      upToDate: false,
      reason: 'output-missing',
    });
  });

  it.each([
    ['an edited source', { ...inputs, 'apps/web/src/main.tsx': 'edited' }, ['apps/web/src/main.tsx']],
    ['a new file', { ...inputs, 'apps/web/src/new.ts': 'ddd' }, ['apps/web/src/new.ts']],
    ['a deleted file', { 'pnpm-lock.yaml': 'bbb', 'setting:HEARTH_BUILD_LABEL': '' }, ['apps/web/src/main.tsx']],
    ['a changed setting', { ...inputs, 'setting:HEARTH_BUILD_LABEL': 'two' }, ['setting:HEARTH_BUILD_LABEL']],
  ])('runs a step after %s, naming what changed', (_, now, changed) => {
    expect(decideUpToDate({ stamp, inputs: now, output })).toEqual({
      upToDate: false,
      reason: 'inputs-changed',
      changed,
    });
  });

  it('runs a step whose result was replaced or edited since it made it', () => {
    const rebuilt = { 'apps/web/dist/index.html': 'other' };
    expect(decideUpToDate({ stamp, inputs, output: rebuilt })).toMatchObject({
      upToDate: false,
      reason: 'output-changed',
    });
    expect(decideUpToDate({ stamp, inputs, output: { ...output, 'apps/web/dist/extra.js': 'e' } })).toMatchObject({
      reason: 'output-changed',
    });
  });

  it('answers only with reasons of its closed set', () => {
    const answers = [
      decideUpToDate({ stamp, inputs, output }),
      decideUpToDate({ stamp: undefined, inputs, output }),
      decideUpToDate({ stamp, inputs, output: undefined }),
      decideUpToDate({ stamp, inputs: {}, output }),
      decideUpToDate({ stamp, inputs, output: {} }),
    ];
    expect(answers.map((answer) => answer.reason).sort()).toEqual([...staleReasons].sort());
  });
});

describe('changedKeys', () => {
  it('lists added, removed and changed keys once each, sorted', () => {
    expect(changedKeys({ a: '1', b: '2', c: '3' }, { c: '3', b: 'x', d: '4' })).toEqual(['a', 'b', 'd']);
    expect(changedKeys({}, {})).toEqual([]);
  });
});
