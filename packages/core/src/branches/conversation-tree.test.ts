import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConversationTree } from './conversation-tree.ts';
import { compareMessages } from './message-order.ts';
import { linearChat, messageSetArb, type TestMessage } from './test/message-sets.ts';

const ids = (messages: readonly { id: string }[]) => messages.map((message) => message.id);

/** The first message above `id`, walking up: every walk must end within as many steps as there are messages. */
function pathToRoot(tree: ConversationTree<TestMessage>, id: string): string[] | 'cycle' {
  const path: string[] = [];
  for (let at = tree.get(id); at !== undefined; at = tree.parentOf(at.id)) {
    path.push(at.id);
    if (path.length > tree.ordered.length) return 'cycle';
  }
  return path;
}

describe('ConversationTree', () => {
  it('puts every message in the tree exactly once, below a parent created before it, whatever the parentIds', () => {
    fc.assert(
      fc.property(messageSetArb, (messages) => {
        const tree = new ConversationTree(messages);
        // Every message sits in exactly one list of children: its parent's (or the first messages).
        const listed = [null, ...ids(messages)].flatMap((id) => ids(tree.childrenOf(id)));
        expect(listed.sort()).toEqual(ids(messages).sort());
        for (const message of messages) {
          const parent = tree.parentOf(message.id);
          expect(ids(tree.childrenOf(parent?.id ?? null))).toContain(message.id);
          if (parent !== undefined) expect(compareMessages(parent, message)).toBeLessThan(0);
          // Walking up always ends at a first message: no cycle, however the parentIds point.
          const path = pathToRoot(tree, message.id);
          expect(path).not.toBe('cycle');
          expect(tree.parentOf((path as string[]).at(-1) ?? '')).toBeUndefined();
        }
      }),
      { numRuns: 500 },
    );
  });

  it('follows parentId when it names an earlier message of the chat, else takes the message just before', () => {
    fc.assert(
      fc.property(messageSetArb, (messages) => {
        const tree = new ConversationTree(messages);
        const ordered = [...messages].sort(compareMessages);
        ordered.forEach((message, at) => {
          const named = ordered.findIndex((other) => other.id === message.parentId);
          const expected =
            message.parentId === null ? undefined : named >= 0 && named < at ? ordered[named] : ordered[at - 1];
          expect(tree.parentOf(message.id)?.id).toBe(expected?.id);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('is the same tree whatever order the messages come in', () => {
    fc.assert(
      fc.property(
        messageSetArb.chain((messages) =>
          fc.tuple(fc.constant(messages), fc.shuffledSubarray(messages, { minLength: messages.length })),
        ),
        ([messages, shuffled]) => {
          const a = new ConversationTree(messages);
          const b = new ConversationTree(shuffled);
          expect(ids(b.ordered)).toEqual(ids(a.ordered));
          for (const message of messages) expect(b.parentOf(message.id)?.id).toBe(a.parentOf(message.id)?.id);
        },
      ),
    );
  });

  it('orders children by creation time, then id', () => {
    const tree = new ConversationTree<TestMessage>([
      { id: 'q', createdAt: 1, parentId: null },
      { id: 'b', createdAt: 5, parentId: 'q' },
      { id: 'c', createdAt: 3, parentId: 'q' },
      { id: 'a', createdAt: 5, parentId: 'q' },
    ]);
    expect(ids(tree.childrenOf('q'))).toEqual(['c', 'a', 'b']);
  });

  it('reads a chat written before branches (no parentIds) as one line in the old order', () => {
    const chat = linearChat(6);
    const tree = new ConversationTree([...chat].reverse());
    expect(ids(tree.childrenOf(null))).toEqual(['m000']);
    chat.slice(1).forEach((message, at) => {
      expect(tree.parentOf(message.id)?.id).toBe(chat[at]?.id);
    });
  });

  it('hangs a message whose parent is gone or later below the message just before it', () => {
    const tree = new ConversationTree<TestMessage>([
      { id: 'q1', createdAt: 1, parentId: null },
      { id: 'a1', createdAt: 2, parentId: 'q1' },
      { id: 'a2', createdAt: 3, parentId: 'q1' },
      { id: 'late', createdAt: 4, parentId: 'deleted' },
      { id: 'loop', createdAt: 5, parentId: 'after' },
      { id: 'after', createdAt: 6, parentId: 'loop' },
    ]);
    expect(tree.parentOf('late')?.id).toBe('a2');
    expect(tree.parentOf('loop')?.id).toBe('late');
    expect(tree.parentOf('after')?.id).toBe('loop');
  });
});
