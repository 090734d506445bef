import { initialAnswerState } from '@hearth/core';
import type { Message } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { testStorage } from '../../test/test-storage.ts';
import { showBranch, shownBranchPage } from './branches-repository.ts';
import { createChat, deleteChat, getChat, listChats } from './chats-repository.ts';
import {
  addAnswerVersion,
  addQuestionVersion,
  appendQuestion,
  appendQueuedQuestion,
  chatTree,
  deleteMessage,
  listMessages,
  recoverAbandonedAnswers,
  releaseQueuedQuestion,
  saveAnswer,
  takeBackQueuedQuestion,
} from './messages-repository.ts';
import type { Storage } from './storage.ts';

async function answerWith(storage: Storage, answer: Message, content: string): Promise<void> {
  await saveAnswer(storage, { id: answer.id, state: { ...initialAnswerState(), content, status: 'done' } });
}

async function chatWithTurns(turns: string[]) {
  const storage = testStorage();
  const chat = await createChat(storage);
  const answers = [];
  for (const content of turns) {
    const { answer } = await appendQuestion(storage, { chatId: chat.id, content, model: 'm' });
    await answerWith(storage, answer, `re: ${content}`);
    answers.push(answer);
  }
  return { storage, chat, answers };
}

/** The branch the chat shows, as texts. */
async function shown(storage: Storage, chatId: string): Promise<string[]> {
  return (await shownBranchPage(storage.db, chatId, 1_000)).messages.map(({ message }) => message.content);
}

describe('messages repository', () => {
  it('stores the question and a pending answer together at the end of the branch, titling the chat', async () => {
    const storage = testStorage();
    const chat = await createChat(storage);
    const { question, answer } = await appendQuestion(storage, {
      chatId: chat.id,
      content: 'Hello there\nsecond line',
      model: 'gpt',
    });
    const stored = await listMessages(storage.db, chat.id);
    expect(stored.map((m) => [m.id, m.role, m.status, m.parentId])).toEqual([
      [question.id, 'user', 'done', null],
      [answer.id, 'assistant', 'pending', question.id],
    ]);
    expect(await getChat(storage.db, chat.id)).toMatchObject({ title: 'Hello there', shownLeafId: answer.id });
  });

  it('orders the chat list by last activity, pinned first, without deleted chats', async () => {
    const storage = testStorage();
    const older = await createChat(storage, { title: 'older' });
    const pinned = await createChat(storage, { title: 'pinned', pinned: true });
    const gone = await createChat(storage, { title: 'gone' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await appendQuestion(storage, { chatId: older.id, content: 'bump', model: 'm' });
    await deleteChat(storage, gone.id);
    expect((await listChats(storage.db)).map((c) => c.title)).toEqual(['pinned', 'older']);
    expect(pinned.pinned).toBe(true);
  });

  it('deletes a chat with its messages as tombstones with newer clocks', async () => {
    const { storage, chat } = await chatWithTurns(['a']);
    const before = await storage.db.messages.toArray();
    await deleteChat(storage, chat.id);
    const after = await storage.db.messages.toArray();
    expect(after.every((m) => m.deleted)).toBe(true);
    for (const message of after) {
      const old = before.find((m) => m.id === message.id);
      expect(old && message.updatedAt > old.updatedAt).toBe(true);
    }
    expect(await listMessages(storage.db, chat.id)).toEqual([]);
  });

  it('regenerates beside the old answer: both stay, the chat shows the new one', async () => {
    const { storage, chat, answers } = await chatWithTurns(['one', 'two']);
    const [first, last] = answers;
    if (!first || !last) throw new Error('fixture');
    const fresh = await addAnswerVersion(storage, { answerId: first.id, model: 'm2' });
    const tree = await chatTree(storage.db, chat.id);
    expect(tree.parentOf(fresh.id)?.id).toBe(tree.parentOf(first.id)?.id);
    expect(fresh).toMatchObject({ status: 'pending', model: 'm2' });
    // The new version shows, and the old one with everything below it is still there.
    expect(await shown(storage, chat.id)).toEqual(['one', '']);
    expect((await getChat(storage.db, chat.id))?.shownLeafId).toBe(fresh.id);
    await showBranch(storage, { chatId: chat.id, messageId: first.id });
    expect(await shown(storage, chat.id)).toEqual(['one', 're: one', 'two', 're: two']);
    expect((await listMessages(storage.db, chat.id)).length).toBe(5);
  });

  it('edits a question as a new version beside it, with a new answer; the old branch stays', async () => {
    const { storage, chat } = await chatWithTurns(['one', 'two', 'three']);
    const second = (await listMessages(storage.db, chat.id))[2];
    if (!second) throw new Error('fixture');
    const answer = await addQuestionVersion(storage, { questionId: second.id, content: 'two, edited', model: 'm' });
    expect(answer.status).toBe('pending');
    expect(await shown(storage, chat.id)).toEqual(['one', 're: one', 'two, edited', '']);
    const page = await shownBranchPage(storage.db, chat.id, 10);
    expect(page.messages[2]?.versions).toMatchObject({ index: 2, count: 2, previousId: second.id, nextId: null });
    await showBranch(storage, { chatId: chat.id, messageId: second.id });
    expect(await shown(storage, chat.id)).toEqual(['one', 're: one', 'two', 're: two', 'three', 're: three']);
    expect(await getMessage(storage, second.id)).toMatchObject({ content: 'two', deleted: false });
  });

  it('sends on the branch on screen, after a switch to an older version too', async () => {
    const { storage, chat, answers } = await chatWithTurns(['one']);
    const [first] = answers;
    if (!first) throw new Error('fixture');
    const second = await addAnswerVersion(storage, { answerId: first.id, model: 'm' });
    await answerWith(storage, second, 'another one');
    await showBranch(storage, { chatId: chat.id, messageId: first.id });
    const { question } = await appendQuestion(storage, { chatId: chat.id, content: 'more', model: 'm' });
    expect(question.parentId).toBe(first.id);
    expect(await shown(storage, chat.id)).toEqual(['one', 're: one', 'more', '']);
  });

  it('deletes a message with everything below it, in every version; the chat shows the branch above', async () => {
    const { storage, chat, answers } = await chatWithTurns(['one', 'two']);
    const [first] = answers;
    if (!first) throw new Error('fixture');
    const other = await addAnswerVersion(storage, { answerId: first.id, model: 'm' });
    await answerWith(storage, other, 'other one');
    const messages = await listMessages(storage.db, chat.id);
    const question = messages[0];
    if (!question) throw new Error('fixture');
    await showBranch(storage, { chatId: chat.id, messageId: first.id });
    // Deleting the first answer takes the turn below it; its sibling stays and shows.
    const deleted = await deleteMessage(storage, first.id);
    expect(deleted.sort()).toEqual(
      messages
        .filter((m) => m.content.includes('two') || m.id === first.id)
        .map((m) => m.id)
        .sort(),
    );
    for (const id of deleted)
      expect(await storage.db.messages.get(id)).toEqual({ id, updatedAt: expect.any(String), deleted: true });
    expect((await getChat(storage.db, chat.id))?.shownLeafId).toBe(question.id);
    expect(await shown(storage, chat.id)).toEqual(['one', 'other one']);
  });

  it('saves streamed state', async () => {
    const { storage, answers } = await chatWithTurns(['q']);
    const answer = answers[0];
    if (!answer) throw new Error('fixture');
    await saveAnswer(storage, {
      id: answer.id,
      state: {
        ...initialAnswerState(),
        content: 'partial',
        status: 'error',
        error: { code: 'interrupted', message: 'cut' },
      },
      connection: 'direct',
    });
    expect(await storage.db.messages.get(answer.id)).toMatchObject({
      content: 'partial',
      status: 'error',
      error: { code: 'interrupted' },
      connection: 'direct',
    });
  });

  it('sends queued questions as one line: each answer goes between its question and the next', async () => {
    const storage = testStorage();
    const chat = await createChat(storage);
    const first = await appendQueuedQuestion(storage, { chatId: chat.id, content: 'q1' });
    const second = await appendQueuedQuestion(storage, { chatId: chat.id, content: 'q2' });
    expect(second.parentId).toBe(first.id);
    const a1 = await releaseQueuedQuestion(storage, { questionId: first.id, model: 'm' });
    if (!a1) throw new Error('released');
    await answerWith(storage, a1, 'a1');
    const a2 = await releaseQueuedQuestion(storage, { questionId: second.id, model: 'm' });
    if (!a2) throw new Error('released');
    await answerWith(storage, a2, 'a2');
    expect(await shown(storage, chat.id)).toEqual(['q1', 'a1', 'q2', 'a2']);
    expect((await listMessages(storage.db, chat.id)).map((m) => m.content)).toEqual(['q1', 'a1', 'q2', 'a2']);
  });

  it('takes a queued question back without the one queued after it', async () => {
    const storage = testStorage();
    const chat = await createChat(storage);
    const { answer } = await appendQuestion(storage, { chatId: chat.id, content: 'q0', model: 'm' });
    await answerWith(storage, answer, 'a0');
    const first = await appendQueuedQuestion(storage, { chatId: chat.id, content: 'q1' });
    await appendQueuedQuestion(storage, { chatId: chat.id, content: 'q2' });
    expect((await takeBackQueuedQuestion(storage, first.id))?.content).toBe('q1');
    expect(await shown(storage, chat.id)).toEqual(['q0', 'a0', 'q2']);
  });

  it('reads, sends and regenerates in a chat written before branches as one line', async () => {
    const { storage, chat, answers } = await chatWithTurns(['one', 'two']);
    // As an app before branches stored it: no parentId anywhere, no shownLeafId.
    for (const message of await listMessages(storage.db, chat.id)) {
      const { parentId: _parent, ...older } = message;
      await storage.db.messages.put(older);
    }
    const { shownLeafId: _leaf, ...olderChat } = (await getChat(storage.db, chat.id)) ?? chat;
    await storage.db.chats.put(olderChat);
    expect(await shown(storage, chat.id)).toEqual(['one', 're: one', 'two', 're: two']);
    const last = answers[1];
    if (!last) throw new Error('fixture');
    await addAnswerVersion(storage, { answerId: last.id, model: 'm' });
    expect(await shown(storage, chat.id)).toEqual(['one', 're: one', 'two', '']);
    await showBranch(storage, { chatId: chat.id, messageId: last.id });
    await appendQuestion(storage, { chatId: chat.id, content: 'three', model: 'm' });
    expect(await shown(storage, chat.id)).toEqual(['one', 're: one', 'two', 're: two', 'three', '']);
  });

  it('marks answers left streaming by a dead tab as failed, keeping their text, but not live ones', async () => {
    const storage = testStorage();
    const chat = await createChat(storage);
    const dead = (await appendQuestion(storage, { chatId: chat.id, content: 'a', model: 'm' })).answer;
    const live = (await appendQuestion(storage, { chatId: chat.id, content: 'b', model: 'm' })).answer;
    await saveAnswer(storage, {
      id: dead.id,
      state: { ...initialAnswerState(), content: 'half', status: 'streaming' },
    });
    const count = await recoverAbandonedAnswers(storage, (id) => id === live.id);
    expect(count).toBe(1);
    expect(await storage.db.messages.get(dead.id)).toMatchObject({
      status: 'error',
      content: 'half',
      error: { code: 'abandoned' },
    });
    expect(await storage.db.messages.get(live.id)).toMatchObject({ status: 'pending' });
  });
});

async function getMessage(storage: Storage, id: string) {
  return storage.db.messages.get(id);
}
