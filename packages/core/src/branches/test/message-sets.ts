import fc from 'fast-check';
import type { TreeMessage } from '../conversation-tree.ts';

/** A message for tree tests: only what the tree reads. */
export interface TestMessage extends TreeMessage {
  readonly parentId?: string | null;
}

/** How a generated message names its parent. */
type ParentChoice = { kind: 'absent' } | { kind: 'null' } | { kind: 'missing' } | { kind: 'index'; index: number };

const parentChoice: fc.Arbitrary<ParentChoice> = fc.oneof(
  fc.constant({ kind: 'absent' as const }),
  fc.constant({ kind: 'null' as const }),
  fc.constant({ kind: 'missing' as const }),
  // Any message of the set: earlier ones, itself and later ones (which would make cycles if trusted).
  fc.nat({ max: 40 }).map((index) => ({ kind: 'index' as const, index })),
);

/**
 * Sets of messages as devices and app versions could leave them: creation times that often tie, and
 * parents absent (older apps), null (first messages), gone (deleted, not synced yet), earlier, the
 * message itself, or later.
 */
export const messageSetArb: fc.Arbitrary<TestMessage[]> = fc
  .uniqueArray(fc.nat({ max: 999 }), { maxLength: 30 })
  .chain((keys) =>
    fc.tuple(
      fc.constant(keys.map((key) => `m${String(key).padStart(3, '0')}`)),
      fc.array(fc.nat({ max: 6 }), { minLength: keys.length, maxLength: keys.length }),
      fc.array(parentChoice, { minLength: keys.length, maxLength: keys.length }),
    ),
  )
  .map(([ids, times, parents]) =>
    ids.map((id, at): TestMessage => {
      const choice = parents[at] ?? { kind: 'absent' };
      const base = { id, createdAt: times[at] ?? 0 };
      if (choice.kind === 'absent') return base;
      if (choice.kind === 'null') return { ...base, parentId: null };
      if (choice.kind === 'missing') return { ...base, parentId: 'gone' };
      return { ...base, parentId: ids[choice.index % ids.length] ?? null };
    }),
  );

/** A linear chat as an app before branches wrote it: no parentIds, in order. */
export function linearChat(count: number): TestMessage[] {
  return Array.from({ length: count }, (_, at) => ({ id: `m${String(at).padStart(3, '0')}`, createdAt: 10 * at }));
}
