import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BranchMessage, BranchReader } from './branch-reader.ts';
import { versionsOf } from './branch-versions.ts';
import { ConversationTree } from './conversation-tree.ts';
import { newestLeafUnder, shownBranch } from './shown-branch.ts';
import { MemoryBranchSource } from './test/memory-branch-source.ts';
import { linearChat, messageSetArb } from './test/message-sets.ts';

const chatId = 'chat';
const ids = (messages: readonly { id: string }[]) => messages.map((message) => message.id);

/**
 * A chat's messages (some naming messages of another chat, which must count as missing) with the
 * other chat's, a shownLeafId, a page size and how many newest messages the reader reads ahead.
 */
const caseArb = messageSetArb
  .chain((set) =>
    fc.tuple(
      fc.constant(set),
      fc.array(fc.boolean(), { minLength: set.length, maxLength: set.length }),
      fc.oneof(fc.constantFrom(undefined, null, 'gone'), ...set.map((m) => fc.constant(m.id))),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 0, max: 35 }),
    ),
  )
  .map(([set, elsewhere, shownLeafId, limit, prefetch]) => {
    // Every fourth message or so lives in another chat: parentIds naming it must not hold here.
    const messages: BranchMessage[] = set.map((message, at) => ({
      ...message,
      chatId: elsewhere[at] && at % 4 === 3 ? 'other' : chatId,
    }));
    return { messages, shownLeafId, limit, prefetch };
  });

describe('BranchReader', () => {
  it('reads the same tree as ConversationTree over the whole chat, a lookup at a time', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ messages, shownLeafId, limit, prefetch }) => {
        const tree = new ConversationTree(messages.filter((message) => message.chatId === chatId));
        const reader = new BranchReader(new MemoryBranchSource(messages, chatId), chatId);
        await reader.prefetch(prefetch);

        const branch = shownBranch(tree, shownLeafId);
        const page = await reader.shownPage(shownLeafId, limit);
        expect(ids(page.messages.map((entry) => entry.message))).toEqual(ids(branch.slice(-limit)));
        expect(page.hasEarlier).toBe(branch.length > limit);
        for (const entry of page.messages) {
          expect(entry.parent?.id).toBe(tree.parentOf(entry.message.id)?.id);
          expect(entry.versions).toEqual(versionsOf(tree, entry.message.id));
        }

        expect(ids(await reader.childrenOf(undefined))).toEqual(ids(tree.childrenOf(null)));
        for (const message of tree.ordered) {
          expect((await reader.parentOf(message))?.id).toBe(tree.parentOf(message.id)?.id);
          expect(ids(await reader.childrenOf(message))).toEqual(ids(tree.childrenOf(message.id)));
          expect((await reader.newestUnder(message)).id).toBe(newestLeafUnder(tree, message.id)?.id);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('opens a long chat by reading about a page, not the whole chat, with or without parentIds', async () => {
    const legacy = linearChat(5_000).map((message) => ({ ...message, chatId }));
    // The same chat as this version writes it, with a second version of some answers.
    const branched: BranchMessage[] = legacy.map((message, at) => ({
      ...message,
      parentId: at === 0 ? null : (legacy[at - 1]?.id ?? null),
    }));
    for (const at of [4_990, 4_995]) {
      const original = branched[at];
      if (original) branched.push({ ...original, id: `${original.id}-again`, createdAt: 60_000 + at });
    }
    for (const messages of [legacy, branched]) {
      const source = new MemoryBranchSource(messages, chatId);
      const reader = new BranchReader(source, chatId);
      await reader.prefetch(80);
      const page = await reader.shownPage(undefined, 40);
      expect(page.messages).toHaveLength(40);
      expect(page.hasEarlier).toBe(true);
      expect(source.readWhole).toBe(false);
      expect(source.read).toBeLessThan(200);
    }
  });
});
