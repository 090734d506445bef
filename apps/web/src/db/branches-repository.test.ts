import { initialAnswerState } from '@hearth/core';
import { describe, expect, it } from 'vitest';
import { testStorage } from '../../test/test-storage.ts';
import { forkChat, messagesBelow, showBranch, shownBranchPage } from './branches-repository.ts';
import { createChat, getChat, updateChat } from './chats-repository.ts';
import { addAnswerVersion, appendQuestion, listMessages, saveAnswer } from './messages-repository.ts';
import { outboxKey } from './outbox-middleware.ts';

async function chatWithTurns(turns: string[]) {
  const storage = testStorage();
  const chat = await createChat(storage);
  for (const content of turns) {
    const { answer } = await appendQuestion(storage, { chatId: chat.id, content, model: 'm' });
    await saveAnswer(storage, {
      id: answer.id,
      state: { ...initialAnswerState(), content: `re: ${content}`, status: 'done' },
    });
  }
  return { storage, chat, messages: await listMessages(storage.db, chat.id) };
}

describe('branches repository', () => {
  it('reads only the newest page of the shown branch, in order, with each message’s place and versions', async () => {
    const { storage, chat, messages } = await chatWithTurns(['one', 'two', 'three']);
    const answer = messages[3];
    if (!answer) throw new Error('fixture');
    await addAnswerVersion(storage, { answerId: answer.id, model: 'm' });
    await showBranch(storage, { chatId: chat.id, messageId: answer.id });
    const page = await shownBranchPage(storage.db, chat.id, 3);
    expect(page.messages.map(({ message, place }) => [message.content, place])).toEqual([
      ['re: two', messages[2]?.id],
      ['three', page.messages[0]?.message.id],
      ['re: three', messages[4]?.id],
    ]);
    expect(page.hasEarlier).toBe(true);
    expect(page.messages[0]?.versions).toMatchObject({ index: 1, count: 2, previousId: null });
    expect(page.messages[1]?.versions).toMatchObject({ index: 1, count: 1 });
    expect((await shownBranchPage(storage.db, chat.id, 6)).hasEarlier).toBe(false);
  });

  it('switching to a version shows it down to its newest message, and writes nothing when nothing changes', async () => {
    const { storage, chat, messages } = await chatWithTurns(['one', 'two']);
    const [question, answer] = messages;
    if (!question || !answer) throw new Error('fixture');
    await showBranch(storage, { chatId: chat.id, messageId: question.id });
    const shown = await getChat(storage.db, chat.id);
    expect(shown?.shownLeafId).toBe(messages[3]?.id);
    await showBranch(storage, { chatId: chat.id, messageId: answer.id });
    expect((await getChat(storage.db, chat.id))?.updatedAt).toBe(shown?.updatedAt);
  });

  it('counts what a delete takes with it, in every version', async () => {
    const { storage, messages } = await chatWithTurns(['one', 'two']);
    const [question, answer] = messages;
    if (!question || !answer) throw new Error('fixture');
    await addAnswerVersion(storage, { answerId: answer.id, model: 'm' });
    expect(await messagesBelow(storage.db, question.id)).toBe(4);
    expect(await messagesBelow(storage.db, messages[3]?.id ?? '')).toBe(0);
  });

  it('forks the branch down to a message into a new chat with the chat’s options', async () => {
    const { storage, chat, messages } = await chatWithTurns(['one', 'two']);
    await updateChat(storage, chat.id, { systemPrompt: 'Be brief.' });
    const upTo = messages[1];
    if (!upTo) throw new Error('fixture');
    const fork = await forkChat(storage, upTo.id);
    if (!fork) throw new Error('forked');
    expect(fork).toMatchObject({
      title: 'one',
      systemPrompt: 'Be brief.',
      forkedFrom: { chatId: chat.id, messageId: upTo.id },
    });
    const page = await shownBranchPage(storage.db, fork.id, 10);
    expect(page.messages.map(({ message }) => message.content)).toEqual(['one', 're: one']);
    expect((await listMessages(storage.db, chat.id)).map((m) => m.id)).toEqual(messages.map((m) => m.id));
    // The fork syncs like any change: its records are queued for push with them.
    const queued = new Set((await storage.db.outbox.toArray()).map((entry) => entry.key));
    for (const key of [
      outboxKey('chats', fork.id),
      ...page.messages.map(({ message }) => outboxKey('messages', message.id)),
    ]) {
      expect(queued).toContain(key);
    }
  });
});
