import { ConversationTree, newestLeafUnder, shownBranch, versionsOf } from '@hearth/core';
import type { Chat, Message } from '@hearth/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testStorage } from '../../test/test-storage.ts';
import { shownBranchPage } from './branches-repository.ts';
import { chatReader } from './messages-repository.ts';

const chatId = '01900000-0000-7000-8000-00000000c4a7';
const otherChatId = '01900000-0000-7000-8000-0000000c4a70';

function messageId(key: number): string {
  return `01900000-0000-7000-8000-${String(key).padStart(12, '0')}`;
}

function message(input: { key: number; chatId: string; createdAt: number; parentId?: string | null }): Message {
  return {
    id: messageId(input.key),
    updatedAt: '001700000000000-000000-test',
    deleted: false,
    chatId: input.chatId,
    role: 'user',
    content: `m${input.key}`,
    reasoning: '',
    status: 'done',
    error: null,
    model: null,
    usage: null,
    createdAt: input.createdAt,
    feedback: null,
    ...(input.parentId === undefined ? {} : { parentId: input.parentId }),
    connection: null,
  };
}

/** Messages of a chat with tied times and every kind of parentId, some in another chat, some deleted. */
const storedArb = fc
  .uniqueArray(fc.nat({ max: 500 }), { maxLength: 24 })
  .chain((keys) =>
    fc.tuple(
      fc.constant(keys),
      fc.array(
        fc.record({
          createdAt: fc.nat({ max: 5 }),
          parent: fc.oneof(fc.constant('absent'), fc.constant('null'), fc.constant('gone'), fc.nat({ max: 30 })),
          where: fc.constantFrom('chat', 'chat', 'chat', 'other', 'deleted'),
        }),
        { minLength: keys.length, maxLength: keys.length },
      ),
    ),
  )
  .map(([keys, shapes]) =>
    keys.map((key, at) => {
      const shape = shapes[at] ?? { createdAt: 0, parent: 'absent', where: 'chat' };
      const named = typeof shape.parent === 'number' ? keys[shape.parent % keys.length] : undefined;
      const parentId =
        shape.parent === 'null'
          ? null
          : shape.parent === 'gone'
            ? messageId(9_999)
            : named === undefined
              ? undefined
              : messageId(named);
      return {
        record: message({
          key,
          chatId: shape.where === 'other' ? otherChatId : chatId,
          createdAt: shape.createdAt,
          ...(parentId === undefined ? {} : { parentId }),
        }),
        deleted: shape.where === 'deleted',
      };
    }),
  );

describe('the tree read through the indexes', () => {
  it('is the tree of all the chat’s live messages: same branch, versions and newest leaves', async () => {
    await fc.assert(
      fc.asyncProperty(storedArb, fc.integer({ min: 1, max: 8 }), fc.nat({ max: 30 }), async (stored, limit, pick) => {
        const storage = testStorage();
        const { db } = storage;
        await db.messages.bulkPut(
          stored.map(({ record, deleted }) =>
            deleted ? { id: record.id, updatedAt: record.updatedAt, deleted: true } : record,
          ),
        );
        const live = stored
          .filter(({ record, deleted }) => !deleted && record.chatId === chatId)
          .map(({ record }) => record);
        const tree = new ConversationTree(live);
        const shownLeafId = stored[pick % Math.max(1, stored.length)]?.record.id ?? null;
        const chat: Chat = {
          id: chatId,
          updatedAt: '001700000000000-000000-test',
          deleted: false,
          title: '',
          systemPrompt: '',
          modelConfigId: null,
          params: {},
          pinned: false,
          forkedFrom: null,
          shownLeafId,
          createdAt: 0,
          lastActivityAt: 0,
        };
        await db.chats.put(chat);

        const branch = shownBranch(tree, shownLeafId);
        const page = await shownBranchPage(db, chatId, limit);
        expect(page.messages.map((entry) => entry.message.id)).toEqual(branch.slice(-limit).map((m) => m.id));
        expect(page.hasEarlier).toBe(branch.length > limit);
        for (const entry of page.messages) expect(entry.versions).toEqual(versionsOf(tree, entry.message.id));
        // Walking down and across without the window read ahead: every lookup goes to the indexes.
        const reader = chatReader(db, chatId);
        for (const message of live) {
          expect((await reader.parentOf(message))?.id).toBe(tree.parentOf(message.id)?.id);
          expect((await reader.childrenOf(message)).map((m) => m.id)).toEqual(
            tree.childrenOf(message.id).map((m) => m.id),
          );
          expect((await reader.newestUnder(message)).id).toBe(newestLeafUnder(tree, message.id)?.id);
        }
        db.close();
      }),
      { numRuns: 150 },
    );
  });
});
