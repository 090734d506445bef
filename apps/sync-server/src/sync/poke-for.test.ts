import { describe, expect, it } from 'vitest';
import { coalescePokes, pokeFor, pokeLimits } from './poke-for.ts';
import type { AppliedPush } from './store/sync-store.ts';
import { chatChange, messageChange } from './test/records.ts';

function applied(options: { before: number; records: AppliedPush['taken'] }): AppliedPush {
  const after = options.before + options.records.length;
  return {
    lastMutationId: 1,
    superseded: [],
    sequence: { before: options.before, after },
    cursor: after,
    applied: options.records.length,
    taken: options.records,
  };
}

describe('pokeFor', () => {
  it('carries a small push’s changes, starting where the push began', () => {
    const records = [chatChange(), messageChange()];
    expect(pokeFor(applied({ before: 4, records }))).toEqual({ cursor: 6, changes: { from: 4, records } });
  });

  it('carries only the cursor when the changes are many or large', () => {
    const many = Array.from({ length: pokeLimits.records + 1 }, () => chatChange());
    expect(pokeFor(applied({ before: 0, records: many }))).toEqual({ cursor: many.length });
    const large = [messageChange({ content: 'x'.repeat(pokeLimits.bytes) })];
    expect(pokeFor(applied({ before: 0, records: large }))).toEqual({ cursor: 1 });
  });
});

describe('coalescePokes', () => {
  const a = chatChange();
  const b = chatChange();
  const first = { cursor: 5, changes: { from: 4, records: [a] } };
  const second = { cursor: 6, changes: { from: 5, records: [b] } };

  it('joins changes that follow each other, in either order of arrival', () => {
    const joined = { cursor: 6, changes: { from: 4, records: [a, b] } };
    expect(coalescePokes(first, second)).toEqual(joined);
    expect(coalescePokes(second, first)).toEqual(joined);
  });

  it('keeps only the later cursor when there is a gap, a cursor-only poke or too much to carry', () => {
    expect(coalescePokes(first, { cursor: 9, changes: { from: 7, records: [b] } })).toEqual({ cursor: 9 });
    expect(coalescePokes(first, { cursor: 6 })).toEqual({ cursor: 6 });
    const full = { cursor: 5 + pokeLimits.records, changes: { from: 5, records: Array(pokeLimits.records).fill(b) } };
    expect(coalescePokes(first, full)).toEqual({ cursor: 5 + pokeLimits.records });
  });
});
