import { initialAnswerState } from '@hearth/core';
import { describe, expect, it } from 'vitest';
import { testStorage } from '../../test/test-storage.ts';
import { createChat, deleteChat, getChat, listChats } from './chats-repository.ts';
import {
  appendQuestion,
  deleteMessage,
  editQuestion,
  listMessages,
  recentMessages,
  recoverAbandonedAnswers,
  replaceAnswer,
  saveAnswer,
} from './messages-repository.ts';

async function chatWithTurns(turns: string[]) {
  const storage = testStorage();
  const chat = await createChat(storage);
  const answers = [];
  for (const content of turns) {
    const { answer } = await appendQuestion(storage, { chatId: chat.id, content, model: 'm' });
    await saveAnswer(storage, {
      id: answer.id,
      state: { ...initialAnswerState(), content: `re: ${content}`, status: 'done' },
    });
    answers.push(answer);
  }
  return { storage, chat, answers };
}

describe('messages repository', () => {
  it('stores the question and a pending answer together, titling the chat', async () => {
    const storage = testStorage();
    const chat = await createChat(storage);
    const { question, answer } = await appendQuestion(storage, {
      chatId: chat.id,
      content: 'Hello there\nsecond line',
      model: 'gpt',
    });
    const stored = await listMessages(storage.db, chat.id);
    expect(stored.map((m) => [m.id, m.role, m.status])).toEqual([
      [question.id, 'user', 'done'],
      [answer.id, 'assistant', 'pending'],
    ]);
    expect((await getChat(storage.db, chat.id))?.title).toBe('Hello there');
  });

  it('reads only the newest page of a long chat, in order, and says whether more exist', async () => {
    const { storage, chat } = await chatWithTurns(['one', 'two', 'three']);
    await deleteMessage(storage, (await listMessages(storage.db, chat.id))[5]?.id ?? '');
    const all = await listMessages(storage.db, chat.id);
    const page = await recentMessages(storage.db, chat.id, 3);
    expect(page.messages.map((m) => m.content)).toEqual(all.slice(-3).map((m) => m.content));
    expect(page.messages.map((m) => m.content)).toEqual(['two', 're: two', 'three']);
    expect(page.hasEarlier).toBe(true);
    expect((await recentMessages(storage.db, chat.id, 5)).hasEarlier).toBe(false);
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

  it('regenerates by replacing the last answer with a pending one', async () => {
    const { storage, chat, answers } = await chatWithTurns(['one', 'two']);
    const last = answers[1];
    if (!last) throw new Error('fixture');
    const fresh = await replaceAnswer(storage, { answerId: last.id, model: 'm2' });
    const live = await listMessages(storage.db, chat.id);
    expect(live.map((m) => m.content)).toEqual(['one', 're: one', 'two', '']);
    expect(live.at(-1)).toMatchObject({ id: fresh.id, status: 'pending', model: 'm2' });
    expect((await storage.db.messages.get(last.id))?.deleted).toBe(true);
  });

  it('edits a question and replaces everything after it', async () => {
    const { storage, chat } = await chatWithTurns(['one', 'two', 'three']);
    const second = (await listMessages(storage.db, chat.id))[2];
    if (!second) throw new Error('fixture');
    await editQuestion(storage, { questionId: second.id, content: 'two, edited', model: 'm' });
    const live = await listMessages(storage.db, chat.id);
    expect(live.map((m) => [m.role, m.content, m.status])).toEqual([
      ['user', 'one', 'done'],
      ['assistant', 're: one', 'done'],
      ['user', 'two, edited', 'done'],
      ['assistant', '', 'pending'],
    ]);
  });

  it('saves streamed state and deletes single messages', async () => {
    const { storage, chat, answers } = await chatWithTurns(['q']);
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
    await deleteMessage(storage, answer.id);
    expect((await listMessages(storage.db, chat.id)).map((m) => m.role)).toEqual(['user']);
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
