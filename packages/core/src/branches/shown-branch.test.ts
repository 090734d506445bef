import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { versionsOf } from './branch-versions.ts';
import { ConversationTree } from './conversation-tree.ts';
import { compareMessages } from './message-order.ts';
import { branchTo, newestLeafUnder, shownBranch } from './shown-branch.ts';
import { subtreeOf } from './subtree.ts';
import { linearChat, messageSetArb, type TestMessage } from './test/message-sets.ts';

const ids = (messages: readonly { id: string }[]) => messages.map((message) => message.id);

/** A message set with one of its ids (or an id that is not there) as the chat's shownLeafId. */
const withShownLeaf = messageSetArb.chain((messages) =>
  fc.tuple(
    fc.constant(messages),
    fc.oneof(fc.constantFrom(undefined, null, 'gone'), ...messages.map((m) => fc.constant(m.id))),
  ),
);

/** Checks that `branch` runs from a first message down, child after parent, to a message with no children. */
function expectRootToLeaf(tree: ConversationTree<TestMessage>, branch: readonly TestMessage[]): void {
  for (const [at, message] of branch.entries()) expect(tree.parentOf(message.id)?.id).toBe(branch[at - 1]?.id);
  const leaf = branch.at(-1);
  if (leaf !== undefined) expect(tree.childrenOf(leaf.id)).toEqual([]);
}

describe('shownBranch', () => {
  it('is always a whole branch, from a first message to a leaf, and empty only for an empty chat', () => {
    fc.assert(
      fc.property(withShownLeaf, ([messages, shownLeafId]) => {
        const tree = new ConversationTree(messages);
        const branch = shownBranch(tree, shownLeafId);
        expect(branch.length === 0).toBe(messages.length === 0);
        expectRootToLeaf(tree, branch);
      }),
      { numRuns: 500 },
    );
  });

  it('shows down from the shown message to its newest descendant; missing or gone, down to the newest message', () => {
    fc.assert(
      fc.property(withShownLeaf, ([messages, shownLeafId]) => {
        const tree = new ConversationTree(messages);
        const leaf = shownBranch(tree, shownLeafId).at(-1);
        const from = tree.get(shownLeafId);
        if (from === undefined) {
          expect(leaf?.id).toBe(tree.newest?.id);
          return;
        }
        const below = subtreeOf(tree, from.id).sort(compareMessages);
        expect(leaf?.id).toBe(below.at(-1)?.id);
        expect(ids(shownBranch(tree, shownLeafId))).toContain(from.id);
      }),
      { numRuns: 500 },
    );
  });

  it('can reach every message: each one is on the branch shown when it is the shown message', () => {
    fc.assert(
      fc.property(messageSetArb, (messages) => {
        const tree = new ConversationTree(messages);
        for (const message of messages) {
          const branch = shownBranch(tree, message.id);
          expect(ids(branch)).toContain(message.id);
          // The part above it is the one path from a first message to it.
          expect(ids(branch.slice(0, branch.indexOf(message) + 1))).toEqual(ids(branchTo(tree, message.id)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('shows a chat written before branches whole, in its old order', () => {
    const chat = linearChat(7);
    expect(ids(shownBranch(new ConversationTree(chat), undefined))).toEqual(ids(chat));
    expect(ids(shownBranch(new ConversationTree(chat), 'm003'))).toEqual(ids(chat));
  });

  it('switching to a version shows that version down to its newest leaf, keeping what is above', () => {
    fc.assert(
      fc.property(withShownLeaf, ([messages, shownLeafId]) => {
        const tree = new ConversationTree(messages);
        const branch = shownBranch(tree, shownLeafId);
        branch.forEach((message, depth) => {
          const versions = versionsOf(tree, message.id);
          if (versions === undefined) throw new Error('on the branch, so in the tree');
          const siblings = tree.childrenOf(tree.parentOf(message.id)?.id ?? null);
          expect(siblings[versions.index - 1]?.id).toBe(message.id);
          expect(versions.count).toBe(siblings.length);
          for (const target of [versions.previousId, versions.nextId]) {
            if (target === null) continue;
            const switched = shownBranch(tree, newestLeafUnder(tree, target)?.id);
            expect(ids(switched.slice(0, depth))).toEqual(ids(branch.slice(0, depth)));
            expect(switched[depth]?.id).toBe(target);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('versionsOf', () => {
  it('numbers versions oldest first and names their neighbours', () => {
    const tree = new ConversationTree<TestMessage>([
      { id: 'q', createdAt: 1, parentId: null },
      { id: 'a1', createdAt: 2, parentId: 'q' },
      { id: 'a2', createdAt: 3, parentId: 'q' },
      { id: 'a3', createdAt: 4, parentId: 'q' },
    ]);
    expect(versionsOf(tree, 'a2')).toEqual({ index: 2, count: 3, previousId: 'a1', nextId: 'a3' });
    expect(versionsOf(tree, 'q')).toEqual({ index: 1, count: 1, previousId: null, nextId: null });
    expect(versionsOf(tree, 'gone')).toBeUndefined();
  });
});

describe('subtreeOf', () => {
  it('is the message and everything below it, in every branch, and nothing else', () => {
    fc.assert(
      fc.property(messageSetArb, (messages) => {
        const tree = new ConversationTree(messages);
        for (const message of messages) {
          const below = new Set(ids(subtreeOf(tree, message.id)));
          for (const other of messages) {
            expect(below.has(other.id)).toBe(ids(branchTo(tree, other.id)).includes(message.id));
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
