import { chatSchema, messageSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { testContext, testConversation } from '../test/fixtures.ts';
import { ConversationTree } from './conversation-tree.ts';
import { forkBranch } from './fork-branch.ts';
import { shownBranch } from './shown-branch.ts';

describe('forkBranch', () => {
  it('copies the branch into a new chat that names its origin, one line in the same order', () => {
    const { chat, messages } = testConversation(
      [
        ['  Plan a trip\nto Lisbon', 'Day one…', 'done'],
        ['And day two?', 'Day two…', 'done'],
        ['Day three?', 'Day three…', 'done'],
      ],
      { systemPrompt: 'Be brief.', params: { temperature: 0.3 } },
    );
    const original = messages.map((message, at) =>
      at === 1
        ? { ...message, reasoning: 'thinking', usage: { promptTokens: 3, completionTokens: 4, totalTokens: 7 } }
        : at === 2
          ? { ...message, attachments: [{ hash: 'd'.repeat(64), name: 'map.png', mediaType: 'image/png', size: 9 }] }
          : message,
    );
    const upTo = original.slice(0, 4);
    const forked = forkBranch(testContext(1_800_000_000_000), { chat, branch: upTo });
    if (forked === undefined) throw new Error('a branch to fork');

    expect(chatSchema.parse(forked.chat)).toMatchObject({
      title: 'Plan a trip',
      systemPrompt: 'Be brief.',
      params: { temperature: 0.3 },
      forkedFrom: { chatId: chat.id, messageId: upTo[3]?.id },
      shownLeafId: forked.messages[3]?.id,
    });
    expect(forked.chat.id).not.toBe(chat.id);
    for (const copy of forked.messages) expect(messageSchema.parse(copy).chatId).toBe(forked.chat.id);
    const fields = ({
      role,
      content,
      reasoning,
      status,
      model,
      usage,
      createdAt,
      error,
      attachments,
    }: (typeof original)[number]) => ({
      role,
      content,
      reasoning,
      status,
      model,
      usage,
      createdAt,
      error,
      attachments,
    });
    expect(forked.messages.map(fields)).toEqual(upTo.map(fields));
    const originalIds = new Set(original.map((message) => message.id));
    expect(forked.messages.some((copy) => originalIds.has(copy.id))).toBe(false);
    // The copies read as exactly one branch: each below the one before it.
    const tree = new ConversationTree(forked.messages);
    expect(shownBranch(tree, null).map((m) => m.id)).toEqual(forked.messages.map((m) => m.id));
    expect(forked.messages.map((m) => m.parentId)).toEqual([null, ...forked.messages.slice(0, -1).map((m) => m.id)]);
  });

  it('keeps the order of messages created in the same millisecond', () => {
    const { chat, messages } = testConversation([['q', 'a', 'done']]);
    const sameTime = messages.map((message) => ({ ...message, createdAt: 5, parentId: undefined }));
    const forked = forkBranch(testContext(), { chat, branch: sameTime });
    const tree = new ConversationTree(forked?.messages ?? []);
    expect(shownBranch(tree, null).map((m) => m.content)).toEqual(['q', 'a']);
    expect(tree.parentOf(forked?.messages[1]?.id ?? '')?.id).toBe(forked?.messages[0]?.id);
  });

  it('copies a snapshot: an answer still arriving ends there, a queued question is not asked again; ratings stay behind', () => {
    const { chat, messages } = testConversation([
      ['rated', 'good', 'done'],
      ['still typing', 'half', 'streaming'],
    ]);
    const branch = messages.map((message, at) =>
      at === 1
        ? { ...message, feedback: { rating: 5, comment: 'yes' } }
        : at === 2
          ? { ...message, status: 'queued' as const }
          : message,
    );
    const forked = forkBranch(testContext(), { chat, branch });
    expect(forked?.messages.map((m) => [m.content, m.status, m.feedback])).toEqual([
      ['rated', 'done', null],
      ['good', 'done', null],
      ['still typing', 'done', null],
      ['half', 'stopped', null],
    ]);
  });

  it('copies only the fields this version knows', () => {
    const { chat, messages } = testConversation([['q', 'a', 'done']]);
    const branch = messages.map((message) => ({ ...message, blobRef: 'sha256-of-the-original' }));
    const forked = forkBranch(testContext(), { chat, branch });
    expect(JSON.stringify(forked)).not.toContain('blobRef');
  });
});
